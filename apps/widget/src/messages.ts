import type { TMessage, TSystemEvent } from '@switchboard/contracts';

/**
 * A message the customer wrote that the server has not confirmed yet. It is shown at the end of the
 * thread until the server's copy (same `clientMessageId`) arrives by the POST answer, the socket or a
 * catch-up, whichever comes first.
 */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  state: 'sending' | 'failed';
  /** A retry may succeed (network failure, 5xx, 429); the server stores a retried id once. */
  retryable: boolean;
  /** The server's explanation when it refused the message for good. */
  error: string | null;
  createdAt: string;
  /** A file to upload instead of text (kept for a retry); `body` is then its name. */
  file?: File;
}

/** A file shown in the customer's own bubble: the widget cannot open it, only name it. */
export interface FileLine {
  name: string;
  size: number | null;
}

const bySeq = (a: TMessage, b: TMessage): number =>
  a.seq - b.seq || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The union of both lists, each message once (by id), in the conversation's order (seq). */
export const mergeMessages = (current: readonly TMessage[], incoming: readonly TMessage[]): TMessage[] => {
  const byId = new Map<string, TMessage>();
  for (const m of current) {
    byId.set(m.id, m);
  }
  for (const m of incoming) {
    if (!byId.has(m.id)) {
      byId.set(m.id, m);
    }
  }
  return [...byId.values()].sort(bySeq);
};

/** What to ask for with `?after=`: the highest seq seen, 0 before the first message. */
export const lastSeq = (messages: readonly TMessage[]): number =>
  messages.reduce((max, m) => Math.max(max, m.seq), 0);

/** Pending messages whose server copy has not arrived yet. */
export const settlePending = (
  pending: readonly PendingMessage[],
  confirmed: readonly TMessage[],
): PendingMessage[] => {
  const ids = new Set<string>();
  for (const m of confirmed) {
    if (m.clientMessageId) {
      ids.add(m.clientMessageId);
    }
  }
  return pending.filter((p) => !ids.has(p.clientMessageId));
};

/** Replaces one pending message by id, leaving the others as they are. */
export const updatePending = (
  pending: readonly PendingMessage[],
  clientMessageId: string,
  patch: Partial<Omit<PendingMessage, 'clientMessageId'>>,
): PendingMessage[] => pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...patch } : p));

export type ThreadItem =
  | {
      kind: 'own';
      key: string;
      body: string;
      createdAt: string;
      state: 'sent' | 'sending' | 'failed';
      retryable: boolean;
      error: string | null;
      clientMessageId: string | null;
      /** Shown instead of `body`, which for a file is the server's text stand-in (`[image] a.png`). */
      files: FileLine[];
    }
  | {
      kind: 'agent';
      key: string;
      body: string;
      authorName: string;
      createdAt: string;
      /** The first of a run of messages by the same agent: the name is shown once per run. */
      firstOfRun: boolean;
    }
  | {
      kind: 'system';
      key: string;
      event: TSystemEvent | null;
      name: string;
      body: string;
      createdAt: string;
    };

/** The thread as the widget shows it: confirmed messages in order, then the pending ones. */
export const threadItems = (
  messages: readonly TMessage[],
  pending: readonly PendingMessage[],
): ThreadItem[] => {
  const items: ThreadItem[] = [];
  let previousAgent: string | null = null;
  for (const m of messages) {
    if (m.author === 'customer') {
      items.push({
        kind: 'own',
        // Keyed by the client's id where there is one, so a pending message becomes its sent self.
        key: m.clientMessageId ? `own:${m.clientMessageId}` : m.id,
        body: m.body,
        createdAt: m.createdAt,
        state: 'sent',
        retryable: false,
        error: null,
        clientMessageId: m.clientMessageId,
        files: (m.attachments ?? []).map((a) => ({ name: a.name ?? m.body, size: a.size })),
      });
      previousAgent = null;
    } else if (m.author === 'agent') {
      items.push({
        kind: 'agent',
        key: m.id,
        body: m.body,
        authorName: m.authorName,
        createdAt: m.createdAt,
        firstOfRun: previousAgent !== m.authorName,
      });
      previousAgent = m.authorName;
    } else {
      items.push({
        kind: 'system',
        key: m.id,
        event: m.systemEvent,
        name: m.authorName,
        body: m.body,
        createdAt: m.createdAt,
      });
      previousAgent = null;
    }
  }
  for (const p of pending) {
    items.push({
      kind: 'own',
      key: `own:${p.clientMessageId}`,
      body: p.body,
      createdAt: p.createdAt,
      state: p.state,
      retryable: p.retryable,
      error: p.error,
      clientMessageId: p.clientMessageId,
      files: p.file ? [{ name: p.file.name, size: p.file.size }] : [],
    });
  }
  return items;
};

/** Counts agent messages in `incoming` not already in `current`: the launcher's unread badge. */
export const countNewAgentMessages = (
  current: readonly TMessage[],
  incoming: readonly TMessage[],
): number => {
  const known = new Set(current.map((m) => m.id));
  const counted = new Set<string>();
  for (const m of incoming) {
    if (m.author === 'agent' && !known.has(m.id)) {
      counted.add(m.id);
    }
  }
  return counted.size;
};

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A v4 UUID for `clientMessageId`. `crypto.randomUUID` exists only in secure contexts (https,
 * localhost); a site embedding the widget over plain http still has `getRandomValues`.
 */
export const newClientMessageId = (
  c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto,
): string => {
  if (typeof c.randomUUID === 'function') {
    return c.randomUUID();
  }
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
