import type { InboundEvent } from '@switchboard/core';
import { hasNul, isOutcome, requestWithDeadline, trimSlash } from '../provider/http';
import {
  MalformedDeliveryError,
  type ProviderAdapter,
  type RawRequest,
  type SendOutcome,
  type SmsConfig,
} from '../provider/provider-adapter';
import { twilioFailure } from './twilio-errors';
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
  const body = (form.get('Body') ?? '').trim() || (media > 0 ? `[media × ${media}]` : '');
  if (!body) {
    return [{ kind: 'ignored', what: 'empty message' }];
  }
  return [
    { kind: 'message', providerMessageId: sid, identity: from, profileName: null, body, at: new Date() },
  ];
};

/** Twilio Programmable Messaging: form webhooks signed over the public URL, sends on the Messages API. */
export const smsAdapter: ProviderAdapter<SmsConfig> = {
  channel: 'sms',
  verify: (request: RawRequest, config) => verifyTwilioSignature(request, config.authToken),
  parse: parseTwilioForm,
  send: async ({ config, message, fetch: fetchFn, timeoutMs }): Promise<SendOutcome> => {
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    if (config.messagingServiceSid) {
      form.set('MessagingServiceSid', config.messagingServiceSid);
    } else {
      form.set('From', config.phoneNumber);
    }
    if (message.statusCallbackUrl) {
      form.set('StatusCallback', message.statusCallbackUrl);
    }
    const basic = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
    const answer = await requestWithDeadline({
      url: `${trimSlash(config.apiBaseUrl)}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`,
      init: {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
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
