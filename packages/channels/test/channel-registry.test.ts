import type { TMessage } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { createChannelRegistry, createLivechatAdapter, UnknownChannelError } from '../src';

const message: TMessage = {
  id: '00000000-0000-4000-8000-000000000001',
  seq: 1,
  conversationId: '00000000-0000-4000-8000-000000000002',
  author: 'agent',
  authorName: 'Alice',
  body: 'Hello',
  systemEvent: null,
  clientMessageId: 'c1',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('channel adapters', () => {
  it('delivers live-chat messages to the conversation’s widget', async () => {
    const sent: unknown[] = [];
    const registry = createChannelRegistry([
      createLivechatAdapter({ transport: { emitToCustomer: (id, payload) => sent.push([id, payload]) } }),
    ]);
    await registry.get('livechat').deliver({ conversationId: message.conversationId, message });
    expect(sent).toEqual([[message.conversationId, { conversationId: message.conversationId, message }]]);
  });

  it('names a channel that has no adapter yet', () => {
    const registry = createChannelRegistry([]);
    expect(() => registry.get('whatsapp')).toThrow(UnknownChannelError);
    expect(() => registry.get('whatsapp')).toThrow(/whatsapp/);
  });
});
