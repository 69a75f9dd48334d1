import type { TAttachment, TMessage, TSystemEvent } from '@switchboard/contracts';
import { captionOf, type FileLine } from './attachments';
import { fileContentType } from './files';

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

export type { FileLine } from './attachments';

const bySeq = (a: TMessage, b: TMessage): number =>
  a.seq - b.seq || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** How far a file has come: a copy further along (ready, then expired) wins whatever the order of arrival. */
const STATUS_RANK: Record<TAttachment['status'], number> = { pending: 0, ready: 1, failed: 1, expired: 2 };

/**
 * `known` with the files of `again` (a later copy of the same message) that have come further:
 * a file pending in the socket's copy and ready in a catch-up's, or expired since. The same object
 * when nothing changed.
 */
const withNewerFiles = (known: TMessage, again: TMessage): TMessage => {
  if (!known.attachments?.length || !again.attachments?.length) {
    return known;
  }
  const later = new Map(again.attachments.map((a) => [a.id, a]));
  let changed = false;
  const attachments = known.attachments.map((a) => {
    const b = later.get(a.id);
    if (b && STATUS_RANK[b.status] > STATUS_RANK[a.status]) {
      changed = true;
      return b;
    }
    return a;
  });
  return changed ? { ...known, attachments } : known;
};

/**
 * The union of both lists, each message once (by id), in the conversation's order (seq). A message
 * seen before keeps its copy, but for files that have come further in the new one.
 */
export const mergeMessages = (current: readonly TMessage[], incoming: readonly TMessage[]): TMessage[] => {
  const byId = new Map<string, TMessage>();
  for (const m of current) {
    byId.set(m.id, m);
  }
  for (const m of incoming) {
    const known = byId.get(m.id);
    byId.set(m.id, known ? withNewerFiles(known, m) : m);
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

/** A message's files as the thread shows them. */
const filesOf = (m: TMessage): FileLine[] =>
  (m.attachments ?? []).map((a) => ({
    id: a.id,
    kind: a.kind,
    contentType: a.contentType,
    name: a.name,
    size: a.size,
    status: a.status,
  }));

/** The customer's own file while it uploads: named, not yet stored (no id, nothing to fetch). */
const uploadingFile = (file: File): FileLine => {
  const contentType = fileContentType(file.type);
  return {
    id: null,
    kind: contentType.startsWith('image/') ? 'image' : 'document',
    contentType: contentType || null,
    name: file.name,
    size: file.size,
    status: 'pending',
  };
};

export type ThreadItem =
  | {
      kind: 'own';
      key: string;
      /**
       * The words of the bubble; null for a file without a caption (the server's text stand-in,
       * `[image] a.png`, is not shown: the file line names it).
       */
      text: string | null;
      createdAt: string;
      state: 'sent' | 'sending' | 'failed';
      retryable: boolean;
      error: string | null;
      clientMessageId: string | null;
      files: FileLine[];
    }
  | {
      kind: 'agent';
      key: string;
      /** As the customer's own: null for a file alone. */
      text: string | null;
      authorName: string;
      createdAt: string;
      /** The first of a run of messages by the same agent: the name is shown once per run. */
      firstOfRun: boolean;
      files: FileLine[];
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
      const files = filesOf(m);
      items.push({
        kind: 'own',
        // Keyed by the client's id where there is one, so a pending message becomes its sent self.
        key: m.clientMessageId ? `own:${m.clientMessageId}` : m.id,
        text: captionOf(m.body, files),
        createdAt: m.createdAt,
        state: 'sent',
        retryable: false,
        error: null,
        clientMessageId: m.clientMessageId,
        files,
      });
      previousAgent = null;
    } else if (m.author === 'agent') {
      const files = filesOf(m);
      items.push({
        kind: 'agent',
        key: m.id,
        text: captionOf(m.body, files),
        authorName: m.authorName,
        createdAt: m.createdAt,
        firstOfRun: previousAgent !== m.authorName,
        files,
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
      text: p.file ? null : p.body,
      createdAt: p.createdAt,
      state: p.state,
      retryable: p.retryable,
      error: p.error,
      clientMessageId: p.clientMessageId,
      files: p.file ? [uploadingFile(p.file)] : [],
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

/**
 * What the widget reports as seen (POST .../read): the last seq of the thread, when an agent's
 * message after `reported` is in it; null when there is nothing new of the agent's to report.
 */
export const readReportFor = (messages: readonly TMessage[], reported: number): number | null => {
  let agentAfter = false;
  let last = 0;
  for (const m of messages) {
    last = Math.max(last, m.seq);
    agentAfter ||= m.author === 'agent' && m.seq > reported;
  }
  return agentAfter ? last : null;
};
