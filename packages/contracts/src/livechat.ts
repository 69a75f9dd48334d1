import { z } from 'zod';
import { ZId } from './common';
import { ZConversationStatus, ZMessage } from './conversation';

export const ZEntryPointInfo = z.object({
  key: z.string(),
  name: z.string(),
  composeLimit: z.number().int(),
  /** The customer may send files (the administrator's `acceptCustomerFiles`): the widget offers its paperclip. */
  acceptsFiles: z.boolean(),
});
export type TEntryPointInfo = z.infer<typeof ZEntryPointInfo>;

export const ZEntryPointParamsSchema = z.object({ key: z.string().min(1).max(64) });

export const ZStartChatRequestSchema = z.object({
  entryPoint: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  /** The customer's first message, optional. */
  message: z.string().min(1).max(1000).optional(),
});
export type TStartChatRequest = z.infer<typeof ZStartChatRequestSchema>;

/** The customer's view of a conversation: no agent e-mails, no internal ids beyond the conversation. */
export const ZCustomerConversation = z.object({
  id: ZId,
  status: ZConversationStatus,
  customerName: z.string(),
  customerLeft: z.boolean(),
  composeLimit: z.number().int(),
  agentName: z.string().nullable(),
  messages: z.array(ZMessage),
});
export type TCustomerConversation = z.infer<typeof ZCustomerConversation>;

/** `token` authenticates the customer (Authorization: Bearer <token>, and the socket handshake). */
export const ZStartChatResponseSchema = z.object({ token: z.string(), conversation: ZCustomerConversation });
export type TStartChatResponse = z.infer<typeof ZStartChatResponseSchema>;

export const ZCustomerSendRequestSchema = z.object({
  body: z.string().min(1).max(1000),
  clientMessageId: z.string().min(1).max(64),
});

/** The widget has shown the chat up to this message (its `seq`): the agent's messages up to it are read. */
export const ZCustomerReadRequestSchema = z.strictObject({
  upToSeq: z.number().int().min(1).max(2_147_483_647),
});
export type TCustomerReadRequest = z.infer<typeof ZCustomerReadRequestSchema>;
