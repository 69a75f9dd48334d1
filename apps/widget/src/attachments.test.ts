import { INLINE_IMAGE_TYPES } from '@switchboard/contracts/constants';
import { describe, expect, it } from 'vitest';
import { ApiError, isTransient, NetworkError } from './api';
import {
  attachmentBytesPath,
  bytesSignature,
  captionOf,
  createFileBytesCache,
  type FileLine,
  fileLabel,
  fileNote,
  fileShow,
  needsBytes,
  safeBlob,
} from './attachments';
import { createTranslator } from './i18n';

const file = (over: Partial<FileLine> = {}): FileLine => ({
  id: 'att-1',
  kind: 'image',
  contentType: 'image/png',
  name: 'parcel.png',
  size: 68,
  status: 'ready',
  ...over,
});

describe('fileShow', () => {
  it('shows a ready picture of a type a browser shows inline, a sticker too', () => {
    for (const contentType of INLINE_IMAGE_TYPES) {
      expect(fileShow(file({ contentType })), contentType).toBe('picture');
      expect(fileShow(file({ kind: 'sticker', contentType })), contentType).toBe('picture');
    }
    expect(fileShow(file({ contentType: 'Image/PNG; charset=binary' }))).toBe('picture');
  });

  it('offers anything else that is ready as a download', () => {
    expect(fileShow(file({ kind: 'document', contentType: 'application/pdf' }))).toBe('download');
    expect(fileShow(file({ kind: 'image', contentType: 'image/svg+xml' }))).toBe('download');
    expect(fileShow(file({ kind: 'image', contentType: 'image/heic' }))).toBe('download');
    expect(fileShow(file({ kind: 'image', contentType: null }))).toBe('download');
    // A picture's type on what is not a picture is not shown as one.
    expect(fileShow(file({ kind: 'document', contentType: 'image/png' }))).toBe('download');
    expect(fileShow(file({ kind: 'video', contentType: 'video/mp4' }))).toBe('download');
  });

  it('says what became of a file that is not ready', () => {
    expect(fileShow(file({ status: 'pending' }))).toBe('pending');
    expect(fileShow(file({ status: 'failed' }))).toBe('failed');
    expect(fileShow(file({ status: 'expired', kind: 'document', contentType: 'application/pdf' }))).toBe(
      'expired',
    );
  });
});

describe('needsBytes', () => {
  it('fetches only stored files that are ready', () => {
    expect(needsBytes(file())).toBe(true);
    expect(needsBytes(file({ kind: 'document', contentType: 'application/pdf' }))).toBe(true);
    expect(needsBytes(file({ id: null, status: 'pending' }))).toBe(false);
    expect(needsBytes(file({ id: null }))).toBe(false);
    for (const status of ['pending', 'failed', 'expired'] as const) {
      expect(needsBytes(file({ status })), status).toBe(false);
    }
  });
});

describe('labels', () => {
  const en = createTranslator('en');

  it("names a file by its name, or by what it is in the customer's language", () => {
    expect(fileLabel(file(), en)).toBe('parcel.png');
    expect(fileLabel(file({ name: null, kind: 'document' }), en)).toBe('Document');
    expect(fileLabel(file({ name: '  ', kind: 'image' }), en)).toBe('Picture');
    expect(fileLabel(file({ name: null, kind: 'document' }), createTranslator('de'))).toBe('Dokument');
  });

  it('says why a file is not there, and nothing for one that is or is coming', () => {
    expect(fileNote('expired')).toBe('fileExpired');
    expect(fileNote('failed')).toBe('fileFailed');
    expect(fileNote('pending')).toBeNull();
    expect(fileNote('picture')).toBeNull();
    expect(fileNote('download')).toBeNull();
    expect(en(fileNote('expired') ?? 'fileLabel')).toBe('This file was removed after the retention period.');
    expect(en(fileNote('failed') ?? 'fileLabel')).toBe('This file could not be received.');
  });
});

