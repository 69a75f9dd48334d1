import { describe, expect, it, vi } from 'vitest';
import { createSocketRelay } from './socket-relay';

describe('socket relay', () => {
  it('hands each event to its subscribers until they unsubscribe', () => {
    const relay = createSocketRelay();
    const onConnect = vi.fn();
    const off = relay.on('connect', onConnect);
    relay.emit('connect', undefined);
    off();
    relay.emit('connect', undefined);
    expect(onConnect).toHaveBeenCalledTimes(1);
  });
});
