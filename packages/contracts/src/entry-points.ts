import { z } from 'zod';
import { ZChannel, ZId, ZIsoDate } from './common';

/**
 * Entry points (the seeds' "assets"): a live-chat widget, a WhatsApp number, an SMS number or a
 * Messenger page, each routed to a queue. Secrets are write-only: answers say which are set.
 */

/** Text a provider setting may hold: no NUL (PostgreSQL refuses it), no surrounding spaces. */
const ZSetting = z
  .string()
  .trim()
  .min(1)
  .max(512)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL');
const ZE164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, e.g. +46701234567');
const ZBaseUrl = z.string().url().max(512);
const ZEntryName = z.string().trim().min(1).max(100);

export { ENTRY_POINT_FIELDS } from './constants';

/**
 * The region customers of the asset write national phone numbers in (ISO 3166-1 alpha-2, `SE`),
 * for masking `070-123 45 67`; null: read from the asset's own number (WhatsApp, SMS), else none.
 */
const ZRegion = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. SE')
  .transform((code) => code.toUpperCase());

const common = {
  name: ZEntryName,
  queueId: ZId,
  apiBaseUrl: ZBaseUrl.optional(),
  region: ZRegion.nullable().optional(),
};

/**
 * A WhatsApp message template approved by Meta: its name and language as registered there, and
 * its body with `{{1}}`, `{{2}}`... for the parameters, as the agent sees it.
 */
export const ZMessageTemplate = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and _'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as de or en_US'),
  body: z
    .string()
    .trim()
    .min(1)
    .max(1024)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL'),
});
export type TMessageTemplate = z.infer<typeof ZMessageTemplate>;
const ZTemplates = z.array(ZMessageTemplate).max(100);

export const ZCreateEntryPointRequestSchema = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('livechat'),
    name: ZEntryName,
    queueId: ZId,
    region: ZRegion.nullable().optional(),
  }),
  z.strictObject({
    channel: z.literal('whatsapp'),
    ...common,
    phoneNumberId: ZSetting,
    displayPhoneNumber: ZSetting,
    accessToken: ZSetting,
    appSecret: ZSetting,
    verifyToken: ZSetting,
    templates: ZTemplates.optional(),
  }),
  z.strictObject({
    channel: z.literal('sms'),
    ...common,
    accountSid: ZSetting,
    authToken: ZSetting,
    phoneNumber: ZE164,
    messagingServiceSid: ZSetting.optional(),
  }),
  z.strictObject({
    channel: z.literal('messenger'),
    ...common,
    pageId: ZSetting,
    pageName: ZSetting,
    pageAccessToken: ZSetting,
    appSecret: ZSetting,
    verifyToken: ZSetting,
  }),
]);
export type TCreateEntryPointRequest = z.infer<typeof ZCreateEntryPointRequestSchema>;

/** Any field but the channel; those of another channel are refused (400). */
export const ZUpdateEntryPointRequestSchema = z.strictObject({
  name: ZEntryName.optional(),
  /** A code sets it; null reads it from the asset's number again (none for live chat and Messenger). */
  region: ZRegion.nullable().optional(),
  queueId: ZId.optional(),
  apiBaseUrl: ZBaseUrl.nullable().optional(),
  phoneNumberId: ZSetting.optional(),
  displayPhoneNumber: ZSetting.optional(),
  accessToken: ZSetting.optional(),
  appSecret: ZSetting.optional(),
  verifyToken: ZSetting.optional(),
  accountSid: ZSetting.optional(),
  authToken: ZSetting.optional(),
  phoneNumber: ZE164.optional(),
  messagingServiceSid: ZSetting.nullable().optional(),
  pageId: ZSetting.optional(),
  pageName: ZSetting.optional(),
  pageAccessToken: ZSetting.optional(),
  templates: ZTemplates.optional(),
});
export type TUpdateEntryPointRequest = z.infer<typeof ZUpdateEntryPointRequestSchema>;

export const ZAdminEntryPoint = z.object({
  id: ZId,
  name: z.string(),
  channel: ZChannel,
  queueId: ZId,
  /** Live chat: the key the widget is embedded with. */
  key: z.string(),
  /** Where national phone numbers are read for masking (`SE`), or null. */
  region: z.string().nullable(),
  /** Provider channels: where to point the provider's webhook (PUBLIC_URL + /webhooks/<channel>/<id>). */
  webhookUrl: z.string().nullable(),
  /** The public settings (phone number id, page id, account SID, base URL...). */
  settings: z.record(z.string(), z.string().nullable()),
  /** Which secrets are set; their values are never returned. */
  secretsSet: z.array(z.string()),
  /** WhatsApp: the approved templates the agent may send once the 24-hour window has closed. */
  templates: z.array(ZMessageTemplate),
  /** Seeded for the provider simulator (/simulator). */
  simulated: z.boolean(),
  deletedAt: ZIsoDate.nullable(),
});
export type TAdminEntryPoint = z.infer<typeof ZAdminEntryPoint>;

export const ZSendTemplateRequestSchema = z.strictObject({
  templateName: z.string().min(1).max(512),
  /** Values of {{1}}, {{2}}...: plain text, no NUL. */
  parameters: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(1024)
        .refine((s) => !s.includes('\u0000'), 'must not contain NUL'),
    )
    .max(10),
  clientMessageId: z.string().min(1).max(64),
});
export type TSendTemplateRequest = z.infer<typeof ZSendTemplateRequestSchema>;
