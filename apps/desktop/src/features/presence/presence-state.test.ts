import type { TAgentStateSnapshot } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { needsManualAvailable, presenceReducer, presenceValueOf, toSetStateRequest } from './presence-state';

const reasons = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Break' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Lunch' },
];

const snap = (state: TAgentStateSnapshot['state'], stateReason: string | null, stateSince: string) => ({
  state,
  stateReason,
  stateSince,
});

describe('presenceValueOf', () => {
  it('maps states and idle reasons (by id or by name) to select values', () => {
    expect(presenceValueOf(snap('available', null, 'x'), reasons)).toBe('available');
    expect(presenceValueOf(snap('idle', reasons[1]?.id ?? '', 'x'), reasons)).toBe(`idle:${reasons[1]?.id}`);
    expect(presenceValueOf(snap('idle', 'Break', 'x'), reasons)).toBe(`idle:${reasons[0]?.id}`);
    expect(presenceValueOf(snap('idle', 'Unknown', 'x'), reasons)).toBe('idle');
    expect(presenceValueOf(snap('rona', null, 'x'), reasons)).toBe('rona');
  });
});

describe('toSetStateRequest', () => {
  it('turns a choice into the request body, and refuses states the agent cannot choose', () => {
    expect(toSetStateRequest('available')).toEqual({ state: 'available' });
    expect(toSetStateRequest('idle:abc')).toEqual({ state: 'idle', idleReasonId: 'abc' });
    expect(toSetStateRequest('idle:')).toBeNull();
    expect(toSetStateRequest('rona')).toBeNull();
    expect(toSetStateRequest('refused')).toBeNull();
  });
});

describe('presenceReducer', () => {
  it('keeps the newer of two snapshots', () => {
    const current = snap('rona', null, '2025-01-01T10:00:05Z');
    expect(
      presenceReducer(current, {
        type: 'changed',
        snapshot: snap('available', null, '2025-01-01T10:00:00Z'),
      }),
    ).toBe(current);
    const newer = snap('available', null, '2025-01-01T10:00:09Z');
    expect(presenceReducer(current, { type: 'changed', snapshot: newer })).toBe(newer);
  });
});

describe('needsManualAvailable', () => {
  it('is true for RONA and Refused only', () => {
    expect(needsManualAvailable(snap('rona', null, 'x'))).toBe(true);
    expect(needsManualAvailable(snap('refused', null, 'x'))).toBe(true);
    expect(needsManualAvailable(snap('idle', null, 'x'))).toBe(false);
  });
});
