import { z } from 'zod';
import { ZAgentState, ZChannel, ZId, ZIsoDate } from './common';

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
  /** Conversations transferred into or within the queue, waiting or offered, not yet accepted. */
  transfers: z.number().int(),
  /** Conversations of the queue in a conference (more than one agent active), or with an invitation waiting. */
  conferences: z.number().int(),
  serviceLevelSeconds: z.number().int(),
});
export type TSupervisorQueue = z.infer<typeof ZSupervisorQueue>;

/**
 * An agent's load on one channel, as routing counts it: `held` is agent_loads' figure (live
 * participations, active or in wrap-up, plus pending offers there), `limit` the agent's limit there
 * (their agent_limits row, else users.chat_limit).
 */
export const ZSupervisorAgentChannel = z.object({
  channel: ZChannel,
  held: z.number().int(),
  limit: z.number().int(),
});
export type TSupervisorAgentChannel = z.infer<typeof ZSupervisorAgentChannel>;

export const ZSupervisorAgent = z.object({
  id: ZId,
  name: z.string(),
  state: ZAgentState,
  stateReason: z.string().nullable(),
  stateSince: ZIsoDate,
  /** Live chat's `held`: what counts against the live-chat limit (the `livechat` entry of `channels`). */
  held: z.number().int(),
  /** Live chat's limit (the `livechat` entry of `channels`); other channels have their own. */
  limit: z.number().int(),
  /**
   * The full picture, per channel: every channel where the agent holds something or has a limit
   * of their own, and always live chat; in the order livechat, whatsapp, sms, messenger. A channel
   * left out holds nothing and has the agent's default limit (users.chat_limit).
   */
  channels: z.array(ZSupervisorAgentChannel),
  /** Conversations the agent takes part in live (active or in wrap-up), on every channel. */
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

/**
 * The supervisor's report over a period (core's reports.ts has the definitions): per queue,
 * arrivals, answered, abandoned, abandon rate, average and longest wait, service level; per agent,
 * handlings and average handle time. Figures that have nothing to measure are null.
 */
export const ZSupervisorReportQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
export type TSupervisorReportQuery = z.infer<typeof ZSupervisorReportQuery>;

const ZNullableFigure = z.number().nullable();
const ZQueueFigures = z.object({
  arrived: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  waiting: z.number().int(),
  abandonRatePercent: ZNullableFigure,
  averageWaitSeconds: ZNullableFigure,
  longestWaitSeconds: ZNullableFigure,
  serviceLevelPercent: ZNullableFigure,
});

export const ZSupervisorReport = z.object({
  from: ZIsoDate,
  to: ZIsoDate,
  queues: z.array(ZQueueFigures.extend({ id: ZId, name: z.string(), serviceLevelSeconds: z.number().int() })),
  /** The same figures per channel, in the desk's order, each answer judged by its queue's threshold. */
  channels: z.array(ZQueueFigures.extend({ channel: ZChannel })),
  agents: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      accepted: z.number().int(),
      wrappedUp: z.number().int(),
      averageHandleSeconds: ZNullableFigure,
    }),
  ),
  totals: ZQueueFigures.extend({
    accepted: z.number().int(),
    wrappedUp: z.number().int(),
    averageHandleSeconds: ZNullableFigure,
  }),
  generatedAt: ZIsoDate,
});
export type TSupervisorReport = z.infer<typeof ZSupervisorReport>;
