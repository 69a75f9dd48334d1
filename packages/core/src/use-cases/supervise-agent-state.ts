import type { TRole } from '@switchboard/contracts';
import { authorizeRole } from './authorize-role';
import { setAgentState } from './set-agent-state';
import type { UseCaseContext } from './types';

/**
 * A supervisor sets an agent's state, e.g. back to Available from RONA or Refused (the seeds: only
 * the agent leaves those states, "or a supervisor" in the issue), or to Idle. Logged like any state
 * change. Never an offline agent's: made Available, they would be offered conversations nobody
 * sees, each waiting out its offer timer (AGENT_OFFLINE).
 */
export const superviseAgentState = async ({
  actorRole,
  ...input
}: UseCaseContext & {
  actorRole: TRole;
  agentId: string;
  state: 'available' | 'idle';
  idleReasonId?: string;
}) => {
  authorizeRole({ role: actorRole, allowed: ['supervisor', 'admin'] });
  return setAgentState({ ...input, mustBeOnline: true });
};
