/**
 * The customer's live-chat session, kept in localStorage so that reloading the page keeps the
 * conversation. One per entry point, so two widgets on one site do not share a conversation.
 */
export interface StoredSession {
  conversationId: string;
  token: string;
}

/** The part of the Web Storage API the widget uses; tests pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const sessionKey = (entryPoint: string): string => `switchboard.livechat.${entryPoint}`;
export const panelKey = (entryPoint: string): string => `switchboard.livechat.${entryPoint}.open`;

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Reads a stored session; anything malformed counts as none. */
export const parseSession = (raw: string | null): StoredSession | null => {
  if (!raw) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) {
      return null;
    }
    const { conversationId, token } = value as Record<string, unknown>;
    return isNonEmptyString(conversationId) && isNonEmptyString(token) ? { conversationId, token } : null;
  } catch {
    return null;
  }
};

export interface SessionStore {
  load(): StoredSession | null;
  save(session: StoredSession): void;
  clear(): void;
}

/**
 * Storage can be missing or throw (cookies blocked, sandboxed iframe, quota): the widget then works
 * without persistence instead of failing.
 */
export const createSessionStore = (storage: KeyValueStorage | null, entryPoint: string): SessionStore => {
  const key = sessionKey(entryPoint);
  return {
    load: () => {
      try {
        return parseSession(storage?.getItem(key) ?? null);
      } catch {
        return null;
      }
    },
    save: (session) => {
      try {
        storage?.setItem(
          key,
          JSON.stringify({ conversationId: session.conversationId, token: session.token }),
        );
      } catch {
        // No persistence: the chat still works until the page is left.
      }
    },
    clear: () => {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
  };
};

/** Whether the panel was open, so a reload in the middle of a chat shows it again (sessionStorage). */
export const createPanelStore = (storage: KeyValueStorage | null, entryPoint: string) => {
  const key = panelKey(entryPoint);
  return {
    wasOpen: (): boolean => {
      try {
        return storage?.getItem(key) === '1';
      } catch {
        return false;
      }
    },
    setOpen: (open: boolean): void => {
      try {
        if (open) {
          storage?.setItem(key, '1');
        } else {
          storage?.removeItem(key);
        }
      } catch {
        // Not remembered; harmless.
      }
    },
  };
};

/** `window.localStorage` / `sessionStorage`, or null where reading them throws or they do not exist. */
export const browserStorage = (kind: 'localStorage' | 'sessionStorage'): KeyValueStorage | null => {
  try {
    return typeof window !== 'undefined' ? window[kind] : null;
  } catch {
    return null;
  }
};
