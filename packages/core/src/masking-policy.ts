import type {
  TConversationDetail,
  TConversationSummary,
  THistoryConversation,
  THistoryDetail,
  TMaskedSpan,
  TMessage,
  TOffer,
} from '@switchboard/contracts';
import { maskSensitiveData } from './masking/index';

/**
 * Per-viewer masking of what a desktop receives. Webex masks in the page, so the raw values still
 * reach the browser; we mask on the server, before any REST body or socket frame leaves it.
 */
export interface MaskingContext {
  enabled: boolean;
  /** Region for phone numbers written in national form: the entry point's. */
  region: string | null;
}

export const NO_MASKING: MaskingContext = { enabled: false, region: null };

/** Who sees masked values when the setting is on: every desktop user; raw values only by an audited reveal. */
export const maskingFor = (
  { maskSensitiveData: on }: { maskSensitiveData: boolean },
  region: string | null = null,
): MaskingContext => ({
  enabled: on,
  region,
});

const maskText = (text: string, ctx: MaskingContext): { text: string; masked: TMaskedSpan[] } => {
  if (!ctx.enabled || text.length === 0) {
    return { text, masked: [] };
  }
  const result = maskSensitiveData({ text, ...(ctx.region ? { defaultRegion: ctx.region } : {}) });
  return {
    text: result.text,
    masked: result.findings.map((f) => ({ type: f.type, start: f.start, end: f.end })),
  };
};

/** A name or address: masked whole where the detector finds a value in it (a name that is a phone number). */
export const maskField = (value: string, ctx: MaskingContext): string => maskText(value, ctx).text;

/**
 * A customer's name (or a message's author): masked whole where the detector finds a value in it
 * (the seeds: "if the customer's name is their mobile number, the name is masked too"), and where
 * it is a phone number in international form without its `+`: a WhatsApp customer with no
 * profile name is named by their `wa_id` (`46701112233`), which no reader of text would take for
 * a number without context.
 */
export const maskName = (name: string, ctx: MaskingContext): string => {
  const masked = maskField(name, ctx);
  if (!ctx.enabled || masked !== name || !/^\d{6,15}$/.test(name)) {
    return masked;
  }
  const international = maskField(`+${name}`, ctx);
  return international === `+${name}` ? name : international.slice(1);
};

const maskNullable = (value: string | null, ctx: MaskingContext) =>
  value === null ? null : maskField(value, ctx);

export const maskMessage = (message: TMessage, ctx: MaskingContext): TMessage => {
  if (!ctx.enabled) {
    return message;
  }
  const { text, masked } = maskText(message.body, ctx);
  return {
    ...message,
    body: text,
    authorName: maskName(message.authorName, ctx),
    ...(masked.length > 0 ? { masked } : {}),
    // A file's name is text the customer chose (`card 4111 1111 1111 1111.jpg`): masked like the body.
    ...(message.attachments
      ? { attachments: message.attachments.map((a) => ({ ...a, name: maskNullable(a.name, ctx) })) }
      : {}),
  };
};

export const maskOffer = (offer: TOffer, ctx: MaskingContext): TOffer =>
  ctx.enabled
    ? {
        ...offer,
        customerName: maskName(offer.customerName, ctx),
        customerEmail: maskNullable(offer.customerEmail, ctx),
        preview: offer.preview.map((m) => maskMessage(m, ctx)),
        ...(offer.customerPhone === undefined ? {} : { customerPhone: maskField(offer.customerPhone, ctx) }),
      }
    : offer;

export const maskConversationSummary = (
  summary: TConversationSummary,
  ctx: MaskingContext,
): TConversationSummary =>
  ctx.enabled
    ? {
        ...summary,
        customerName: maskName(summary.customerName, ctx),
        customerEmail: maskNullable(summary.customerEmail, ctx),
        lastMessage: summary.lastMessage ? maskMessage(summary.lastMessage, ctx) : null,
      }
    : summary;

export const maskConversationDetail = (
  detail: TConversationDetail,
  ctx: MaskingContext,
): TConversationDetail =>
  ctx.enabled
    ? {
        ...maskConversationSummary(detail, ctx),
        messages: detail.messages.map((m) => maskMessage(m, ctx)),
      }
    : detail;

/** A conversation of the supervisor's history: its customer's name, as on the desk. */
export const maskHistoryConversation = <T extends THistoryConversation>(
  conversation: T,
  ctx: MaskingContext,
): T =>
  ctx.enabled ? { ...conversation, customerName: maskName(conversation.customerName, ctx) } : conversation;

/** A conversation of the history whole: the name, every message, and the agents' wrap-up notes. */
export const maskHistoryDetail = (detail: THistoryDetail, ctx: MaskingContext): THistoryDetail =>
  ctx.enabled
    ? {
        ...detail,
        conversation: maskHistoryConversation(detail.conversation, ctx),
        messages: detail.messages.map((m) => maskMessage(m, ctx)),
        wrapUps: detail.wrapUps.map((w) => ({ ...w, notes: maskNullable(w.notes, ctx) })),
      }
    : detail;
