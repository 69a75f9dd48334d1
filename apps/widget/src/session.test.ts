import { describe, expect, it } from 'vitest';
import {
  createPanelStore,
  createSessionStore,
  type KeyValueStorage,
  parseSession,
  sessionKey,
} from './session';

const memory = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, v);
    },
    removeItem: (k) => {
      data.delete(k);
    },
  };
};

const throwing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const SESSION = { conversationId: '7d1c5a38-4f3b-4a8e-9a57-2f0c1b1e9d10', token: 'tok-123' };

describe('session store', () => {
  it('saves, loads and clears the session of one entry point', () => {
    const storage = memory();
    const store = createSessionStore(storage, 'website');
    expect(store.load()).toBeNull();
    store.save(SESSION);
    expect(storage.data.has(sessionKey('website'))).toBe(true);
    expect(store.load()).toEqual(SESSION);
    expect(createSessionStore(storage, 'shop').load()).toBeNull();
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('stores only the conversation id and the token', () => {
    const storage = memory();
    createSessionStore(storage, 'website').save({ ...SESSION, extra: 'x' } as typeof SESSION);
    expect(JSON.parse(storage.data.get(sessionKey('website')) ?? '')).toEqual(SESSION);
  });

  it('treats malformed data as no session', () => {
    expect(parseSession(null)).toBeNull();
    expect(parseSession('')).toBeNull();
    expect(parseSession('{')).toBeNull();
    expect(parseSession('null')).toBeNull();
    expect(parseSession('"x"')).toBeNull();
    expect(parseSession('{"conversationId":"a"}')).toBeNull();
    expect(parseSession('{"conversationId":"a","token":""}')).toBeNull();
    expect(parseSession('{"conversationId":1,"token":"t"}')).toBeNull();
    expect(parseSession(JSON.stringify(SESSION))).toEqual(SESSION);
  });

  it('works without storage, and with storage that throws', () => {
    for (const storage of [null, throwing]) {
      const store = createSessionStore(storage, 'website');
      expect(() => store.save(SESSION)).not.toThrow();
      expect(store.load()).toBeNull();
      expect(() => store.clear()).not.toThrow();
    }
  });
});

describe('panel store', () => {
  it('remembers whether the panel was open', () => {
    const storage = memory();
    const panel = createPanelStore(storage, 'website');
    expect(panel.wasOpen()).toBe(false);
    panel.setOpen(true);
    expect(panel.wasOpen()).toBe(true);
    panel.setOpen(false);
    expect(panel.wasOpen()).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('does not fail where storage throws', () => {
    const panel = createPanelStore(throwing, 'website');
    expect(() => panel.setOpen(true)).not.toThrow();
    expect(panel.wasOpen()).toBe(false);
  });
});
