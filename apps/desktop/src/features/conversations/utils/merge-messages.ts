import type { TMessage } from '@switchboard/contracts';

const bySeq = (a: TMessage, b: TMessage) =>
  a.seq - b.seq || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

const same = (a: TMessage, b: TMessage) =>
  a.seq === b.seq && a.body === b.body && a.systemEvent === b.systemEvent && a.authorName === b.authorName;

// Delivery statuses arrive by push and by REST answers in any order: the furthest one wins, except
// that a failed message sent again (Retry) starts over at sending.
const RANK: Record<NonNullable<TMessage['deliveryStatus']>, number> = {
  sending: 0,
  sent: 1,
  failed: 1.5,
  delivered: 2,
  read: 3,
};
const advances = (known: TMessage, incoming: TMessage) =>
  incoming.deliveryStatus !== undefined &&
  (known.deliveryStatus === undefined ||
    (known.deliveryStatus === 'failed' && incoming.deliveryStatus === 'sending') ||
    RANK[incoming.deliveryStatus] > RANK[known.deliveryStatus]);

/**
 * Adds messages from any source (REST answer, socket push, catch-up after a reconnect) to a thread:
 * one message per id, ordered by `seq`. Returns the same array when nothing is new, so React can
 * skip the re-render.
 */
export const mergeMessages = (existing: readonly TMessage[], incoming: readonly TMessage[]): TMessage[] => {
  const byId = new Map(existing.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (!known || !same(known, message) || advances(known, message)) {
      byId.set(message.id, message);
      changed = true;
    }
  }
  return changed ? [...byId.values()].sort(bySeq) : (existing as TMessage[]);
};

/** The highest `seq` held, for `GET …/messages?after=<seq>`; null when the thread is empty. */
export const lastSeq = (messages: readonly TMessage[]): number | null =>
  messages.reduce<number | null>((max, m) => (max === null || m.seq > max ? m.seq : max), null);
