import type { TAgentStateSnapshot, TReason, TSetStateRequest } from '@switchboard/contracts';

export type PresenceEvent = { type: 'changed'; snapshot: TAgentStateSnapshot };

/**
 * A REST answer and a socket push can report the same change in either order: keep the newer.
 */
export const presenceReducer = (current: TAgentStateSnapshot, event: PresenceEvent): TAgentStateSnapshot => {
  const next = event.snapshot;
  const older = Date.parse(next.stateSince) < Date.parse(current.stateSince);
  return older ? current : next;
};

const IDLE_PREFIX = 'idle:';

/** The `<select>` value for a snapshot: `available`, `idle:<reasonId>`, or a state the agent cannot choose. */
export const presenceValueOf = (snapshot: TAgentStateSnapshot, idleReasons: readonly TReason[]): string => {
  if (snapshot.state !== 'idle') {
    return snapshot.state;
  }
  // The contract leaves open whether `stateReason` carries the reason's id or its name: accept both.
  const reason = idleReasons.find((r) => r.id === snapshot.stateReason || r.name === snapshot.stateReason);
  return reason ? `${IDLE_PREFIX}${reason.id}` : 'idle';
};

export const idleValue = (reason: TReason): string => `${IDLE_PREFIX}${reason.id}`;

/** What the agent may choose: Available, or Idle with a reason. RONA and Refused are only left. */
export const toSetStateRequest = (value: string): TSetStateRequest | null => {
  if (value === 'available') {
    return { state: 'available' };
  }
  if (value.startsWith(IDLE_PREFIX) && value.length > IDLE_PREFIX.length) {
    return { state: 'idle', idleReasonId: value.slice(IDLE_PREFIX.length) };
  }
  return null;
};

/** RONA and Refused are left only by choosing Available by hand (seeds: "manuell von RONA in Verfügbar"). */
export const needsManualAvailable = (snapshot: TAgentStateSnapshot): boolean =>
  snapshot.state === 'rona' || snapshot.state === 'refused';
