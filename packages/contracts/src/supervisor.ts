import { z } from 'zod';
import { ZAgentState, ZId, ZIsoDate } from './common';

/**
 * The supervisor's live board: per queue, what waits and for how long; per agent, their state and
 * load. Counts and names only: no customer data, so nothing here needs masking.
 */

export const ZSupervisorQueue = z.object({
  id: ZId,
  name: z.string(),
  /** Conversations waiting in the queue (not yet offered). */
  waiting: z.number().int(),
  /** The place of the one waiting longest (its queued time), or null when none waits. */
  longestWaitSince: ZIsoDate.nullable(),
  /** Conversations offered to an agent, not yet accepted. */
  offered: z.number().int(),
  active: z.number().int(),
  serviceLevelSeconds: z.number().int(),
});
export type TSupervisorQueue = z.infer<typeof ZSupervisorQueue>;

export const ZSupervisorAgent = z.object({
  id: ZId,
  name: z.string(),
  state: ZAgentState,
  stateReason: z.string().nullable(),
  stateSince: ZIsoDate,
  /** What counts against the limit, as routing counts it: active, in wrap-up, and pending offers. */
  held: z.number().int(),
  /**
   * The agent's chat limit (users.chat_limit, the live-chat channel's). Limits are per channel;
   * `held` counts every channel, which is exact while live chat is the only channel served.
   */
  limit: z.number().int(),
  /** Conversations the agent takes part in live (active or in wrap-up). */
  conversations: z.number().int(),
  teams: z.array(z.string()),
});
export type TSupervisorAgent = z.infer<typeof ZSupervisorAgent>;

export const ZSupervisorOverview = z.object({
  queues: z.array(ZSupervisorQueue),
  agents: z.array(ZSupervisorAgent),
  generatedAt: ZIsoDate,
});
export type TSupervisorOverview = z.infer<typeof ZSupervisorOverview>;
