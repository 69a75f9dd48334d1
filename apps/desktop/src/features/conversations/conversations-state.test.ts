import type { TConversationSummary, TMessage } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import {
  type ConversationsState,
  conversationsReducer,
  initialConversationsState,
} from './conversations-state';

const summary = (id: string, patch: Partial<TConversationSummary> = {}): TConversationSummary => ({
  id,
  channel: 'livechat',
  status: 'active',
  queueName: 'Support',
  entryPointName: 'Website',
  customerName: `Customer ${id}`,
  customerEmail: null,
  arrivedAt: '2025-01-01T10:00:00Z',
  customerLeft: false,
  composeLimit: 1000,
  participation: { state: 'active', role: 'owner', joinedAt: '2025-01-01T10:00:10Z', endedAt: null },
  conference: false,
  conferenceRequest: null,
  waitingSince: null,
  responseTargetSeconds: 120,
  lastMessage: null,
  ...patch,
});

const message = (conversationId: string, seq: number, patch: Partial<TMessage> = {}): TMessage => ({
  id: `${conversationId}-${seq}`,
  seq,
  conversationId,
  author: 'customer',
  authorName: 'Alice',
  body: `m${seq}`,
  systemEvent: null,
  clientMessageId: null,
  createdAt: new Date(Date.UTC(2025, 0, 1, 10, 1, seq)).toISOString(),
  ...patch,
});

const run = (...events: Parameters<typeof conversationsReducer>[1][]): ConversationsState =>
  events.reduce(conversationsReducer, initialConversationsState);

describe('conversationsReducer', () => {
  it('selects the first conversation and appends new ones as tabs', () => {
    const state = run(
      { type: 'upserted', summary: summary('a') },
      { type: 'upserted', summary: summary('b') },
    );
    expect(state.order).toEqual(['a', 'b']);
    expect(state.selectedId).toBe('a');
  });

  it('selects an accepted conversation when asked', () => {
    const state = run(
      { type: 'upserted', summary: summary('a') },
      { type: 'upserted', summary: summary('b'), messages: [message('b', 1)], select: true },
    );
    expect(state.selectedId).toBe('b');
    expect(state.byId.b?.messages).toHaveLength(1);
  });

  it('removes a conversation whose participation is done and selects its neighbour', () => {
    const state = run(
      { type: 'upserted', summary: summary('a') },
      { type: 'upserted', summary: summary('b') },
      { type: 'upserted', summary: summary('c') },
      { type: 'selected', conversationId: 'b' },
      {
        type: 'upserted',
        summary: summary('b', {
          participation: { state: 'done', role: 'owner', joinedAt: 'x', endedAt: 'y' },
        }),
      },
    );
    expect(state.order).toEqual(['a', 'c']);
    expect(state.selectedId).toBe('c');
    const last = run(
      { type: 'upserted', summary: summary('a') },
      { type: 'upserted', summary: summary('b') },
    );
    const afterRemove = conversationsReducer(
      conversationsReducer(last, { type: 'selected', conversationId: 'b' }),
      {
        type: 'removed',
        conversationId: 'b',
      },
    );
    expect(afterRemove.selectedId).toBe('a');
  });

  it('keeps messages and drafts of known conversations across a bootstrap, and drops closed ones', () => {
    const before = run(
      { type: 'upserted', summary: summary('a'), messages: [message('a', 1)] },
      { type: 'upserted', summary: summary('b') },
    );
    const after = conversationsReducer(before, {
      type: 'synced',
      summaries: [
        summary('c', {
          participation: { state: 'active', role: 'owner', joinedAt: '2025-01-01T09:00:00Z', endedAt: null },
        }),
        summary('a', { customerLeft: true }),
      ],
    });
    expect(after.order).toEqual(['a', 'c']);
    expect(after.byId.a?.messages).toHaveLength(1);
    expect(after.byId.a?.summary.customerLeft).toBe(true);
    expect(after.byId.b).toBeUndefined();
  });

  it('de-duplicates messages and replaces a pending send by the stored message', () => {
    let state = run(
      { type: 'upserted', summary: summary('a'), messages: [message('a', 1)] },
      { type: 'sendStarted', conversationId: 'a', clientMessageId: 'k1', body: 'hi', createdAt: 'now' },
    );
    expect(state.byId.a?.pending).toHaveLength(1);
    const stored = message('a', 2, { author: 'agent', authorName: 'Bob', body: 'hi', clientMessageId: 'k1' });
    state = conversationsReducer(state, {
      type: 'messagesReceived',
      conversationId: 'a',
      messages: [stored],
    });
    state = conversationsReducer(state, {
      type: 'messagesReceived',
      conversationId: 'a',
      messages: [stored],
    });
    expect(state.byId.a?.pending).toEqual([]);
    expect(state.byId.a?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('keeps a failed send for a retry, and drops it on discard', () => {
    let state = run(
      { type: 'upserted', summary: summary('a') },
      { type: 'sendStarted', conversationId: 'a', clientMessageId: 'k1', body: 'hi', createdAt: 'now' },
      { type: 'sendFailed', conversationId: 'a', clientMessageId: 'k1', error: new Error('offline') },
    );
    expect(state.byId.a?.pending[0]?.status).toBe('failed');
    state = conversationsReducer(state, { type: 'sendRetried', conversationId: 'a', clientMessageId: 'k1' });
    expect(state.byId.a?.pending[0]?.status).toBe('sending');
    state = conversationsReducer(state, {
      type: 'sendDiscarded',
      conversationId: 'a',
      clientMessageId: 'k1',
    });
    expect(state.byId.a?.pending).toEqual([]);
  });

  it('moves the blue timer with live messages but trusts the server for first-loaded history', () => {
    let state = run({ type: 'upserted', summary: summary('a', { waitingSince: '2025-01-01T10:00:30Z' }) });
    state = conversationsReducer(state, {
      type: 'messagesReceived',
      conversationId: 'a',
      messages: [message('a', 1), message('a', 2, { author: 'agent' })],
    });
    expect(state.byId.a?.summary.waitingSince).toBe('2025-01-01T10:00:30Z');

    const reply = message('a', 3, { author: 'agent' });
    state = conversationsReducer(state, { type: 'messagesReceived', conversationId: 'a', messages: [reply] });
    expect(state.byId.a?.summary.waitingSince).toBeNull();

    const question = message('a', 4);
    state = conversationsReducer(state, {
      type: 'messagesReceived',
      conversationId: 'a',
      messages: [question],
    });
    expect(state.byId.a?.summary.waitingSince).toBe(question.createdAt);
    expect(state.byId.a?.summary.lastMessage?.id).toBe(question.id);
  });

  it('ignores messages for a conversation it does not hold', () => {
    const state = run({ type: 'upserted', summary: summary('a') });
    expect(
      conversationsReducer(state, {
        type: 'messagesReceived',
        conversationId: 'zz',
        messages: [message('zz', 1)],
      }),
    ).toBe(state);
  });
});
