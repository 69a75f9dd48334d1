import { type InboundAttachment, MAX_ATTACHMENTS_PER_MESSAGE } from '@switchboard/core';
import { type Deadline, failure, jsonOf, type SendFailure, thrownFailure } from './http';
import type { MediaOutcome, OutboundMessage } from './provider-adapter';

export type MediaFailure = Extract<MediaOutcome, { ok: false }>;

/** Past this, a webhook's URL is not a provider's file URL (Meta's CDN URLs, the longest, are under 1 kB). */
const MAX_URL_LENGTH = 4096;

/** RFC 6838's type/subtype names; parameters (`; codecs=opus`) are allowed after it. */
const MIME_ESSENCE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

const OCTET_STREAM = 'application/octet-stream';

/** An error page is read for the provider's code, never more of it than this. */
const ERROR_BODY_BYTES = 64 * 1024;

/**
 * A URL a webhook names as a file's place, if we would fetch it: http(s) only (not file:, data:,
 * ...) and without credentials in it (fetch refuses those, and they are not the provider's).
 */
export const httpUrlOf = (value: unknown): URL | null => {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
    ? url
    : null;
};

/**
 * A file we send, refused without a request when its URL is not one the provider could fetch
 * (http(s), no credentials): the provider would only refuse it too, and a URL of another scheme
 * (file:, data:) is none of ours. Null when the message has no file or a fetchable one. The
 * adapters send the URL as it was given, not as URL would write it again: it is signed.
 */
export const unsendableMedia = ({ media }: OutboundMessage): SendFailure | null =>
  media && !httpUrlOf(media.url)
    ? failure('invalid_request', null, "The file's URL is not an http(s) URL the provider can fetch")
    : null;

/** `image/jpeg` of `Image/JPEG; charset=x`, or null for what is no MIME type. */
export const mimeEssenceOf = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length > 255) {
    return null;
  }
  const essence = value.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return MIME_ESSENCE.test(essence) ? essence : null;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A webhook's MIME type as it gave it (`audio/ogg; codecs=opus`), or null when it is none. */
export const mimeTypeOf = (value: unknown): string | null =>
  typeof value === 'string' && mimeEssenceOf(value) && !CONTROL.test(value) ? value.trim() : null;

/**
 * A message's files: each candidate read (null when it is no usable file), until there are
 * MAX_ATTACHMENTS_PER_MESSAGE; the rest of a longer list is not looked at. Nothing when none.
 */
export const attachmentsOf = <T>(
  candidates: Iterable<T>,
  read: (candidate: T) => InboundAttachment | null,
): { attachments?: InboundAttachment[] } => {
  const found: InboundAttachment[] = [];
  for (const candidate of candidates) {
    if (found.length >= MAX_ATTACHMENTS_PER_MESSAGE) {
      break;
    }
    const attachment = read(candidate);
    if (attachment) {
      found.push(attachment);
    }
  }
  // Left out when there are none, so that a text message is what it always was.
  return found.length ? { attachments: found } : {};
};

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
    : bytes >= 1024
      ? `${Number((bytes / 1024).toFixed(1))} kB`
      : `${bytes} bytes`;

/** Not retryable: the same file would be as large next time. */
export const tooLarge = (maxBytes: number): MediaFailure => ({
  ok: false,
  retryable: false,
  error: { code: 'too_large', providerCode: null, reason: `The file is larger than ${sizeText(maxBytes)}` },
});

/** The body, or null as soon as it passes `limit` (the request is then aborted, not read to its end). */
const readCapped = async (
  response: Response,
  limit: number,
  stop: AbortController,
): Promise<Buffer | null> => {
  const reader = response.body?.getReader();
  if (!reader) {
    return Buffer.alloc(0);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return Buffer.concat(chunks, size);
    }
    size += value.byteLength;
    if (size > limit) {
      stop.abort();
      return null;
    }
    chunks.push(value);
  }
};

/**
 * GET a customer's file, at most `maxBytes` of it: refused as soon as the answer announces more
 * (Content-Length) or sends more, and the request aborted. Redirects are followed (Twilio's media
 * and Meta's CDN answer with them); fetch drops the Authorization header when one leads to
 * another origin. The deadline is the caller's, shared with its other requests.
 */
export const downloadMedia = async ({
  url,
  headers = {},
  fetchFn = fetch,
  deadline,
  maxBytes,
  contentType,
  failureFor,
}: {
  url: URL;
  headers?: Record<string, string>;
  fetchFn?: typeof fetch;
  deadline: Deadline;
  maxBytes: number;
  /** The type the provider's metadata gives, for an answer that names none. */
  contentType?: string | null;
  /** The channel's reading of an error answer (its JSON, or null). */
  failureFor: (status: number, json: unknown) => SendFailure;
}): Promise<MediaOutcome> => {
  // A limit that is no number (NaN) refuses everything rather than nothing.
  const limit = maxBytes >= 0 ? maxBytes : 0;
  // Ours, to stop a download that is too large; the deadline stops it too.
  const stop = new AbortController();
  try {
    const response = await fetchFn(url.href, {
      method: 'GET',
      headers,
      redirect: 'follow',
      signal: AbortSignal.any([deadline.signal, stop.signal]),
    });
    if (!response.ok) {
      const page = await readCapped(response, Math.min(limit, ERROR_BODY_BYTES), stop);
      return failureFor(response.status, page ? jsonOf(page.toString('utf8')) : null);
    }
    if (Number(response.headers.get('content-length')) > limit) {
      stop.abort();
      return tooLarge(limit);
    }
    const bytes = await readCapped(response, limit, stop);
    if (!bytes) {
      return tooLarge(limit);
    }
    // octet-stream says only "bytes": the provider's metadata knows better when it names a type.
    const served = mimeEssenceOf(response.headers.get('content-type'));
    return {
      ok: true,
      contentType:
        (served !== OCTET_STREAM ? served : null) ?? mimeEssenceOf(contentType) ?? served ?? OCTET_STREAM,
      bytes,
    };
  } catch (err) {
    return thrownFailure(err, deadline);
  }
};
