import { z } from 'zod';
import { ZSkillName } from './admin-config';
import { ZAgentState, ZId } from './common';

/**
 * Transfer request: to a queue (it waits there, keeping its place), to a team or a skill (it waits
 * in its queue at its place for that team's members or that skill's holders), or to one agent; an
 * optional comment for the next agent.
 */
export const ZTransferRequestSchema = z.object({
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('queue'), queueId: ZId }),
    z.object({ type: z.literal('agent'), agentId: ZId }),
    z.object({ type: z.literal('team'), teamId: ZId }),
    z.object({ type: z.literal('skill'), skill: ZSkillName }),
  ]),
  comment: z.string().max(1000).optional(),
});
export type TTransferRequest = z.infer<typeof ZTransferRequestSchema>;
export type TTransferTarget = TTransferRequest['target'];

/** What a transfer target names: a queue's, agent's or team's id, or a skill's name. */
export const transferTargetId = (target: TTransferTarget): string => {
  switch (target.type) {
    case 'queue':
      return target.queueId;
    case 'agent':
      return target.agentId;
    case 'team':
      return target.teamId;
    case 'skill':
      return target.skill;
  }
};

/** Conference request: the agent to invite, or a queue whose strategy picks an agent of it now. */
export const ZConferenceRequestSchema = z.union([
  z.object({ agentId: ZId }).strict(),
  z.object({ queueId: ZId }).strict(),
]);
export type TConferenceRequest = z.infer<typeof ZConferenceRequestSchema>;

/** The lists of the Transfer and Conference dialogs, with the agents' current states and loads. */
export const ZTransferTargets = z.object({
  /** The queues that serve the conversation's channel. */
  queues: z.array(z.object({ id: ZId, name: z.string(), waiting: z.number().int() })),
  /** Teams, with how many of their members are Available now. */
  teams: z.array(z.object({ id: ZId, name: z.string(), available: z.number().int() })),
  /** Skills some agent holds or some queue requires, with how many holders are Available now. */
  skills: z.array(z.object({ name: z.string(), available: z.number().int() })),
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

/**
 * A transfer's agents-only system line (systemEvent 'transferred'), stored in English; clients
 * translate it from the two names, which `transferredLineNames` reads back.
 */
export const transferredLine = (agent: string, queue: string) => `Transferred by ${agent} from ${queue}`;

export const transferredLineNames = (
  body: string,
  agent: string,
): { agent: string; queue: string } | null => {
  const prefix = `Transferred by ${agent} from `;
  return body.startsWith(prefix) ? { agent, queue: body.slice(prefix.length) } : null;
};
