import { FILE_NAME_MAX, INLINE_IMAGE_TYPES, SENDABLE_FILE_TYPES } from '@switchboard/contracts';
import { AppError } from './errors';

/**
 * The rules of customers' files (product.md, *beyond*: attachments): how large a file we keep,
 * how often a fetch is tried, and how a kept file may be shown in a browser.
 */

/** Larger files are not kept (WhatsApp's videos go up to 16 MB; a document beyond is refused as too large). */
export const ATTACHMENT_MAX_BYTES = 16 * 1024 * 1024;

/** A fetch that fails for a reason that may pass (a timeout, the provider's 5xx) is tried this often in all. */
export const ATTACHMENT_MAX_ATTEMPTS = 5;

/** How long a claimed fetch is leased to its fetcher: past it, another process may take it over. */
export const ATTACHMENT_LEASE_MS = 60_000;

/** Backoff with jitter between attempts (`jitter` in [0, 1)): 2 s, 4 s, 8 s, 16 s, at most a minute. */
export const attachmentRetryDelayMs = ({
  attempts,
  jitter,
}: {
  attempts: number;
  jitter: number;
}): number => {
  const base = Math.min(60_000, 2000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + jitter / 2));
};

/** Pictures a browser may show inline (contracts' INLINE_IMAGE_TYPES: raster formats, never SVG). */
const INLINE_IMAGES: ReadonlySet<string> = new Set(INLINE_IMAGE_TYPES);

/** What a MIME type may be: `type/subtype`, token characters only (RFC 6838 §4.2), no parameters. */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * How a kept file is served to a desktop: a raster picture inline, with its type; anything else as
 * a download (`Content-Disposition: attachment`), with its type when that is a well-formed MIME
 * type and `application/octet-stream` otherwise, so that no file a customer sent runs as a page of
 * ours (the route adds `nosniff` and a sandboxing Content-Security-Policy as well).
 */
export const attachmentDisposition = (
  contentType: string | null,
): { contentType: string; inline: boolean } => {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (INLINE_IMAGES.has(type)) {
    return { contentType: type, inline: true };
  }
  const safe =
    MIME_TYPE.test(type) && !type.includes('html') && !type.includes('xml') && !type.includes('javascript');
  return { contentType: safe ? type : 'application/octet-stream', inline: false };
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A file's name as it may be shown and offered for download: its last path segment (a browser or
 * a provider may send `C:\Users\...\photo.jpg`), without control characters, spaces collapsed, at
 * most FILE_NAME_MAX characters; null when nothing is left.
 */
export const fileNameOf = (name: string | null | undefined): string | null => {
  if (typeof name !== 'string') {
    return null;
  }
  const last = name.split(/[/\\]/).pop() ?? '';
  const clean = last.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return clean ? [...clean].slice(0, FILE_NAME_MAX).join('') : null;
};

/** When files that arrived before it are removed, for a retention of `days` (0: never). */
export const retentionCutoff = ({ now, days }: { now: Date; days: number }): Date | null =>
  days > 0 ? new Date(now.getTime() - days * 86_400_000) : null;

/**
 * A file someone sends us from a browser (a live-chat customer, an agent): a picture, a PDF or plain
 * text, not empty, at most `maxBytes`; its type without parameters and the kind it is shown as.
 * Throws UNSUPPORTED_MEDIA_TYPE, VALIDATION_FAILED or BODY_TOO_LARGE.
 */
export const checkSentFile = ({
  contentType,
  size,
  maxBytes,
}: {
  contentType: string;
  size: number;
  maxBytes: number;
}): { contentType: string; kind: 'image' | 'document' } => {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!SENDABLE_FILE_TYPES.includes(type)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Only pictures (JPEG, PNG, GIF, WebP), PDF and plain text can be sent',
    );
  }
  if (size === 0) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty');
  }
  if (size > maxBytes) {
    throw new AppError('BODY_TOO_LARGE', `Files of at most ${maxBytes / 1024 / 1024} MB can be sent here`);
  }
  return { contentType: type, kind: INLINE_IMAGE_TYPES.includes(type) ? 'image' : 'document' };
};
