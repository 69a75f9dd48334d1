import {
  FILE_NAME_MAX,
  SENDABLE_FILE_MAX_BYTES,
  SENDABLE_FILE_TYPES,
} from '@switchboard/contracts/constants';
import type { TranslationKey } from './i18n';

/**
 * Files the customer sends (`POST /api/livechat/conversations/:id/attachments`): the same checks
 * the server makes, made first so a refusal is explained at once, in the customer's language,
 * without uploading 10 MB to hear it.
 */

/** What `<input type="file" accept>` offers: the types the server takes. */
export const FILE_ACCEPT = SENDABLE_FILE_TYPES.join(',');

/** A MIME type without parameters, lower-cased: `Text/Plain; charset=utf-8` → `text/plain`. */
export const fileContentType = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase();

export type FileRefusal = Extract<
  TranslationKey,
  'fileTypeRefused' | 'fileEmpty' | 'fileTooLarge' | 'fileQuota'
>;

/** Why the server would refuse this file, or null. The type first: it says what would be taken. */
export const checkFile = (
  file: { type: string; size: number },
  types: readonly string[] = SENDABLE_FILE_TYPES,
  maxBytes: number = SENDABLE_FILE_MAX_BYTES,
): FileRefusal | null => {
  if (!types.includes(fileContentType(file.type))) {
    return 'fileTypeRefused';
  }
  if (file.size === 0) {
    return 'fileEmpty';
  }
  if (file.size > maxBytes) {
    return 'fileTooLarge';
  }
  return null;
};

/** The server's refusals that have words of our own; others keep the server's message. */
export const uploadRefusal = (status: number, code?: string): FileRefusal | null =>
  status === 413
    ? 'fileTooLarge'
    : status === 415
      ? 'fileTypeRefused'
      : code === 'FILE_QUOTA_EXCEEDED'
        ? 'fileQuota'
        : null;

/**
 * The name as the server takes it: at most `max` UTF-16 units (zod's `max`), cut in the stem so the
 * extension survives, never inside a surrogate pair.
 */
export const uploadName = (name: string, max = FILE_NAME_MAX): string => {
  const trimmed = name.trim();
  if (trimmed.length <= max) {
    return trimmed;
  }
  const dot = trimmed.lastIndexOf('.');
  const ext = dot > 0 && trimmed.length - dot <= 16 ? trimmed.slice(dot) : '';
  let stem = '';
  for (const ch of trimmed.slice(0, trimmed.length - ext.length)) {
    if (stem.length + ch.length + ext.length > max) {
      break;
    }
    stem += ch;
  }
  return stem + ext;
};

/** The upload's path and query; `name` is left out when there is none (the server allows that). */
export const attachmentPath = (conversationId: string, clientMessageId: string, name: string): string => {
  const query = new URLSearchParams({ clientMessageId });
  const shortened = uploadName(name);
  if (shortened) {
    query.set('name', shortened);
  }
  return `/api/livechat/conversations/${encodeURIComponent(conversationId)}/attachments?${query}`;
};

/**
 * How long an upload may take: the JSON calls' 15 s plus a second per 100 KB, so a 10 MB photo on
 * a slow mobile uplink (under 1 Mbit/s) is not cut off and offered again, forever.
 */
export const uploadTimeoutMs = (bytes: number, base = 15_000): number =>
  base + Math.ceil(bytes / 100_000) * 1000;

const KB = 1024;
const MB = 1024 * 1024;

/**
 * `312 bytes`, `48 kB`, `1.2 MB` (`1,2 MB`, `10 Mo` in French): units of 1024, as the limit is
 * counted. Bytes are spelled out: English's short form is a singular "byte".
 */
export const formatBytes = (bytes: number, language: string): string => {
  const [value, unit] =
    bytes >= MB ? [bytes / MB, 'megabyte'] : bytes >= KB ? [bytes / KB, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'megabyte' && value < 10 ? 1 : 0,
  }).format(value);
};
