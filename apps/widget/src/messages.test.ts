import type { TAttachment, TMessage } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import {
  countNewAgentMessages,
  lastSeq,
  mergeMessages,
  newClientMessageId,
  type PendingMessage,
  readReportFor,
  settlePending,
  threadItems,
  updatePending,
} from './messages';

const CONVERSATION = '00000000-0000-4000-8000-000000000000';
let n = 0;
const msg = (seq: number, over: Partial<TMessage> = {}): TMessage => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  seq,
  conversationId: CONVERSATION,
  author: 'customer',
  authorName: 'Eva',
  body: `message ${seq}`,
  systemEvent: null,
  clientMessageId: null,
  createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
  ...over,
});
const attachment = (over: Partial<TAttachment> = {}): TAttachment => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  kind: 'image',
  contentType: 'image/png',
  name: 'parcel.png',
  size: 68,
  status: 'ready',
  error: null,
  ...over,
});
const pending = (clientMessageId: string, over: Partial<PendingMessage> = {}): PendingMessage => ({
  clientMessageId,
  body: 'hello',
  state: 'sending',
  retryable: false,
  error: null,
  createdAt: '2025-01-01T12:00:00.000Z',
  ...over,
});

describe('mergeMessages', () => {
  it('keeps each message once, by id, in seq order', () => {
    const a = msg(1);
    const b = msg(2);
    const c = msg(3);
    expect(mergeMessages([a, c], [b, c, a])).toEqual([a, b, c]);
    expect(mergeMessages([], [c, a, b])).toEqual([a, b, c]);
    expect(mergeMessages([a], [])).toEqual([a]);
  });

  it('keeps the copy it already has when one arrives again', () => {
    const a = msg(1);
    const again = { ...a, body: 'changed' };
    expect(mergeMessages([a], [again])[0]?.body).toBe(a.body);
  });

  it('takes the files of a later copy that have come further, and nothing else of it', () => {
    const a = msg(1, {
      author: 'agent',
      attachments: [attachment({ status: 'pending' }), attachment({ id: 'other', status: 'ready' })],
    });
    const later = {
      ...a,
      body: 'changed',
      attachments: [attachment({ status: 'ready' }), attachment({ id: 'other', status: 'pending' })],
    };
    const [merged] = mergeMessages([a], [later]);
    expect(merged?.body).toBe(a.body);
    expect(merged?.attachments?.map((f) => f.status)).toEqual(['ready', 'ready']);
    // Expired is as far as a file goes: an older copy does not bring it back.
    const expired = { ...a, attachments: [attachment({ status: 'expired' })] };
    expect(mergeMessages([expired], [later])[0]?.attachments?.[0]?.status).toBe('expired');
    expect(mergeMessages([a], [expired])[0]?.attachments?.[0]?.status).toBe('expired');
    // Nothing new: the very same object.
    expect(mergeMessages([merged as TMessage], [a, later])[0]).toBe(merged);
  });

  it('does not change its inputs', () => {
    const current = [msg(2)];
    const incoming = [msg(1)];
    mergeMessages(current, incoming);
    expect(current).toHaveLength(1);
    expect(incoming).toHaveLength(1);
  });
});

describe('lastSeq', () => {
  it('is the highest seq, 0 without messages', () => {
    expect(lastSeq([])).toBe(0);
    expect(lastSeq([msg(3), msg(7), msg(5)])).toBe(7);
  });
});

describe('pending messages', () => {
  it('are settled when the server copy with the same clientMessageId arrives', () => {
    const list = [pending('a'), pending('b'), pending('c')];
    const confirmed = [msg(1, { clientMessageId: 'b' }), msg(2, { author: 'agent', clientMessageId: null })];
    expect(settlePending(list, confirmed).map((p) => p.clientMessageId)).toEqual(['a', 'c']);
  });

  it('are updated one at a time', () => {
    const list = [pending('a'), pending('b')];
    const next = updatePending(list, 'b', { state: 'failed', retryable: true });
    expect(next[1]).toMatchObject({ clientMessageId: 'b', state: 'failed', retryable: true });
    expect(next[0]).toBe(list[0]);
  });
});

