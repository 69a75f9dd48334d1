import { z } from 'zod';
import { ZChannel, ZId, ZIsoDate } from './common';
import { FILE_NAME_MAX } from './constants';
import { ZConversationStatus, ZMessage } from './conversation';

/**
 * The supervisor's history (product.md: "reads history"): the conversations that arrived in a
 * period, and one conversation whole (its messages, what happened to it, its wrap-ups). Customer
 * data in it is masked on the server like everything else a desktop gets (desk-views.ts).
 */

/** At most this many conversations a page; `before` asks for the next page. */
export const HISTORY_PAGE = { max: 100, default: 50 } as const;

export const ZHistoryQuery = z.strictObject({
  /** The period of arrival: ISO 8601 with an offset, `from` before `to`, at most 31 days. */
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  queueId: ZId.optional(),
  /** Conversations this agent took part in (owner or conference guest). */
  agentId: ZId.optional(),
  channel: ZChannel.optional(),
  /** `open`: not ended yet (waiting, offered or active); `ended`. */
  status: z.enum(['open', 'ended']).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE.max).default(HISTORY_PAGE.default),
  /** The `next` of the page before: where this page goes on from. */
  before: z
    .string()
    .regex(/^\d{1,16}~[0-9a-f-]{36}$/, 'the `next` of an earlier page')
    .optional(),
});
export type THistoryQuery = z.infer<typeof ZHistoryQuery>;

export const ZHistoryAgent = z.object({ id: ZId, name: z.string() });

export const ZHistoryConversation = z.object({
  id: ZId,
  channel: ZChannel,
  status: ZConversationStatus,
  queueId: ZId,
  queueName: z.string(),
  /** The asset (entry point) it came in on. */
  entryPointName: z.string(),
  /** Masked when masking is on and the name is a phone number (as on the desk). */
  customerName: z.string(),
  arrivedAt: ZIsoDate,
  endedAt: ZIsoDate.nullable(),
  /** Whether the customer left (closed the chat) before the agent ended it. */
  customerLeft: z.boolean(),
  /** The agents who took part, in the order they joined. */
  agents: z.array(ZHistoryAgent),
});
export type THistoryConversation = z.infer<typeof ZHistoryConversation>;

export const ZHistoryPage = z.object({
  conversations: z.array(ZHistoryConversation),
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  next: z.string().nullable(),
});
export type THistoryPage = z.infer<typeof ZHistoryPage>;

export const ZHistoryDetailQuery = z.strictObject({
  /** Messages after this sequence number (the last one shown): the transcript's next part. */
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

/** One line of what happened to the conversation (conversation_events), names resolved. */
export const ZHistoryEvent = z.object({
  type: z.enum([
    'arrived',
    'offered',
    'accepted',
    'rejected',
    'timed_out',
    'withdrawn',
    'transferred',
    'conference_requested',
    'joined',
    'left',
    'customer_left',
    'ended',
    'wrapped_up',
  ]),
  at: ZIsoDate,
  /** The agent it is about (offered to, accepted, left); null when none or no longer known. */
  agentName: z.string().nullable(),
  /** The agent who asked (transferred, invited). */
  byAgentName: z.string().nullable(),
  queueName: z.string().nullable(),
});
export type THistoryEvent = z.infer<typeof ZHistoryEvent>;

export const ZHistoryWrapUp = z.object({
  agentName: z.string(),
  wrappedAt: ZIsoDate,
  reason: z.string().nullable(),
  disposition: z.string().nullable(),
  tags: z.array(z.string()),
  /** The agent's notes, masked like the messages. */
  notes: z.string().nullable(),
});
export type THistoryWrapUp = z.infer<typeof ZHistoryWrapUp>;

export const ZHistoryDetail = z.object({
  conversation: ZHistoryConversation,
  /** In order, at most 500 from `after`; agents-only lines (a transfer's comment) included. */
  messages: z.array(ZMessage),
  /** More messages follow the last one here: ask again with `after` its `seq`. */
  moreMessages: z.boolean(),
  events: z.array(ZHistoryEvent),
  wrapUps: z.array(ZHistoryWrapUp),
});
export type THistoryDetail = z.infer<typeof ZHistoryDetail>;

/**
 * An agent's interaction history (the seeds' "agent interaction history"): the customer's earlier
 * conversations on the same number or page, newest first, at most this many. None for a live chat,
 * whose customer no provider vouches for.
 */
export const EARLIER_CONVERSATIONS_MAX = 20;

export const ZEarlierConversations = z.object({ conversations: z.array(ZHistoryConversation) });
export type TEarlierConversations = z.infer<typeof ZEarlierConversations>;

export const ZEarlierParamsSchema = z.object({ id: ZId, earlierId: ZId });

/** A file a customer sent in a conversation. */
export const ZAttachmentParamsSchema = z.object({ id: ZId, attachmentId: ZId });

/** A file sent as the body of a POST (by the customer from the widget, or by an agent): its message's id and its name. */
export const ZFileQuerySchema = z.object({
  clientMessageId: z.string().min(1).max(64),
  /** The file's name as the sender's browser gives it. */
  name: z.string().max(FILE_NAME_MAX).optional(),
});

/** A file of an earlier conversation of the same customer. */
export const ZEarlierAttachmentParamsSchema = z.object({ id: ZId, earlierId: ZId, attachmentId: ZId });
