import { describe, expect, it } from 'vitest';
import {
  arrivedOffers,
  attentionCount,
  lastMessageIds,
  newCustomerMessages,
  previewOf,
  titleWith,
} from './attention';

const conversation = (state: 'active' | 'wrapup' | 'done', waitingSince: string | null) => ({
  participation: { state } as never,
  waitingSince,
});

describe('what asks for the agent', () => {
  it('counts contact requests and customers waiting for an answer in conversations the agent holds', () => {
    expect(
      attentionCount({
        offers: [{ id: 'o1' }, { id: 'o2' }],
        conversations: [
          conversation('active', '2026-12-05T10:00:00.000Z'),
          conversation('active', null),
          conversation('wrapup', '2026-12-05T10:00:00.000Z'),
        ],
      }),
    ).toBe(3);
    expect(attentionCount({ offers: [], conversations: [conversation('active', null)] })).toBe(0);
  });

  it('puts the count before the name in the tab’s title', () => {
    expect(titleWith('Switchboard', 3)).toBe('(3) Switchboard');
    expect(titleWith('Switchboard', 0)).toBe('Switchboard');
  });

  it('chimes for a request not seen before, not for one that only changed', () => {
    expect(arrivedOffers(new Set(['o1']), [{ id: 'o1' }, { id: 'o2' }])).toEqual(['o2']);
    expect(arrivedOffers(new Set(['o1']), [{ id: 'o1' }])).toEqual([]);
  });
});

describe('new messages from customers', () => {
  const summary = (
    id: string,
    last: { id: string; author: 'customer' | 'agent' } | null,
    state = 'active',
  ) => ({
    id,
    customerName: `Customer ${id}`,
    participation: { state } as never,
    lastMessage: last as never,
  });

  it('names each conversation whose customer wrote since the last message seen, once however many arrived', () => {
    const before = [
      summary('a', { id: 'm1', author: 'agent' }),
      summary('b', { id: 'm2', author: 'customer' }),
    ];
    const seen = lastMessageIds(before);
    const after = [
      summary('a', { id: 'm5', author: 'customer' }),
      summary('b', { id: 'm2', author: 'customer' }),
      summary('c', { id: 'm9', author: 'customer' }),
    ];
    expect(newCustomerMessages(seen, after).map((c) => c.id)).toEqual(['a']);
  });

  it('says nothing of the agent’s own answers, of conversations in wrap-up or of ones not seen before', () => {
    const seen = lastMessageIds([summary('a', null), summary('b', { id: 'm1', author: 'customer' })]);
    expect(
      newCustomerMessages(seen, [
        summary('a', { id: 'm2', author: 'agent' }),
        summary('b', { id: 'm3', author: 'customer' }, 'wrapup'),
        summary('c', { id: 'm4', author: 'customer' }),
      ]),
    ).toEqual([]);
  });

  it('shows a message on one line, cut with an ellipsis when long', () => {
    expect(previewOf('Hello\n\nthere  you')).toBe('Hello there you');
    expect(previewOf('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