describe('captionOf', () => {
  it('is the text as it is without files', () => {
    expect(captionOf('[image] not a file message', [])).toBe('[image] not a file message');
  });

  it("drops the server's stand-in for the file: its kind label and its name", () => {
    expect(captionOf('[image] parcel.png', [file()])).toBeNull();
    expect(captionOf('[document]', [file({ name: null })])).toBeNull();
    expect(captionOf('[media × 2] ', [file(), file({ id: 'att-2' })])).toBeNull();
    // An agent's label leaves out what could be taken for a template parameter.
    expect(captionOf('[document] label v2.pdf', [file({ name: 'label <v2>.pdf' })])).toBeNull();
  });

  it('keeps words written with the file', () => {
    expect(captionOf('[document] Your return label, print it please', [file({ name: 'label.pdf' })])).toBe(
      'Your return label, print it please',
    );
    expect(captionOf('The serial number is here', [file()])).toBe('The serial number is here');
  });
});

describe('attachmentBytesPath', () => {
  it("is the customer's route for the file, its ids encoded", () => {
    expect(attachmentBytesPath('conv-1', 'att/1')).toBe(
      '/api/livechat/conversations/conv-1/attachments/att%2F1',
    );
  });
});

describe('safeBlob', () => {
  it('keeps a picture under its own type', async () => {
    const blob = safeBlob(new Blob([new Uint8Array([1, 2, 3])]), file({ contentType: 'image/webp' }));
    expect(blob.type).toBe('image/webp');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('makes anything else opaque bytes, whatever the server or the browser called it', () => {
    const page = new Blob(['<script>alert(1)</script>'], { type: 'text/html' });
    expect(safeBlob(page, file({ kind: 'document', contentType: 'text/html' })).type).toBe(
      'application/octet-stream',
    );
    expect(safeBlob(page, file({ kind: 'image', contentType: 'image/svg+xml' })).type).toBe(
      'application/octet-stream',
    );
    expect(safeBlob(page, file({ kind: 'document', contentType: 'application/pdf' })).type).toBe(
      'application/octet-stream',
    );
  });

  it('answers the same Blob when its type is right already', () => {
    const pdf = new Blob(['%PDF'], { type: 'application/octet-stream' });
    expect(safeBlob(pdf, file({ kind: 'document', contentType: 'application/pdf' }))).toBe(pdf);
  });
});

/** A promise settled from outside. */
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** A cache with fake object URLs (`blob:1`, `blob:2`…) that records what it created, revoked and said. */
const testCache = () => {
  const created: Blob[] = [];
  const revoked: string[] = [];
  const changes: string[] = [];
  const cache = createFileBytesCache({
    changed: (id) => changes.push(id),
    retryable: isTransient,
    createUrl: (blob) => {
      created.push(blob);
      return `blob:${created.length}`;
    },
    revokeUrl: (url) => revoked.push(url),
  });
  return { cache, created, revoked, changes };
};

describe('the bytes cache', () => {
  it('fetches a file once, however often it is wanted, and says when it is there', async () => {
    const { cache, created, changes } = testCache();
    const load = deferred<Blob>();
    let loads = 0;
    const loader = () => {
      loads++;
      return load.promise;
    };
    expect(cache.get('a')).toBeUndefined();
    expect(cache.want('a', loader)).toEqual({ state: 'loading' });
    expect(cache.want('a', loader)).toEqual({ state: 'loading' });
    expect(changes).toEqual([]);

    const blob = new Blob(['x']);
    load.resolve(blob);
    await load.promise;
    expect(cache.get('a')).toEqual({ state: 'ready', url: 'blob:1' });
    expect(changes).toEqual(['a']);
    expect(cache.want('a', loader)).toEqual({ state: 'ready', url: 'blob:1' });
    expect(loads).toBe(1);
    expect(created).toEqual([blob]);
    expect(cache.urls).toBe(1);
  });

  it('remembers a failure, and forgets only those a reconnect may mend', async () => {
    const { cache, changes } = testCache();
    const gone = deferred<Blob>();
    const offline = deferred<Blob>();
    cache.want('gone', () => gone.promise);
    cache.want('offline', () => offline.promise);
    gone.reject(new ApiError(404, 'ATTACHMENT_NOT_FOUND', 'Not found'));
    offline.reject(new NetworkError());
    await Promise.allSettled([gone.promise, offline.promise]);

    expect(cache.get('gone')).toEqual({ state: 'error', retryable: false });
    expect(cache.get('offline')).toEqual({ state: 'error', retryable: true });
    expect(changes.sort()).toEqual(['gone', 'offline']);
    // Wanted again (a re-render): no new fetch.
    let again = 0;
    cache.want('gone', async () => {
      again++;
      return new Blob();
    });
    expect(again).toBe(0);

    expect(cache.forgetRetryable()).toBe(true);
    expect(cache.get('offline')).toBeUndefined();
    expect(cache.get('gone')).toEqual({ state: 'error', retryable: false });
    expect(cache.forgetRetryable()).toBe(false);
  });

  it('takes a loader that throws at once as a failed load', async () => {
    const { cache, changes } = testCache();
    const state = cache.want('a', () => {
      throw new ApiError(401, 'UNAUTHENTICATED', 'No');
    });
    expect(state).toEqual({ state: 'loading' });
    await Promise.resolve(); // the rejection's handler was queued first
    expect(cache.get('a')).toEqual({ state: 'error', retryable: false });
    expect(changes).toEqual(['a']);
  });

  it('shows seeded bytes at once and drops the answer of a fetch they overtook', async () => {
    const { cache, created, changes } = testCache();
    const load = deferred<Blob>();
    cache.want('a', () => load.promise);
    const own = new Blob(['mine']);
    cache.seed('a', own);
    expect(cache.get('a')).toEqual({ state: 'ready', url: 'blob:1' });
    expect(changes).toEqual(['a']);

    load.resolve(new Blob(['downloaded']));
    await load.promise;
    expect(cache.get('a')).toEqual({ state: 'ready', url: 'blob:1' });
    expect(created).toEqual([own]);
    // Seeding what is there already makes no second URL.
    cache.seed('a', new Blob(['again']));
    expect(created).toHaveLength(1);
    expect(changes).toEqual(['a']);
  });

  it('names a picture the browser could not show instead, its URL revoked', () => {
    const { cache, revoked, changes } = testCache();
    cache.seed('a', new Blob(['not a picture']));
    cache.fail('a');
    expect(cache.get('a')).toEqual({ state: 'error', retryable: false });
    expect(revoked).toEqual(['blob:1']);
    expect(changes).toEqual(['a', 'a']);
    cache.fail('a');
    expect(changes).toEqual(['a', 'a']);
    expect(cache.urls).toBe(0);
  });

  it('revokes every URL when cleared and gives none to a load that ends afterwards', async () => {
    const { cache, created, revoked, changes } = testCache();
    cache.seed('a', new Blob(['a']));
    cache.seed('b', new Blob(['b']));
    const late = deferred<Blob>();
    cache.want('c', () => late.promise);
    expect(cache.urls).toBe(2);

    cache.clear();
    expect(revoked.sort()).toEqual(['blob:1', 'blob:2']);
    expect(cache.urls).toBe(0);
    expect(cache.get('a')).toBeUndefined();

    late.resolve(new Blob(['c']));
    await late.promise;
    expect(cache.get('c')).toBeUndefined();
    expect(created).toHaveLength(2);
    expect(changes).toEqual(['a', 'b']);
    // A new session fetches afresh.
    expect(cache.want('c', () => late.promise)).toEqual({ state: 'loading' });
  });
});

describe('bytesSignature', () => {
  it('differs whenever what is shown differs', () => {
    const sigs = [
      bytesSignature(undefined),
      bytesSignature({ state: 'loading' }),
      bytesSignature({ state: 'ready', url: 'blob:1' }),
      bytesSignature({ state: 'ready', url: 'blob:2' }),
      bytesSignature({ state: 'error', retryable: true }),
    ];
    expect(new Set(sigs).size).toBe(sigs.length);
  });
});
