import type { TSupervisorOverview } from '@switchboard/contracts';

type RelayEvents = {
  /** The desk's socket (re)connected: whatever was missed must be fetched again. */
  connect: undefined;
  'supervisor.overview': TSupervisorOverview;
};
type Handler<K extends keyof RelayEvents> = (payload: RelayEvents[K]) => void;

/**
 * Hands the desk socket's pushes to features that mount and unmount on their own (the supervisor's
 * board), so they need no socket of their own and the desk keeps one connection.
 */
export const createSocketRelay = () => {
  const handlers: { [K in keyof RelayEvents]: Set<Handler<K>> } = {
    connect: new Set(),
    'supervisor.overview': new Set(),
  };
  return {
    emit: <K extends keyof RelayEvents>(event: K, payload: RelayEvents[K]) => {
      for (const handler of handlers[event]) {
        handler(payload);
      }
    },
    /** Returns the unsubscribe function, for an effect's clean-up. */
    on: <K extends keyof RelayEvents>(event: K, handler: Handler<K>): (() => void) => {
      handlers[event].add(handler);
      return () => {
        handlers[event].delete(handler);
      };
    },
  };
};

export type SocketRelay = ReturnType<typeof createSocketRelay>;
