import type { TAttachment } from '@switchboard/contracts';
import { INLINE_IMAGE_TYPES } from '@switchboard/contracts/constants';
import { fileContentType } from './files';
import type { TranslationKey } from './i18n';

/**
 * Files in the customer's thread, the agent's and their own (`TMessage.attachments`): how each is
 * shown, and the object URLs their bytes are shown from. The bytes come from
 * `GET /api/livechat/conversations/:id/attachments/:attachmentId` with the session's bearer token,
 * which an `<img src>` cannot send: they are fetched as a Blob, once per attachment.
 */

/** A file of a message as the thread shows it; `id` is null while the customer's own is uploading. */
export interface FileLine {
  id: string | null;
  kind: TAttachment['kind'];
  contentType: string | null;
  name: string | null;
  size: number | null;
  status: TAttachment['status'];
}

/**
 * - `picture`: shown in the bubble, a link to the full picture around it;
 * - `download`: a link that saves it under its name;
 * - `pending` (not fetched yet, or still uploading), `failed`, `expired`: its name, and why not.
 */
export type FileShow = 'picture' | 'download' | 'pending' | 'failed' | 'expired';

export const fileShow = (file: Pick<FileLine, 'kind' | 'contentType' | 'status'>): FileShow => {
  if (file.status !== 'ready') {
    return file.status;
  }
  const pictureKind = file.kind === 'image' || file.kind === 'sticker';
  const inlineType =
    file.contentType !== null && INLINE_IMAGE_TYPES.includes(fileContentType(file.contentType));
  return pictureKind && inlineType ? 'picture' : 'download';
};

/** Whose bytes there are to fetch: a stored file that is ready (pending, failed and expired have none). */
export const needsBytes = (file: FileLine): file is FileLine & { id: string } =>
  file.id !== null && file.status === 'ready';

export const KIND_LABELS: Record<TAttachment['kind'], TranslationKey> = {
  image: 'kindImage',
  video: 'kindVideo',
  audio: 'kindAudio',
  document: 'kindDocument',
  sticker: 'kindSticker',
};

/** What a file is called: its name, or what it is ("Document") when it came without one. */
export const fileLabel = (
  file: Pick<FileLine, 'name' | 'kind'>,
  t: (key: TranslationKey) => string,
): string => file.name?.trim() || t(KIND_LABELS[file.kind]);

/** The line under a file that did not come through, or null. */
export const fileNote = (show: FileShow): Extract<TranslationKey, 'fileExpired' | 'fileFailed'> | null =>
  show === 'expired' ? 'fileExpired' : show === 'failed' ? 'fileFailed' : null;

/** The label the server puts before a file message's text (`[image] parcel.png`, `[document] caption`). */
const FILE_LABEL = /^\[[^\]\n]{1,40}\]\s?/;

/**
 * What a message with files says in words besides them: its text without the server's `[kind]`
 * label (kept in the stored body for transcripts and previews), and nothing when that is only the
 * file's name, which the file line shows already. Null when there is nothing to say.
 */
export const captionOf = (body: string, files: readonly Pick<FileLine, 'name'>[]): string | null => {
  if (files.length === 0) {
    return body;
  }
  const caption = body.replace(FILE_LABEL, '').trim();
  // The server leaves `<` and `>` out of the name it writes in an agent's label.
  const asLabel = (name: string) => name.replace(/[<>]/g, '').trim();
  if (!caption || files.some((f) => f.name !== null && asLabel(f.name) === asLabel(caption))) {
    return null;
  }
  return caption;
};

/** The path of a file's bytes for the customer. */
export const attachmentBytesPath = (conversationId: string, attachmentId: string): string =>
  `/api/livechat/conversations/${encodeURIComponent(conversationId)}/attachments/${encodeURIComponent(attachmentId)}`;

/**
 * The bytes as the widget keeps them: a picture under its own (raster, never SVG) type, anything
 * else as `application/octet-stream`. An object URL has the embedding page's origin: a file of
 * another type opened in a tab must be saved, never shown as a page of that site.
 */
