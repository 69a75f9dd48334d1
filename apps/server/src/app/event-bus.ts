import type { DomainEvent, EventBus } from '@switchboard/core';
import type { Logger } from 'pino';

export type Listener = (event: DomainEvent) => Promise<void> | void;

export interface LocalEventBus extends EventBus {
  subscribe(listener: Listener): void;
  /** Resolves when every listener has finished with what was published so far (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * In-process bus: listeners run after the transaction committed. A failing listener is logged and
 * never undoes the decision; clients catch up from the store on reconnect.
 */
export const createEventBus = ({ logger }: { logger: Logger }): LocalEventBus => {
  const listeners: Listener[] = [];
  const inFlight = new Set<Promise<void>>();
  return {
    subscribe: (listener) => {
      listeners.push(listener);
    },
    publish: (events) => {
      for (const event of events) {
        for (const listener of listeners) {
          const p = (async () => {
            try {
              await listener(event);
            } catch (err) {
              logger.error({ err, event: event.type }, 'event listener failed');
            }
          })();
          inFlight.add(p);
          void p.finally(() => inFlight.delete(p));
        }
      }
    },
    idle: async () => {
      while (inFlight.size > 0) {
        await Promise.all([...inFlight]);
      }
    },
  };
};
