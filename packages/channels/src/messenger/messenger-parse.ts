import type { AttachmentKind, InboundAttachment, InboundEvent } from '@switchboard/core';
import { hasNul, parseJsonObject } from '../provider/http';
import { attachmentsOf, httpUrlOf } from '../provider/media';
import { MalformedDeliveryError, type MessengerConfig, type RawRequest } from '../provider/provider-adapter';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const atMillis = (v: unknown): Date => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? new Date(n) : new Date(0);
};

const KINDS: ReadonlyMap<string, AttachmentKind> = new Map([
  ['image', 'image'],
  ['video', 'video'],
  ['audio', 'audio'],
  ['file', 'document'],
]);

/**
 * An attachment that is a file: `payload.url` on Meta's CDN. A sticker (the like button too) is
 * an image with a `sticker_id`. Location, fallback (a shared link), template...: no file.
 */
const attachmentOf = (candidate: unknown): InboundAttachment | null => {
  const attachment = obj(candidate);
  const kind = KINDS.get(str(attachment?.type) ?? '');
  const payload = obj(attachment?.payload);
  const source = str(payload?.url);
  if (!kind || !payload || !source || !httpUrlOf(source)) {
    return null;
  }
  const sticker = kind === 'image' && payload.sticker_id !== undefined && payload.sticker_id !== null;
  // Messenger names neither a file's type nor its name.
  return { kind: sticker ? 'sticker' : kind, source, contentType: null, name: null };
};

const parseMessage = (event: Json, message: Json): InboundEvent => {
  if (message.is_echo === true) {
    return { kind: 'ignored', what: 'echo' };
  }
  const mid = str(message.mid);
  const psid = str(obj(event.sender)?.id);
  const attachments = arr(message.attachments);
  const text = str(message.text);
  const body = text ?? (attachments.length ? `[${str(obj(attachments[0])?.type) ?? 'attachment'}]` : null);
  if (!mid || !psid || !body) {
    return { kind: 'ignored', what: 'message without text' };
  }
  if (hasNul(body)) {
    throw new MalformedDeliveryError('A message holds a NUL character');
  }
  return {
    kind: 'message',
    providerMessageId: mid,
    identity: psid,
    profileName: null,
    body,
    at: atMillis(event.timestamp),
    ...attachmentsOf(attachments, attachmentOf),
  };
};

const parseEvent = (event: Json): InboundEvent[] => {
  const message = obj(event.message);
  if (message) {
    return [parseMessage(event, message)];
  }
  const psid = str(obj(event.sender)?.id);
  const delivery = obj(event.delivery);
  if (delivery && psid) {
    const watermark: InboundEvent = {
      kind: 'watermark',
      identity: psid,
      status: 'delivered',
      upTo: atMillis(delivery.watermark),
    };
    const mids = arr(delivery.mids).flatMap((mid): InboundEvent[] =>
      typeof mid === 'string'
        ? [
            {
              kind: 'status',
              providerMessageId: mid,
              status: 'delivered',
              at: atMillis(delivery.watermark),
              error: null,
            },
          ]
        : [],
    );
    return [...mids, watermark];
  }
  const read = obj(event.read);
  if (read && psid) {
    return [{ kind: 'watermark', identity: psid, status: 'read', upTo: atMillis(read.watermark) }];
  }
  // reaction, postback, referral, optin, account linking...: not handled, never an error.
  const what = Object.keys(event).find((k) => !['sender', 'recipient', 'timestamp'].includes(k));
  return [{ kind: 'ignored', what: what ?? 'empty event' }];
};

/** A Messenger Platform delivery: `object: "page"`, entries of this page, each with `messaging[]`. */
export const parseMessengerDelivery = (request: RawRequest, config: MessengerConfig): InboundEvent[] => {
  const body = parseJsonObject(request.rawBody);
  if (body.object !== 'page') {
    return [{ kind: 'ignored', what: `object ${String(body.object)}` }];
  }
  if (!Array.isArray(body.entry)) {
    throw new MalformedDeliveryError('entry is not an array');
  }
  const events: InboundEvent[] = [];
  for (const entry of body.entry) {
    const e = obj(entry);
    if (str(e?.id) !== config.pageId) {
      events.push({ kind: 'ignored', what: 'another page' });
      continue;
    }
    for (const event of arr(e?.messaging)) {
      const ev = obj(event);
      events.push(...(ev ? parseEvent(ev) : [{ kind: 'ignored' as const, what: 'not an object' }]));
    }
  }
  return events;
};
