import { failure, failureForStatus, type SendFailure } from '../provider/http';

/**
 * WhatsApp Cloud API error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes)
 * in our one code set. Anything not listed falls back to the HTTP status's meaning.
 */
const BY_CODE: Record<number, Parameters<typeof failure>[0]> = {
  // Re-engagement message: more than 24 hours since the customer last wrote.
  131047: 'outside_window',
  // Message undeliverable (not a WhatsApp user, old app, ...).
  131026: 'undeliverable',
  // The user has stopped marketing messages.
  131050: 'unsubscribed',
  // Throughput and spam rate limits.
  4: 'rate_limited',
  80007: 'rate_limited',
  130429: 'rate_limited',
  131048: 'rate_limited',
  131056: 'rate_limited',
  // Access token expired or wrong.
  190: 'unauthorized',
  // Meta's own trouble: try again.
  1: 'provider_unavailable',
  2: 'provider_unavailable',
  131000: 'provider_unavailable',
  131016: 'provider_unavailable',
  // Invalid parameter, template problems.
  100: 'invalid_request',
  // Media upload error: Meta could not fetch or use the file we sent (type, size, our URL); the
  // same file would fail again.
  131053: 'invalid_request',
  131008: 'invalid_request',
  131009: 'invalid_request',
  132000: 'invalid_request',
  132001: 'invalid_request',
};

export interface MetaError {
  code?: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

export const whatsappFailure = (status: number, error: MetaError | undefined): SendFailure => {
  const code = typeof error?.code === 'number' ? error.code : null;
  const reason = error?.error_data?.details ?? error?.message ?? error?.title ?? '';
  const mapped = code === null ? undefined : BY_CODE[code];
  return mapped
    ? failure(mapped, String(code), reason || mapped)
    : failureForStatus(status, code === null ? null : String(code), reason);
};
