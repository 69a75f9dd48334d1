import type { TMessage } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { lastSeq, mergeMessages } from './merge-messages';

const msg = (id: string, seq: number, body = `m${seq}`): TMessage => ({
  id,
  seq,
  conversationId: 'c',
  author: 'customer',
  authorName: 'Alice',
  body,
  systemEvent: null,
  clientMessageId: null,
  createdAt: new Date(Date.UTC(2025, 0, 1, 10, 0, seq)).toISOString(),
});

describe('mergeMessages', () => {
  it('keeps the furthest delivery status, whatever order pushes and answers arrive in', () => {
    const at = (deliveryStatus: TMessage['deliveryStatus']) => ({
      ...msg('a', 1),
      author: 'agent' as const,
      deliveryStatus,
    });
    const read = mergeMessages([at('sending')], [at('read')]);
    expect(read[0]?.deliveryStatus).toBe('read');
    // A late "sending" (the POST's answer after the push) does not take it back.
    expect(mergeMessages(read, [at('sending')])).toBe(read);
    expect(mergeMessages(read, [at('delivered')])).toBe(read);
    // Retry after a failure starts over.
    expect(mergeMessages([at('failed')], [at('sending')])[0]?.deliveryStatus).toBe('sending');
  });

  it('de-duplicates by id and orders by seq', () => {
    const merged = mergeMessages([msg('a', 1), msg('c', 3)], [msg('b', 2), msg('c', 3), msg('a', 1)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same array when nothing is new', () => {
    const existing = [msg('a', 1), msg('b', 2)];
    expect(mergeMessages(existing, [msg('b', 2)])).toBe(existing);
    expect(mergeMessages(existing, [])).toBe(existing);
  });

  it('takes a changed copy of a known message', () => {
    const merged = mergeMessages([msg('a', 1, 'old')], [msg('a', 1, 'new')]);
    expect(merged.map((m) => m.body)).toEqual(['new']);
  });

  it('handles a catch-up page that overlaps a socket push', () => {
    const afterPush = mergeMessages([msg('a', 1)], [msg('c', 3)]);
    const afterCatchUp = mergeMessages(afterPush, [msg('b', 2), msg('c', 3)]);
    expect(afterCatchUp.map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});

describe('lastSeq', () => {
  it('is the highest seq, or null for an empty thread', () => {
    expect(lastSeq([])).toBeNull();
    expect(lastSeq([msg('a', 4), msg('b', 2)])).toBe(4);
    expect(lastSeq([msg('a', 0)])).toBe(0);
  });
});
