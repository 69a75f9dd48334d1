import { z } from 'zod';
import { ZAgentState, ZId } from './common';

/** Transfer request: to a queue (it waits there, keeping its place) or to one agent; an optional comment for the next agent. */
export const ZTransferRequestSchema = z.object({
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('queue'), queueId: ZId }),
    z.object({ type: z.literal('agent'), agentId: ZId }),
  ]),
  comment: z.string().max(1000).optional(),
});
export type TTransferRequest = z.infer<typeof ZTransferRequestSchema>;

/** Conference request: the agent to invite. */
export const ZConferenceRequestSchema = z.object({ agentId: ZId });
export type TConferenceRequest = z.infer<typeof ZConferenceRequestSchema>;

/** The lists of the Transfer and Conference dialogs, with the agents' current states and loads. */
export const ZTransferTargets = z.object({
  queues: z.array(z.object({ id: ZId, name: z.string(), waiting: z.number().int() })),
  agents: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      state: ZAgentState,
      /** Conversations held and offered on live chat, against `limit`. */
      load: z.number().int(),
      limit: z.number().int(),
    }),
  ),
});
export type TTransferTargets = z.infer<typeof ZTransferTargets>;

/** A transfer to an agent or a conference invitation was not accepted: its requester is told. */
export const ZRequestFailedEvent = z.object({
  conversationId: ZId,
  kind: z.enum(['transfer', 'conference']),
  agentName: z.string(),
  reason: z.enum(['rejected', 'timed_out', 'withdrawn']),
});
export type TRequestFailedEvent = z.infer<typeof ZRequestFailedEvent>;
