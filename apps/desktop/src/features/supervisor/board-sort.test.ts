import type { TSupervisorAgent } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { isAtLimit, nextSort, otherChannels, sortAgents, totalHeld } from './board-sort';

/** Live chat alone unless `channels` is given, as the server lists it. */
const agent = (over: Partial<TSupervisorAgent> & Pick<TSupervisorAgent, 'name'>): TSupervisorAgent => ({
  id: over.name,
  state: 'available',
  stateReason: null,
  stateSince: '2025-03-01T10:00:00Z',
  held: 0,
  limit: 3,
  channels: [{ channel: 'livechat', held: over.held ?? 0, limit: over.limit ?? 3 }],
  conversations: 0,
  teams: [],
  ...over,
});

const names = (agents: TSupervisorAgent[]) => agents.map((a) => a.name);

describe('sortAgents', () => {
  const board = [
    agent({ name: 'Dora', state: 'offline' }),
    agent({ name: 'Bob', state: 'refused' }),
    agent({ name: 'Cleo', state: 'available', held: 3 }),
    agent({ name: 'Alice', state: 'rona', stateSince: '2025-03-01T10:05:00Z' }),
    agent({ name: 'Eve', state: 'rona', stateSince: '2025-03-01T10:01:00Z' }),
    agent({ name: 'Finn', state: 'idle', stateReason: 'Lunch', held: 1 }),
  ];

  it('puts RONA and Refused first by state, the longest in the state first', () => {
    expect(names(sortAgents(board, { key: 'state', direction: 'ascending' }))).toEqual([
      'Eve',
      'Alice',
      'Bob',
      'Cleo',
      'Finn',
      'Dora',
    ]);
  });

  it('reverses on descending and never changes its input', () => {
    const before = names(board);
    expect(names(sortAgents(board, { key: 'state', direction: 'descending' }))[0]).toBe('Dora');
    expect(names(board)).toEqual(before);
  });

  it('sorts by name and by what the agent holds', () => {
    expect(names(sortAgents(board, { key: 'name', direction: 'ascending' }))).toEqual([
      'Alice',
      'Bob',
      'Cleo',
      'Dora',
      'Eve',
      'Finn',
    ]);
    expect(names(sortAgents(board, { key: 'held', direction: 'descending' })).slice(0, 2)).toEqual([
      'Cleo',
      'Finn',
    ]);
  });
});

describe('per channel', () => {
  const gus = agent({
    name: 'Gus',
    held: 1,
    channels: [
      { channel: 'livechat', held: 1, limit: 3 },
      { channel: 'whatsapp', held: 2, limit: 5 },
      { channel: 'sms', held: 0, limit: 2 },
    ],
  });

  it('sorts the held column by what the agent holds on every channel', () => {
    expect(totalHeld(gus)).toBe(3);
    const board = [agent({ name: 'Hana', held: 2 }), gus, agent({ name: 'Ivo', held: 3 })];
    expect(names(sortAgents(board, { key: 'held', direction: 'ascending' }))).toEqual(['Hana', 'Gus', 'Ivo']);
  });

  it('lists the channels after live chat in the order given', () => {
    expect(otherChannels(gus).map((c) => c.channel)).toEqual(['whatsapp', 'sms']);
    expect(otherChannels(agent({ name: 'Hana' }))).toEqual([]);
  });
});

describe('nextSort', () => {
  it('reverses the sorted column and starts another ascending', () => {
    expect(nextSort({ key: 'state', direction: 'ascending' }, 'state')).toEqual({
      key: 'state',
      direction: 'descending',
    });
    expect(nextSort({ key: 'state', direction: 'descending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
  });
});

describe('isAtLimit', () => {
  it('is true when what the agent holds reaches the limit', () => {
    expect(isAtLimit({ held: 3, limit: 3 })).toBe(true);
    expect(isAtLimit({ held: 2, limit: 3 })).toBe(false);
  });
});
