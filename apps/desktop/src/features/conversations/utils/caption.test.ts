import type { TAttachment } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { captionOf } from './caption';

const photo: TAttachment = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'image',
  contentType: 'image/png',
  name: null,
  size: 10,
  status: 'ready',
  error: null,
};

describe('the bubble of a message with files', () => {
  it('says the caption without the label the files replace', () => {
    expect(captionOf({ body: '[image] Das Paket ist kaputt', attachments: [photo] })).toBe(
      'Das Paket ist kaputt',
    );
    expect(captionOf({ body: '[media × 2] two photos', attachments: [photo, photo] })).toBe('two photos');
  });

  it('says nothing when only the label was there, or the file’s own name', () => {
    expect(captionOf({ body: '[image]', attachments: [photo] })).toBeNull();
    expect(
      captionOf({ body: '[image] parcel.png', attachments: [{ ...photo, name: 'parcel.png' }] }),
    ).toBeNull();
    expect(captionOf({ body: '[document] ', attachments: [photo] })).toBeNull();
  });

  it('leaves every other message as written, brackets included', () => {
    expect(captionOf({ body: '[image] not a file', attachments: [] })).toBe('[image] not a file');
    expect(captionOf({ body: '[urgent] call me' })).toBe('[urgent] call me');
  });
});
