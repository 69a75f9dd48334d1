import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_ATTEMPTS,
  attachmentDisposition,
  attachmentRetryDelayMs,
  fileNameOf,
} from '../src/attachments';

describe('how a customer’s file is served to a desktop', () => {
  it('shows raster pictures inline, whatever the case or parameters of their type', () => {
    expect(attachmentDisposition('image/png')).toEqual({ contentType: 'image/png', inline: true });
    expect(attachmentDisposition('IMAGE/JPEG; charset=binary')).toEqual({
      contentType: 'image/jpeg',
      inline: true,
    });
    expect(attachmentDisposition('image/webp')).toEqual({ contentType: 'image/webp', inline: true });
  });

  it('downloads everything else, and never serves a type a browser would run as a page', () => {
    expect(attachmentDisposition('application/pdf')).toEqual({
      contentType: 'application/pdf',
      inline: false,
    });
    expect(attachmentDisposition('audio/ogg; codecs=opus')).toEqual({
      contentType: 'audio/ogg',
      inline: false,
    });
    for (const hostile of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'text/javascript',
      'text/xml',
      'image/png\r\nset-cookie: x=1',
      'not a type',
      '',
      null,
    ]) {
      expect(attachmentDisposition(hostile)).toEqual({
        contentType: 'application/octet-stream',
        inline: false,
      });
    }
  });
});

describe('fetching a file again', () => {
  it('waits longer after each failure, within a minute, with jitter', () => {
    const delays = Array.from({ length: ATTACHMENT_MAX_ATTEMPTS }, (_, i) =>
      attachmentRetryDelayMs({ attempts: i + 1, jitter: 0.999 }),
    );
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
    expect(attachmentRetryDelayMs({ attempts: 1, jitter: 0 })).toBe(1000);
    expect(attachmentRetryDelayMs({ attempts: 50, jitter: 0 })).toBe(30_000);
  });
});

describe('a file’s name as it is shown and offered for download', () => {
  it('keeps the last part of a path, without control characters or runs of spaces', () => {
    expect(fileNameOf('C:\\Users\\ines\\parcel photo.png')).toBe('parcel photo.png');
    expect(fileNameOf('../../etc/passwd')).toBe('passwd');
    expect(fileNameOf('receipt\r\nset-cookie: x.pdf')).toBe('receiptset-cookie: x.pdf');
    expect(fileNameOf('  Rechnung \t März.pdf ')).toBe('Rechnung März.pdf');
  });

  it('gives none for what holds no name, and cuts a long one without splitting a character', () => {
    for (const nothing of [null, undefined, '', '   ', '/', 'a/\u0000', 42 as unknown as string]) {
      expect(fileNameOf(nothing)).toBeNull();
    }
    const long = fileNameOf('😀'.repeat(300));
    expect([...(long ?? '')]).toHaveLength(255);
    expect(long?.endsWith('😀')).toBe(true);
  });
});
