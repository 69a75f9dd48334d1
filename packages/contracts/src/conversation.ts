import { z } from 'zod';
import { ZChannel, ZId, ZIsoDate } from './common';

export const ZMessageAuthor = z.enum(['customer', 'agent', 'system']);

/** System lines shown in the thread; clients translate them by `systemEvent`. */
export const ZSystemEvent = z.enum([
  'customer_left',
  'agent_joined',
  'agent_left',
  'conversation_ended',
  /** Agents only: "Transferred by <agent> from <queue>", and the transfer's comment. */
  'transferred',
  'transfer_comment',
]);
export type TSystemEvent = z.infer<typeof ZSystemEvent>;

export const ZSensitiveType = z.enum(['phone', 'email', 'card', 'iban', 'national_id']);

/** Where a value was masked in a text sent to a desktop: a supervisor may reveal one, audited. */
export const ZMaskedSpan = z.object({ type: ZSensitiveType, start: z.number().int(), end: z.number().int() });
export type TMaskedSpan = z.infer<typeof ZMaskedSpan>;

/**
 * A file a customer sent with a message: fetched from the provider after the message arrived
 * (`pending`), then readable at `GET /api/conversations/:id/attachments/:attachmentId` (`ready`),
 * or given up on with the provider's reason (`failed`).
 */
export const ZAttachment = z.object({
  id: ZId,
  kind: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
  contentType: z.string().nullable(),
  /** A document's file name as sent (masked like the text for a viewer who must not see values). */
  name: z.string().nullable(),
  size: z.number().int().nullable(),
  /** `expired`: removed after the retention period (`ATTACHMENT_RETENTION_DAYS`). */
  status: z.enum(['pending', 'ready', 'failed', 'expired']),
  error: z.object({ code: z.string(), providerCode: z.string().nullable(), reason: z.string() }).nullable(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZMessage = z.object({
  id: ZId,
  /** Increasing per conversation: clients catch up with `?after=<seq>`. */
  seq: z.number().int(),
  conversationId: ZId,
  author: ZMessageAuthor,
  authorName: z.string(),
  body: z.string(),
  systemEvent: ZSystemEvent.nullable(),
  clientMessageId: z.string().nullable(),
  createdAt: ZIsoDate,
  /** Spans of `body` masked on the server for this viewer; absent when nothing was masked. */
  masked: z.array(ZMaskedSpan).optional(),
  /** How far an agent's message has gone: on WhatsApp, SMS and Messenger from the provider; on live chat `read` once the widget showed it. Absent otherwise. */
  deliveryStatus: z.enum(['sending', 'sent', 'delivered', 'read', 'failed']).optional(),
  /** Why it failed: our code (e.g. `outside_window`), the provider's code and a readable reason. */
  deliveryError: z
    .object({ code: z.string(), providerCode: z.string().nullable(), reason: z.string() })
    .nullable()
    .optional(),
  /** Files the customer sent with it; absent when none. */
  attachments: z.array(ZAttachment).optional(),
});
export type TMessage = z.infer<typeof ZMessage>;

export const ZConversationStatus = z.enum(['queued', 'offered', 'active', 'ended']);
export type TConversationStatus = z.infer<typeof ZConversationStatus>;

export const ZParticipationState = z.enum(['active', 'wrapup', 'done']);

export const ZConversationSummary = z.object({
  id: ZId,
  channel: ZChannel,
  status: ZConversationStatus,
  queueName: z.string(),
  entryPointName: z.string(),
  customerName: z.string(),
  customerEmail: z.string().nullable(),
  arrivedAt: ZIsoDate,
  customerLeft: z.boolean(),
  /** The channel's compose limit in characters (live chat 1,000; WhatsApp 4,096). */
  composeLimit: z.number().int(),
  participation: z.object({
    state: ZParticipationState,
    /** 'owner' holds the conversation (End conference); 'guest' was added by a conference (Exit conference). */
    role: z.enum(['owner', 'guest']),
    joinedAt: ZIsoDate,
    endedAt: ZIsoDate.nullable(),
  }),
  /** More than one agent takes part now: the panel shows "Conference". */
  conference: z.boolean(),
  /** A conference invitation waiting for an answer: the panel shows "Conference requested". */
  conferenceRequest: z.object({ agentName: z.string() }).nullable(),
  /** When the customer's oldest unanswered message arrived, for the blue timer; null when answered. */
  waitingSince: ZIsoDate.nullable(),
  /** The queue's response-time target: past it, the blue timer's tab turns urgent (core's urgency.ts). */
  responseTargetSeconds: z.number().int(),
  lastMessage: ZMessage.nullable(),
  /** Its asset (entry point) was deleted: the desktop shows the alert, sending is disabled, only End. */
  entryPointDeleted: z.boolean().optional(),
  /** WhatsApp and Messenger: when the customer last wrote; their messaging windows count from it. */
  customerWroteAt: ZIsoDate.nullable().optional(),
  /** WhatsApp: the entry point's approved templates (what may be sent once the window has closed). */
  templates: z.array(z.object({ name: z.string(), language: z.string(), body: z.string() })).optional(),
});
export type TConversationSummary = z.infer<typeof ZConversationSummary>;

export const ZConversationDetail = ZConversationSummary.extend({ messages: z.array(ZMessage) });
export type TConversationDetail = z.infer<typeof ZConversationDetail>;

/** An offer: the seeds' "contact request popover". */
export const ZOffer = z.object({
  id: ZId,
  conversationId: ZId,
  channel: ZChannel,
  queueName: z.string(),
  entryPointName: z.string(),
  customerName: z.string(),
  customerEmail: z.string().nullable(),
  agentName: z.string(),
  /** When the conversation arrived: the popover's timer counts from here. */
  arrivedAt: ZIsoDate,
  offeredAt: ZIsoDate,
  deadlineAt: ZIsoDate,
  proactive: z.boolean(),
  preview: z.array(ZMessage),
  /** WhatsApp and SMS: the customer's number (masked like any phone number). */
  customerPhone: z.string().optional(),
  /** WhatsApp and SMS: our number they wrote to. */
  sourceNumber: z.string().optional(),
  /** Messenger: our page they wrote to. */
  sourcePage: z.string().optional(),
  /** A transfer or a conference invitation: who asked, and the transfer's comment. */
  request: z
    .object({
      kind: z.enum(['transfer', 'conference']),
      requestedBy: z.string(),
      comment: z.string().nullable(),
    })
    .nullable(),
});
export type TOffer = z.infer<typeof ZOffer>;

export const ZOfferClosedReason = z.enum(['accepted', 'rejected', 'timed_out', 'withdrawn']);

export const MESSAGE_BODY_MAX = 4096;

export const ZSendMessageRequestSchema = z.object({
  body: z.string().min(1).max(MESSAGE_BODY_MAX),
  /** Chosen by the client; a retried send with the same id is stored once. */
  clientMessageId: z.string().min(1).max(64),
});
export type TSendMessageRequest = z.infer<typeof ZSendMessageRequestSchema>;

export const ZMessagesQuerySchema = z.object({ after: z.coerce.number().int().min(0).optional() });

export const ZConversationParamsSchema = z.object({ id: ZId });
