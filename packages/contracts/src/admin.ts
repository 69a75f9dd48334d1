import { z } from 'zod';
import { ZId, ZIsoDate } from './common';
import { ZSensitiveType } from './conversation';

/** Desktop settings an administrator controls. */
export const ZSettings = z.object({
  /** The seeds' "Mask customer-sensitive data": masked on the server for every desktop. */
  maskSensitiveData: z.boolean(),
  /**
   * Whether customers' files (photos, documents, voice notes) are taken: off, the widget offers no
   * paperclip, its uploads are refused (FILES_NOT_ACCEPTED) and a provider's files are not fetched
   * (the message arrives, its files marked not accepted). For centers that must keep pictures of
   * cards and documents out altogether: masking covers text, not pictures.
   */
  acceptCustomerFiles: z.boolean(),
});
export type TSettings = z.infer<typeof ZSettings>;

export const ZUpdateSettingsRequestSchema = ZSettings.partial().strict();
export type TUpdateSettingsRequest = z.infer<typeof ZUpdateSettingsRequestSchema>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: ZIsoDate,
  actorUserId: ZId.nullable(),
  /** The actor's name as it is now, for a reader; null for the system or a removed user. */
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** Newest first; `before` (an entry's id) pages back to older entries. */
export const ZAuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** A supervisor reveals one masked value of one message, giving a reason that is audited. */
export const ZRevealRequestSchema = z.object({
  messageId: ZId,
  /** Which of the message's `masked` spans, counted from 0. */
  spanIndex: z.number().int().min(0).max(1000),
  reason: z.string().trim().min(3).max(500),
});
export type TRevealRequest = z.infer<typeof ZRevealRequestSchema>;

/** An administrator erases a customer's data (GDPR art. 17): why, for the audit log. */
export const ZEraseCustomerRequestSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
});
export const ZEraseCustomerResponseSchema = z.object({ conversations: z.number().int() });

export const ZRevealResponseSchema = z.object({ type: ZSensitiveType, value: z.string() });
