import type { TAgentState } from '@switchboard/contracts';
import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import type { Agent } from '../model';
import type { Tx } from '../ports';
import type { UseCaseContext, UseCaseResult } from './types';

/** Changes an agent's state, logs it with its time, and says so; no event when nothing changes. */
export const changeAgentState = async ({
  tx,
  agent,
  state,
  reason,
  now,
}: {
  tx: Tx;
  agent: Agent;
  state: TAgentState;
  reason: string | null;
  now: Date;
}): Promise<DomainEvent[]> => {
  if (agent.state === state && agent.stateReason === reason) {
    return [];
  }
  await tx.agents.setState({ id: agent.id, state, reason, at: now });
  return [{ type: 'agent.state_changed', agentId: agent.id, state, reason, since: now }];
};

/**
 * The agent's own choice: Available, or Idle with an administrator-defined reason. RONA and
 * Refused are only ever left this way (seeds: "manually change your state from RONA to Available").
 */
export const setAgentState = async ({
  tx,
  now,
  agentId,
  state,
  idleReasonId,
  mustBeOnline = false,
}: UseCaseContext & {
  agentId: string;
  state: 'available' | 'idle' | 'offline';
  idleReasonId?: string;
  /** Someone else sets it (a supervisor): an offline agent is left as they are (AGENT_OFFLINE). */
  mustBeOnline?: boolean;
}): Promise<UseCaseResult<{ state: TAgentState; stateReason: string | null; stateSince: Date }>> => {
  const agent = await tx.agents.lock(agentId);
  if (!agent) {
    throw new AppError('USER_NOT_FOUND');
  }
  if (mustBeOnline && agent.state === 'offline') {
    throw new AppError('AGENT_OFFLINE');
  }
  let reason: string | null = null;
  if (state === 'idle') {
    const idle = idleReasonId ? await tx.reasons.getIdleReason(idleReasonId) : null;
    if (!idle) {
      throw new AppError('REASON_NOT_FOUND', 'Choose one of the idle reasons');
    }
    reason = idle.name;
  }
  const events = await changeAgentState({ tx, agent, state, reason, now });
  const stateSince = events.length > 0 ? now : agent.stateSince;
  return { value: { state, stateReason: reason, stateSince }, events };
};
