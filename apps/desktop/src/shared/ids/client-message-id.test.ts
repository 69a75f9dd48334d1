import { describe, expect, it } from 'vitest';
import { newClientMessageId } from './client-message-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientMessageId', () => {
  it('uses randomUUID when the context is secure', () => {
    expect(newClientMessageId()).toMatch(UUID_V4);
  });

  it('builds a version 4 UUID without randomUUID', () => {
    const id = newClientMessageId({ getRandomValues: (a) => crypto.getRandomValues(a) });
    expect(id).toMatch(UUID_V4);
    expect(id.length).toBeLessThanOrEqual(64);
  });
});
