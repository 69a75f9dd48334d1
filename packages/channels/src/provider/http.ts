import type { DeliveryError } from '@switchboard/core';
import type { SendErrorCode, SendOutcome } from './provider-adapter';
import { MalformedDeliveryError, RETRYABLE_SEND_ERRORS } from './provider-adapter';

export const DEFAULT_SEND_TIMEOUT_MS = 15_000;

/** A failed send, profile read or media fetch: the failures are the same for all three. */
export type SendFailure = Extract<SendOutcome, { ok: false }>;

export const failure = (code: SendErrorCode, providerCode: string | null, reason: string): SendFailure => ({
  ok: false,
  retryable: RETRYABLE_SEND_ERRORS.has(code),
  error: { code, providerCode, reason } satisfies DeliveryError,
});

/** The HTTP status's own meaning, when the provider's body names no code we know. */
export const failureForStatus = (
  status: number,
  providerCode: string | null,
  reason: string,
): SendFailure => {
  if (status === 429) {
    return failure('rate_limited', providerCode, reason || 'The provider is rate limiting us');
  }
  if (status >= 500) {
    return failure('provider_unavailable', providerCode, reason || `The provider answered ${status}`);
  }
  if (status === 401 || status === 403) {
    return failure('unauthorized', providerCode, reason || 'The provider refused our credentials');
  }
  return failure('invalid_request', providerCode, reason || `The provider answered ${status}`);
};

/**
 * The time one operation has, shared by all of its requests (a media fetch asks for the file's
 * URL, then for the file): each request alone could otherwise take the whole time again.
 */
export interface Deadline {
  signal: AbortSignal;
  timeoutMs: number;
}

export const startDeadline = (timeoutMs = DEFAULT_SEND_TIMEOUT_MS): Deadline => ({
  signal: AbortSignal.timeout(timeoutMs),
  timeoutMs,
});

/** What a request that threw (while asking or while reading the answer) means: retryable either way. */
export const thrownFailure = (err: unknown, deadline: Deadline): SendFailure =>
  deadline.signal.aborted
    ? failure('timeout', null, `The provider did not answer within ${deadline.timeoutMs / 1000} s`)
    : failure('network', null, `The provider could not be reached (${(err as Error).message})`);

/**
 * One request (a send's POST, a profile's GET) with a deadline for the whole answer, its own or
 * one shared with the operation's other requests. Network failures and the deadline become
 * retryable outcomes; anything else is the caller's to read.
 */
export const requestWithDeadline = async ({
  url,
  init,
  fetchFn = fetch,
  timeoutMs = DEFAULT_SEND_TIMEOUT_MS,
  deadline = startDeadline(timeoutMs),
}: {
  url: string;
  init: RequestInit;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
  deadline?: Deadline;
}): Promise<{ status: number; json: unknown } | SendFailure> => {
  try {
    const response = await fetchFn(url, { ...init, signal: deadline.signal });
    return { status: response.status, json: jsonOf(await response.text()) };
  } catch (err) {
    return thrownFailure(err, deadline);
  }
};

/** A provider's answer as JSON, or null when it is not (a gateway's HTML page, an empty body). */
export const jsonOf = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

export const isOutcome = (value: unknown): value is SendFailure =>
  typeof value === 'object' && value !== null && 'ok' in value;

/** A header's single value (Node gives arrays for repeated ones). */
export const headerOf = (
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | null => {
  const value = headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

export const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** PostgreSQL cannot store U+0000 in text; a delivery carrying one is refused as malformed. */
export const hasNul = (text: string) => text.includes('\u0000');

/** The JSON object of a delivery, or MalformedDeliveryError. */
export const parseJsonObject = (rawBody: Buffer): Record<string, unknown> => {
  let value: unknown;
  let nul = false;
  const text = rawBody.toString('utf8');
  try {
    // Any NUL, in a key or a value, refuses the whole delivery: PostgreSQL cannot store U+0000.
    // JSON can only write one as the escape \u0000 (a raw one is a syntax error), so a text
    // without that escape is parsed without looking at every key and value (a reviver makes
    // JSON.parse several times slower).
    value = text.includes('\\u0000')
      ? JSON.parse(text, (key, v) => {
          if (hasNul(key) || (typeof v === 'string' && hasNul(v))) {
            nul = true;
          }
          return v;
        })
      : JSON.parse(text);
  } catch {
    throw new MalformedDeliveryError('The body is not JSON');
  }
  if (nul) {
    throw new MalformedDeliveryError('The delivery holds a NUL character');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedDeliveryError('The body is not a JSON object');
  }
  return value as Record<string, unknown>;
};