export const safeBlob = (blob: Blob, file: Pick<FileLine, 'kind' | 'contentType' | 'status'>): Blob => {
  const type =
    fileShow({ ...file, status: 'ready' }) === 'picture' && file.contentType
      ? fileContentType(file.contentType)
      : 'application/octet-stream';
  return blob.type === type ? blob : new Blob([blob], { type });
};

// ---------------------------------------------------------------- the cache

export type FileBytes =
  | { state: 'loading' }
  | { state: 'ready'; url: string }
  /** `retryable`: nothing came back or the server was busy; a reconnect may try again. */
  | { state: 'error'; retryable: boolean };

export interface FileBytesCache {
  get(id: string): FileBytes | undefined;
  /** The bytes' state, starting `load` when nothing is known of them yet; never twice at once. */
  want(id: string, load: () => Promise<Blob>): FileBytes;
  /** Bytes the widget has already (the customer's own upload): no need to fetch them. */
  seed(id: string, blob: Blob): void;
  /** Bytes that turned out not to be a picture the browser can show: shown by name instead. */
  fail(id: string): void;
  /** Forgets failures that may pass, so the next `want` tries again; true when there were some. */
  forgetRetryable(): boolean;
  /** Revokes every object URL; loads still under way are dropped when they end. */
  clear(): void;
  /** How many object URLs are held. */
  readonly urls: number;
}

export interface FileBytesCacheOptions {
  /** A load ended (or bytes were seeded): the thread shows the file anew. */
  changed: (id: string) => void;
  retryable: (error: unknown) => boolean;
  createUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
}

/** Object URLs of files' bytes, one per attachment id, for as long as the session is shown. */
export const createFileBytesCache = ({
  changed,
  retryable,
  createUrl = (blob) => URL.createObjectURL(blob),
  revokeUrl = (url) => URL.revokeObjectURL(url),
}: FileBytesCacheOptions): FileBytesCache => {
  let entries = new Map<string, FileBytes>();

  const settle = (id: string, loading: FileBytes, next: () => FileBytes): void => {
    // Seeded, or cleared meanwhile: this load's answer is no longer wanted (and gets no URL).
    if (entries.get(id) !== loading) {
      return;
    }
    entries.set(id, next());
    changed(id);
  };

  return {
    get: (id) => entries.get(id),
    want(id, load) {
      const known = entries.get(id);
      if (known) {
        return known;
      }
      const loading: FileBytes = { state: 'loading' };
      entries.set(id, loading);
      let started: Promise<Blob>;
      try {
        started = load();
      } catch (e) {
        started = Promise.reject(e);
      }
      started.then(
        (blob) => settle(id, loading, () => ({ state: 'ready', url: createUrl(blob) })),
        (e: unknown) => settle(id, loading, () => ({ state: 'error', retryable: retryable(e) })),
      );
      return loading;
    },
    seed(id, blob) {
      if (entries.get(id)?.state === 'ready') {
        return;
      }
      entries.set(id, { state: 'ready', url: createUrl(blob) });
      changed(id);
    },
    fail(id) {
      const known = entries.get(id);
      if (known?.state === 'ready') {
        revokeUrl(known.url);
      }
      if (known?.state !== 'error') {
        entries.set(id, { state: 'error', retryable: false });
        changed(id);
      }
    },
    forgetRetryable() {
      let any = false;
      for (const [id, entry] of entries) {
        if (entry.state === 'error' && entry.retryable) {
          entries.delete(id);
          any = true;
        }
      }
      return any;
    },
    clear() {
      const old = entries;
      entries = new Map();
      for (const entry of old.values()) {
        if (entry.state === 'ready') {
          revokeUrl(entry.url);
        }
      }
    },
    get urls() {
      let n = 0;
      for (const entry of entries.values()) {
        n += entry.state === 'ready' ? 1 : 0;
      }
      return n;
    },
  };
};

/** What of a file's bytes changes how it is shown: part of its message's render signature. */
export const bytesSignature = (bytes: FileBytes | undefined): string =>
  bytes === undefined ? '-' : bytes.state === 'ready' ? `ready:${bytes.url}` : bytes.state;
