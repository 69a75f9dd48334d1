import { describe, expect, it } from 'vitest';
import type { Candidate } from '../src/model';
import { getRoutingStrategy, leastBusy, longestAvailable, roundRobin } from '../src/routing/strategies';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, s));
const candidate = (agentId: string, over: Partial<Candidate> = {}): Candidate => ({
  agentId,
  availableSince: at(0),
  load: 0,
  limit: 3,
  lastOfferedAt: null,
  ...over,
});

describe('routing strategies', () => {
  it('longest-available picks the agent Available the longest', () => {
    const chosen = longestAvailable.choose([
      candidate('b', { availableSince: at(30) }),
      candidate('a', { availableSince: at(10) }),
      candidate('c', { availableSince: at(20) }),
    ]);
    expect(chosen?.agentId).toBe('a');
  });

  it('longest-available counts from the last offer, so offers go round the free agents', () => {
    const chosen = longestAvailable.choose([
      candidate('a', { availableSince: at(0), lastOfferedAt: at(40) }),
      candidate('b', { availableSince: at(30), lastOfferedAt: null }),
    ]);
    expect(chosen?.agentId).toBe('b');
  });

  it('least-busy picks the lowest share of the limit', () => {
    const chosen = leastBusy.choose([
      candidate('a', { load: 2, limit: 3 }),
      candidate('b', { load: 3, limit: 12 }),
      candidate('c', { load: 1, limit: 2 }),
    ]);
    expect(chosen?.agentId).toBe('b');
  });

  it('round-robin picks the agent offered least recently, never-offered first', () => {
    const chosen = roundRobin.choose([
      candidate('a', { lastOfferedAt: at(5) }),
      candidate('b', { lastOfferedAt: null }),
      candidate('c', { lastOfferedAt: at(1) }),
    ]);
    expect(chosen?.agentId).toBe('b');
  });

  it('breaks ties by id so that every process decides alike, and picks none from none', () => {
    expect(longestAvailable.choose([candidate('z'), candidate('m'), candidate('q')])?.agentId).toBe('m');
    expect(longestAvailable.choose([])).toBeNull();
  });

  it('registers strategies by name, defaulting to longest-available', () => {
    expect(getRoutingStrategy('round-robin')).toBe(roundRobin);
    expect(getRoutingStrategy('least-busy')).toBe(leastBusy);
    expect(getRoutingStrategy('unknown')).toBe(longestAvailable);
  });
});
