import { failure, failureForStatus, type SendFailure } from '../provider/http';
import type { SendErrorCode } from '../provider/provider-adapter';

/** Twilio error codes (twilio.com/docs/api/errors) in our one code set. */
const BY_CODE: Record<string, SendErrorCode> = {
  // The recipient replied STOP.
  '21610': 'unsubscribed',
  // Not a valid phone number, not a mobile, no route there.
  '21211': 'undeliverable',
  '21614': 'undeliverable',
  '21408': 'undeliverable',
  '21612': 'undeliverable',
  // Status callbacks: unknown destination, carrier filtering, unreachable, unknown error.
  '30003': 'undeliverable',
  '30004': 'undeliverable',
  '30005': 'undeliverable',
  '30006': 'undeliverable',
  '30007': 'undeliverable',
  '30008': 'undeliverable',
  '20429': 'rate_limited',
  '20003': 'unauthorized',
  '20500': 'provider_unavailable',
  '21602': 'invalid_request',
  '21617': 'invalid_request',
  // Invalid media URL(s): a MediaUrl Twilio cannot use.
  '21620': 'invalid_request',
};

const REASONS: Partial<Record<SendErrorCode, string>> = {
  unsubscribed: 'The customer has unsubscribed (replied STOP)',
  undeliverable: 'The message could not be delivered to this number',
};

export const twilioFailure = (status: number, code: unknown, message: unknown): SendFailure => {
  const providerCode = code === undefined || code === null || code === '' ? null : String(code);
  const mapped = providerCode ? BY_CODE[providerCode] : undefined;
  const reason = typeof message === 'string' ? message : '';
  return mapped
    ? failure(mapped, providerCode, reason || REASONS[mapped] || mapped)
    : failureForStatus(status, providerCode, reason);
};
