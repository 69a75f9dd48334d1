import type { TOffer } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { offersReducer } from './offers-state';

const offer = (id: string, offeredAt: string, conversationId = `c-${id}`): TOffer => ({
  id,
  conversationId,
  channel: 'livechat',
  queueName: 'Support',
  entryPointName: 'Website',
  customerName: 'Alice',
  customerEmail: null,
  agentName: 'Bob',
  arrivedAt: offeredAt,
  offeredAt,
  deadlineAt: offeredAt,
  proactive: false,
  preview: [],
  request: null,
});

describe('offersReducer', () => {
  it('keeps several offers, oldest first, and replaces one offered again', () => {
    let state = offersReducer([], { type: 'added', offer: offer('b', '2025-01-01T10:00:05Z') });
    state = offersReducer(state, { type: 'added', offer: offer('a', '2025-01-01T10:00:00Z') });
    state = offersReducer(state, { type: 'added', offer: offer('b', '2025-01-01T10:00:05Z') });
    expect(state.map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('removes by offer and by conversation, and keeps the same array when nothing changes', () => {
    const state = offersReducer([], {
      type: 'replaced',
      offers: [offer('a', '2025-01-01T10:00:00Z'), offer('b', '2025-01-01T10:00:01Z')],
    });
    expect(offersReducer(state, { type: 'removed', offerId: 'zz' })).toBe(state);
    expect(offersReducer(state, { type: 'removed', offerId: 'a' }).map((o) => o.id)).toEqual(['b']);
    expect(
      offersReducer(state, { type: 'removedForConversation', conversationId: 'c-b' }).map((o) => o.id),
    ).toEqual(['a']);
  });
});
