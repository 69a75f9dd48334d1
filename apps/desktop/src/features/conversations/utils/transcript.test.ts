import type { TMessage } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { formatTranscript } from './transcript';

const message = (patch: Partial<TMessage>): TMessage => ({
  id: 'x',
  seq: 1,
  conversationId: 'c',
  author: 'customer',
  authorName: 'Alice Martin',
  body: '',
  systemEvent: null,
  clientMessageId: null,
  createdAt: '2025-01-01T10:00:00Z',
  ...patch,
});

describe('formatTranscript', () => {
  it('writes one line per message, system lines translated, continuation lines indented', () => {
    const text = formatTranscript({
      heading: 'Conversation with Alice Martin',
      messages: [
        message({ body: 'Hello\nI need help' }),
        message({ author: 'agent', authorName: 'Bob', body: 'Sure!' }),
        message({ author: 'system', authorName: 'System', systemEvent: 'customer_left' }),
      ],
      formatTime: () => '10:00',
      describeSystem: (m) => (m.systemEvent === 'customer_left' ? 'Customer has left the chat' : m.body),
    });
    expect(text).toBe(
      [
        'Conversation with Alice Martin',
        '',
        '[10:00] Alice Martin: Hello',
        '    I need help',
        '[10:00] Bob: Sure!',
        '[10:00] — Customer has left the chat —',
      ].join('\n'),
    );
  });
});
