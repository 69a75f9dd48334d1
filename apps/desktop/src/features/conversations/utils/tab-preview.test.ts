import type { TMessage } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { tabPreviewMessage } from './tab-preview';

const msg = (seq: number, author: TMessage['author'], body: string): TMessage => ({
  id: `m${seq}`,
  seq,
  conversationId: 'c',
  author,
  authorName: author === 'system' ? 'System' : 'Someone',
  body,
  systemEvent: author === 'system' ? 'agent_joined' : null,
  clientMessageId: null,
  createdAt: new Date(Date.UTC(2026, 11, 5, 10, 0, seq)).toISOString(),
});

describe('the message a tab shows', () => {
  it('is what a person wrote last, not the system line after it', () => {
    const question = msg(1, 'customer', 'My card was charged twice');
    const joined = msg(2, 'system', 'Alice Agent joined the chat');
    expect(tabPreviewMessage([question, joined], joined)).toBe(question);
    const answer = msg(3, 'agent', 'Let me check');
    expect(tabPreviewMessage([question, joined, answer], answer)).toBe(answer);
  });

  it('is the summary’s last message while the thread is not loaded, or when only the system spoke', () => {
    const joined = msg(2, 'system', 'Alice Agent joined the chat');
    expect(tabPreviewMessage([], joined)).toBe(joined);
    expect(tabPreviewMessage([joined], joined)).toBe(joined);
    expect(tabPreviewMessage([], null)).toBeNull();
  });
});
