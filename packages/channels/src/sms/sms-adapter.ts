import {
  type AttachmentKind,
  type InboundAttachment,
  type InboundEvent,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from '@switchboard/core';
import { hasNul, isOutcome, requestWithDeadline } from '../provider/http';
import { attachmentsOf, httpUrlOf, mimeEssenceOf, mimeTypeOf, unsendableMedia } from '../provider/media';
import {
  MalformedDeliveryError,
  type OutboundMessage,
  type ProviderAdapter,
  type RawRequest,
  type SendOutcome,
  type SmsConfig,
} from '../provider/provider-adapter';
import { twilioAccountUrl, twilioAuthorization } from './twilio-api';
import { twilioFailure } from './twilio-errors';
import { fetchTwilioMedia } from './twilio-media';
import { verifyTwilioSignature } from './twilio-signature';

const FORWARD: Record<string, 'sent' | 'delivered' | 'read' | 'failed'> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
};

/**
 * Twilio's form: an inbound SMS (`MessageSid`, `From`, `Body`, `NumMedia`, ...) or a status
 * callback (`MessageSid`, `MessageStatus`, `ErrorCode`). Twilio may add fields without notice.
 */
export const parseTwilioForm = (request: RawRequest, config: SmsConfig): InboundEvent[] => {
  const form = new URLSearchParams(request.rawBody.toString('utf8'));
  if ([...form.values()].some(hasNul)) {
    throw new MalformedDeliveryError('The form holds a NUL character');
  }
  const sid = form.get('MessageSid') ?? form.get('SmsSid');
  if (!sid) {
    throw new MalformedDeliveryError('MessageSid is missing');
  }
  if (form.get('AccountSid') !== null && form.get('AccountSid') !== config.accountSid) {
    return [{ kind: 'ignored', what: 'another account' }];
  }
  const status = form.get('MessageStatus') ?? form.get('SmsStatus');
  if (status && status !== 'received') {
    const forward = FORWARD[status];
    if (!forward) {
      // queued, accepted, sending, scheduled: still on its way.
      return [{ kind: 'ignored', what: `status ${status}` }];
    }
    const failed =
      forward === 'failed' ? twilioFailure(400, form.get('ErrorCode'), form.get('ErrorMessage')) : null;
    return [
      {
        kind: 'status',
        providerMessageId: sid,
        status: forward,
        at: new Date(),
        error: failed && !failed.ok ? failed.error : null,
      },
    ];
  }
  const from = form.get('From');
  if (!from) {
    throw new MalformedDeliveryError('From is missing');
  }
  const media = Number(form.get('NumMedia') ?? 0);
  // Twilio numbers the files from 0 to NumMedia - 1 (at most 10); a NumMedia that is no count has none.
  const listed = Number.isInteger(media) && media > 0 ? Math.min(media, MAX_ATTACHMENTS_PER_MESSAGE) : 0;
  const body = (form.get('Body') ?? '').trim() || (listed > 0 ? `[media × ${listed}]` : '');
  if (!body) {
    return [{ kind: 'ignored', what: 'empty message' }];
  }
  return [
    {
      kind: 'message',
      providerMessageId: sid,
      identity: from,
      profileName: null,
      body,
      at: new Date(),
      ...attachmentsOf(
        Array.from({ length: listed }, (_, i) => i),
        (i) => mmsAttachment(form.get(`MediaUrl${i}`), form.get(`MediaContentType${i}`)),
      ),
    },
  ];
};

const KIND_OF_TYPE: ReadonlyMap<string, AttachmentKind> = new Map([
  ['image', 'image'],
  ['video', 'video'],
  ['audio', 'audio'],
]);

/** An MMS's file: its kind by its MIME type's top level, a PDF or a vCard being a document. */
const mmsAttachment = (url: string | null, type: string | null): InboundAttachment | null => {
  if (!url || !httpUrlOf(url)) {
    return null;
  }
  const contentType = mimeTypeOf(type);
  const top = mimeEssenceOf(contentType)?.split('/', 1)[0] ?? '';
  return { kind: KIND_OF_TYPE.get(top) ?? 'document', source: url, contentType, name: null };
};

/**
 * The Messages API's form: an MMS names its file by MediaUrl (Twilio fetches it), and Body only
 * when there are words, a file going alone.
 */
const sendFormOf = (config: SmsConfig, message: OutboundMessage): URLSearchParams => {
  const form = new URLSearchParams({ To: message.to });
  if (message.body) {
    form.set('Body', message.body);
  }
  if (config.messagingServiceSid) {
    form.set('MessagingServiceSid', config.messagingServiceSid);
  } else {
    form.set('From', config.phoneNumber);
  }
  if (message.media) {
    form.set('MediaUrl', message.media.url);
  }
  if (message.statusCallbackUrl) {
    form.set('StatusCallback', message.statusCallbackUrl);
  }
  return form;
};

/** Twilio Programmable Messaging: form webhooks signed over the public URL, sends on the Messages API. */
export const smsAdapter: ProviderAdapter<SmsConfig> = {
  channel: 'sms',
  verify: (request: RawRequest, config) => verifyTwilioSignature(request, config.authToken),
  parse: parseTwilioForm,
  fetchMedia: fetchTwilioMedia,
  send: async ({ config, message, fetch: fetchFn, timeoutMs }): Promise<SendOutcome> => {
    const refused = unsendableMedia(message);
    if (refused) {
      return refused;
    }
    const answer = await requestWithDeadline({
      url: `${twilioAccountUrl(config)}Messages.json`,
      init: {
        method: 'POST',
        headers: {
          authorization: twilioAuthorization(config),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: sendFormOf(config, message).toString(),
      },
      ...(fetchFn ? { fetchFn } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (isOutcome(answer)) {
      return answer;
    }
    const json = answer.json as { sid?: string; code?: unknown; message?: unknown } | null;
    if (answer.status >= 200 && answer.status < 300 && typeof json?.sid === 'string') {
      return { ok: true, providerMessageId: json.sid };
    }
    return twilioFailure(answer.status, json?.code, json?.message);
  },
};
