import { SENDABLE_FILE_MAX_BYTES, SENDABLE_FILE_TYPES } from '@switchboard/contracts/constants';
import { describe, expect, it } from 'vitest';
import {
  attachmentPath,
  checkFile,
  FILE_ACCEPT,
  fileContentType,
  formatBytes,
  uploadName,
  uploadRefusal,
  uploadTimeoutMs,
} from './files';

describe('checkFile', () => {
  it('takes every type the server takes, up to the limit', () => {
    for (const type of SENDABLE_FILE_TYPES) {
      expect(checkFile({ type, size: 1 }), type).toBeNull();
    }
    expect(checkFile({ type: 'image/png', size: SENDABLE_FILE_MAX_BYTES })).toBeNull();
    expect(checkFile({ type: 'Text/Plain; charset=utf-8', size: 10 })).toBeNull();
  });

  it('refuses other types, SVG and an unknown type among them', () => {
    for (const type of ['text/html', 'image/svg+xml', 'video/mp4', 'application/zip', 'image/heic', '']) {
      expect(checkFile({ type, size: 10 }), type).toBe('fileTypeRefused');
    }
  });

  it('refuses an empty file and one over the limit, the type being said first', () => {
    expect(checkFile({ type: 'application/pdf', size: 0 })).toBe('fileEmpty');
    expect(checkFile({ type: 'image/jpeg', size: SENDABLE_FILE_MAX_BYTES + 1 })).toBe('fileTooLarge');
    expect(checkFile({ type: 'video/mp4', size: SENDABLE_FILE_MAX_BYTES + 1 })).toBe('fileTypeRefused');
  });

  it('accepts in the picker what it takes', () => {
    expect(FILE_ACCEPT.split(',')).toEqual([...SENDABLE_FILE_TYPES]);
  });
});

describe('fileContentType', () => {
  it('drops parameters and case', () => {
    expect(fileContentType('IMAGE/PNG')).toBe('image/png');
    expect(fileContentType(' text/plain ; charset=UTF-8')).toBe('text/plain');
    expect(fileContentType('')).toBe('');
  });
});

describe('uploadRefusal', () => {
  it("puts the server's size and type refusals in the client's words", () => {
    expect(uploadRefusal(413)).toBe('fileTooLarge');
    expect(uploadRefusal(415)).toBe('fileTypeRefused');
    expect(uploadRefusal(400)).toBeNull();
    expect(uploadRefusal(409)).toBeNull();
    expect(uploadRefusal(409, 'FILE_QUOTA_EXCEEDED')).toBe('fileQuota');
  });
});

describe('uploadName', () => {
  it('keeps a name within the limit as it is, trimmed', () => {
    expect(uploadName('receipt.pdf')).toBe('receipt.pdf');
    expect(uploadName('  photo 1.png ')).toBe('photo 1.png');
  });

  it('shortens a long name in the stem, keeping the extension', () => {
    const long = `${'a'.repeat(300)}.jpeg`;
    const short = uploadName(long);
    expect(short).toHaveLength(255);
    expect(short.endsWith('a.jpeg')).toBe(true);
    expect(uploadName('abcdefghij.png', 8)).toBe('abcd.png');
    expect(uploadName('abcdefghij', 8)).toBe('abcdefgh');
  });

  it('never cuts a character in half', () => {
    // Each 📦 is two UTF-16 units: 3 of them (6 units) and ".png" are 10; 9 leaves room for 2.
    expect(uploadName('📦📦📦.png', 9)).toBe('📦📦.png');
  });
});

describe('attachmentPath', () => {
  it('puts the id in the path and the client id and name in the query, encoded', () => {
    const path = attachmentPath('c/1', 'cid-1', 'Rechnung März & Co.pdf');
    const url = new URL(path, 'http://x');
    expect(url.pathname).toBe('/api/livechat/conversations/c%2F1/attachments');
    expect(url.searchParams.get('clientMessageId')).toBe('cid-1');
    expect(url.searchParams.get('name')).toBe('Rechnung März & Co.pdf');
  });

  it('leaves out an empty name', () => {
    expect(attachmentPath('c1', 'cid', '  ')).toBe(
      '/api/livechat/conversations/c1/attachments?clientMessageId=cid',
    );
  });
});

describe('uploadTimeoutMs', () => {
  it('gives big files longer than the 15 s of a JSON call', () => {
    expect(uploadTimeoutMs(0)).toBe(15_000);
    expect(uploadTimeoutMs(1)).toBe(16_000);
    expect(uploadTimeoutMs(SENDABLE_FILE_MAX_BYTES)).toBe(15_000 + 105_000);
  });
});

describe('formatBytes', () => {
  it('counts in units of 1024, as the limit is counted', () => {
    expect(formatBytes(312, 'en')).toBe('312 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(48 * 1024, 'en')).toBe('48 kB');
    expect(formatBytes(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
    expect(formatBytes(SENDABLE_FILE_MAX_BYTES, 'en')).toBe('10 MB');
  });

  it("uses the language's separators and units", () => {
    expect(formatBytes(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
    expect(formatBytes(SENDABLE_FILE_MAX_BYTES, 'fr')).toMatch(/^10\sMo$/);
    expect(formatBytes(70, 'fr')).toMatch(/^70\soctets$/);
  });
});
