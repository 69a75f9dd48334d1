import type { DomainEvent } from '@switchboard/core';

/**
 * Views read ahead of their first reader: the database thread reads a new offer's view right after
 * the commit that made it and sends it back with the transaction's result, because the server
 * pushes every new offer to its agent at once, which would otherwise be a second trip to the
 * database thread, queued behind whatever transaction runs there by then.
 *
 * Each view is taken once, by the first read of its key. Those not taken before the event loop
 * turns are dropped: the listeners that read them run as the transaction's events are published,
 * and a later read should see the database as it is then.
 */
export interface ReadAhead<V> {
  keep(entries: Iterable<[string, V]>): void;
  /** The view kept for this key, once; undefined if none (never kept, taken, or dropped). */
  take(key: string): V | undefined;
}

export const createReadAhead = <V>(): ReadAhead<V> => {
  const kept = new Map<string, V>();
  return {
    keep: (entries) => {
      const keys: string[] = [];
      for (const [key, value] of entries) {
        kept.set(key, value);
        keys.push(key);
      }
      if (keys.length > 0) {
        setImmediate(() => {
          for (const key of keys) {
            kept.delete(key);
          }
        });
      }
    },
    take: (key) => {
      const value = kept.get(key);
      kept.delete(key);
      return value;
    },
  };
};

/** The events of a use case's outcome, if it has one. */
const eventsOf = (result: unknown): DomainEvent[] => {
  const events = (result as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events : [];
};

/** The offers a use case made: the ids of its `offer.created` events. */
export const offersMade = (result: unknown): string[] =>
  eventsOf(result).flatMap((e) => (e.type === 'offer.created' ? [e.offerId] : []));

/**
 * The messages a use case changed that are pushed with their fan-out: those it stored (its
 * `message.created` events but openings) and those whose delivery status moved (a send's outcome,
 * a provider's status webhook).
 */
export const messagesPushed = (result: unknown): string[] =>
  eventsOf(result).flatMap((e) =>
    (e.type === 'message.created' && !e.opening) ||
    e.type === 'message.delivery_changed' ||
    e.type === 'message.attachments_changed'
      ? [e.messageId]
      : [],
  );
