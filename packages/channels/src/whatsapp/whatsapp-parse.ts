import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type InboundAttachment,
  type InboundEvent,
} from '@switchboard/core';
import { hasNul, parseJsonObject } from '../provider/http';
import { attachmentsOf, mimeTypeOf } from '../provider/media';
import { MalformedDeliveryError, type RawRequest, type WhatsappConfig } from '../provider/provider-adapter';
import { whatsappFailure } from './whatsapp-errors';
import { isWhatsappMediaId } from './whatsapp-media';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const atSeconds = (v: unknown): Date => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : new Date(0);
};

/** What the agent reads for a message that is not text (media, buttons); the rest is ignored. */
const bodyOf = (message: Json): string | null => {
  const type = str(message.type);
  switch (type) {
    case 'text':
      return str(obj(message.text)?.body);
    case 'button':
      return str(obj(message.button)?.text);
    case 'interactive': {
      const i = obj(message.interactive);
      return str(obj(i?.button_reply)?.title) ?? str(obj(i?.list_reply)?.title);
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
    case 'location':
    case 'contacts': {
      const caption = str(obj(message[type])?.caption);
      return caption ? `[${type}] ${caption}` : `[${type}]`;
    }
    default:
      // reaction, system, unsupported, unknown: nothing an agent answers.
      return null;
  }
};

/**
 * The file of a media message (its types are our kinds): `message[type]` names it by a media id,
 * fetched later. One that is not a plausible id is no file; the body still says what came.
 */
const attachmentOf = (message: Json): InboundAttachment | null => {
  const type = str(message.type);
  const kind = ATTACHMENT_KINDS.find((k) => k === type);
  const media = kind ? obj(message[kind]) : null;
  if (!kind || !media || !isWhatsappMediaId(media.id)) {
    return null;
  }
  return { kind, source: media.id, contentType: mimeTypeOf(media.mime_type), name: fileNameOf(kind, media) };
};

/** A document's file name as the customer's phone gave it; longer than file systems allow is none. */
const fileNameOf = (kind: AttachmentKind, media: Json): string | null => {
  const name = kind === 'document' ? str(media.filename)?.trim() : null;
  return name && name.length <= 255 ? name : null;
};

const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

const parseMessage = (message: Json, names: Map<string, string>): InboundEvent => {
  const id = str(message.id);
  const from = str(message.from);
  const body = bodyOf(message);
  if (!id || !from || body === null) {
    return { kind: 'ignored', what: `message of type ${str(message.type) ?? 'unknown'}` };
  }
  if (hasNul(body)) {
    throw new MalformedDeliveryError('A message holds a NUL character');
  }
  return {
    kind: 'message',
    providerMessageId: id,
    identity: from,
    profileName: names.get(from) ?? null,
    body,
    at: atSeconds(message.timestamp),
    ...attachmentsOf([message], attachmentOf),
  };
};

const parseStatus = (status: Json): InboundEvent => {
  const id = str(status.id);
  const value = str(status.status);
  if (!id || !value || !STATUSES.has(value)) {
    return { kind: 'ignored', what: `status ${value ?? 'unknown'}` };
  }
  const error = obj(arr(status.errors)[0]);
  const failed = value === 'failed' ? whatsappFailure(400, error ?? undefined) : null;
  return {
    kind: 'status',
    providerMessageId: id,
    status: value as 'sent' | 'delivered' | 'read' | 'failed',
    at: atSeconds(status.timestamp),
    error: failed && !failed.ok ? failed.error : null,
  };
};

/**
 * A WhatsApp Cloud API delivery: several entries, each with changes, each with messages and
 * statuses. `contacts` is absent on system messages. Changes for another phone number of the
 * same business account are not this entry point's and are ignored.
 */
export const parseWhatsappDelivery = (request: RawRequest, config: WhatsappConfig): InboundEvent[] => {
  const body = parseJsonObject(request.rawBody);
  if (body.object !== 'whatsapp_business_account') {
    return [{ kind: 'ignored', what: `object ${String(body.object)}` }];
  }
  if (!Array.isArray(body.entry)) {
    throw new MalformedDeliveryError('entry is not an array');
  }
  const events: InboundEvent[] = [];
  for (const entry of body.entry) {
    for (const change of arr(obj(entry)?.changes)) {
      const c = obj(change);
      const value = obj(c?.value);
      if (c?.field !== 'messages' || !value) {
        events.push({ kind: 'ignored', what: `field ${String(c?.field)}` });
        continue;
      }
      if (str(obj(value.metadata)?.phone_number_id) !== config.phoneNumberId) {
        events.push({ kind: 'ignored', what: 'another phone number' });
        continue;
      }
      const names = new Map<string, string>();
      for (const contact of arr(value.contacts)) {
        const waId = str(obj(contact)?.wa_id);
        const name = str(obj(obj(contact)?.profile)?.name);
        if (waId && name && !hasNul(name)) {
          names.set(waId, name);
        }
      }
      for (const message of arr(value.messages)) {
        const m = obj(message);
        events.push(m ? parseMessage(m, names) : { kind: 'ignored', what: 'not an object' });
      }
      for (const status of arr(value.statuses)) {
        const s = obj(status);
        events.push(s ? parseStatus(s) : { kind: 'ignored', what: 'not an object' });
      }
    }
  }
  return events;
};