describe('threadItems', () => {
  it('lists messages in order, then the pending ones, each with a stable key', () => {
    const own = msg(1, { clientMessageId: 'c1' });
    const joined = msg(2, { author: 'system', authorName: 'Anna', systemEvent: 'agent_joined', body: '' });
    const a1 = msg(3, { author: 'agent', authorName: 'Anna' });
    const a2 = msg(4, { author: 'agent', authorName: 'Anna' });
    const b1 = msg(5, { author: 'agent', authorName: 'Ben' });
    const items = threadItems(
      [own, joined, a1, a2, b1],
      [pending('c2', { state: 'failed', retryable: true })],
    );
    expect(items.map((i) => i.kind)).toEqual(['own', 'system', 'agent', 'agent', 'agent', 'own']);
    expect(items[0]).toMatchObject({ key: 'own:c1', state: 'sent' });
    expect(items[1]).toMatchObject({ event: 'agent_joined', name: 'Anna' });
    expect(items.slice(2, 5).map((i) => i.kind === 'agent' && i.firstOfRun)).toEqual([true, false, true]);
    expect(items[5]).toMatchObject({
      key: 'own:c2',
      state: 'failed',
      retryable: true,
      clientMessageId: 'c2',
    });
  });

  it('gives a pending message and its confirmed copy the same key', () => {
    const before = threadItems([], [pending('x')]);
    const after = threadItems([msg(1, { clientMessageId: 'x' })], []);
    expect(before[0]?.key).toBe(after[0]?.key);
  });

  it("shows a file by its name and size, pending or stored, not by the server's text stand-in", () => {
    const file = new File([new Uint8Array(68)], 'parcel.png', { type: 'image/png' });
    const before = threadItems([], [pending('f', { body: 'parcel.png', file })]);
    const stored = msg(1, { clientMessageId: 'f', body: '[image] parcel.png', attachments: [attachment()] });
    const after = threadItems([stored], []);
    expect(before[0]).toMatchObject({
      key: 'own:f',
      state: 'sending',
      text: null,
      // Uploading: nothing to fetch yet.
      files: [
        {
          id: null,
          kind: 'image',
          contentType: 'image/png',
          name: 'parcel.png',
          size: 68,
          status: 'pending',
        },
      ],
    });
    expect(after[0]).toMatchObject({
      key: 'own:f',
      state: 'sent',
      text: null,
      files: [{ id: attachment().id, kind: 'image', name: 'parcel.png', size: 68, status: 'ready' }],
    });
    const pdf = new File(['%PDF'], 'receipt.pdf', { type: 'application/pdf' });
    expect(threadItems([], [pending('p', { body: 'receipt.pdf', file: pdf })])[0]).toMatchObject({
      files: [{ kind: 'document', contentType: 'application/pdf' }],
    });
    // Text has no file lines, and says what it says.
    const text = threadItems([msg(2, { body: 'hi' })], [pending('t', { body: 'there' })]);
    expect(text.map((i) => i.kind === 'own' && i.files)).toEqual([[], []]);
    expect(text.map((i) => i.kind === 'own' && i.text)).toEqual(['hi', 'there']);
  });

  it("gives the agent's files too, with the words written with them", () => {
    const label = attachment({
      id: 'label',
      kind: 'document',
      contentType: 'application/pdf',
      name: 'return-label.pdf',
      size: 48 * 1024,
    });
    const [withWords, alone, plain] = threadItems(
      [
        msg(1, {
          author: 'agent',
          authorName: 'Alice Agent',
          body: '[document] Here is your return label',
          attachments: [label],
        }),
        msg(2, {
          author: 'agent',
          authorName: 'Alice Agent',
          body: '[image] serial.jpg',
          attachments: [attachment({ id: 'serial', name: 'serial.jpg', contentType: 'image/jpeg' })],
        }),
        msg(3, { author: 'agent', authorName: 'Alice Agent', body: '[video] see' }),
      ],
      [],
    );
    expect(withWords).toMatchObject({
      kind: 'agent',
      authorName: 'Alice Agent',
      text: 'Here is your return label',
      files: [{ id: 'label', kind: 'document', name: 'return-label.pdf', size: 48 * 1024, status: 'ready' }],
    });
    expect(alone).toMatchObject({ kind: 'agent', text: null, firstOfRun: false, files: [{ id: 'serial' }] });
    // Without files the body is the text, whatever it looks like.
    expect(plain).toMatchObject({ kind: 'agent', text: '[video] see', files: [] });
  });

  it('keys messages without a clientMessageId by id', () => {
    const m = msg(1);
    expect(threadItems([m], [])[0]?.key).toBe(m.id);
  });
});

describe('countNewAgentMessages', () => {
  it('counts agent messages not seen before, once each', () => {
    const known = msg(1, { author: 'agent' });
    const fresh = msg(2, { author: 'agent' });
    expect(countNewAgentMessages([known], [known, fresh, fresh, msg(3)])).toBe(1);
  });
});

describe('newClientMessageId', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('uses crypto.randomUUID where there is one', () => {
    expect(newClientMessageId()).toMatch(UUID_V4);
  });

  it('builds a v4 UUID from getRandomValues outside secure contexts', () => {
    const fake = { getRandomValues: <T extends ArrayBufferView | null>(a: T): T => a };
    expect(newClientMessageId(fake as Pick<Crypto, 'getRandomValues'>)).toBe(
      '00000000-0000-4000-8000-000000000000',
    );
    const real = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const ids = new Set(Array.from({ length: 50 }, () => newClientMessageId(real)));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
    }
  });
});

describe('readReportFor', () => {
  it('reports the thread up to its end once an agent wrote after what was reported', () => {
    const thread = [msg(1), msg(2, { author: 'agent' }), msg(3), msg(4, { author: 'system' })];
    expect(readReportFor(thread, 0)).toBe(4);
    expect(readReportFor(thread, 1)).toBe(4);
  });

  it('reports nothing when the agent wrote nothing new: the customer’s own lines need no receipt', () => {
    const thread = [msg(1), msg(2, { author: 'agent' }), msg(3), msg(4, { author: 'system' })];
    expect(readReportFor(thread, 2)).toBeNull();
    expect(readReportFor(thread, 4)).toBeNull();
    expect(readReportFor([], 0)).toBeNull();
  });
});
