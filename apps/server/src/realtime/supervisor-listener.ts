import type { DomainEvent } from '@switchboard/core';
import type { AppContext } from '../app/context';
import type { RealtimeServer } from './sockets';

/** The room of every supervisor's and administrator's desktop socket on `/agent`. */
export const SUPERVISORS_ROOM = 'supervisors';

/** Between server processes: something on the board changed. */
const BOARD_CHANGED = 'supervisor.board_changed';

/** At most one snapshot per this many milliseconds, sent after the burst (trailing). */
export const SUPERVISOR_PUSH_INTERVAL_MS = 250;

// The events that move a figure on the board. A string set, so that an event type added to core
// later (e.g. a queue renamed) only needs its name here.
const CHANGES_BOARD = new Set<string>([
  'conversation.queued',
  'conversation.updated',
  'offer.created',
  'offer.closed',
  'agent.state_changed',
  'capacity.freed',
  'queue.changed',
]);

/**
 * Pushes the supervisor's board to the `supervisors` room after any event that changes it,
 * coalesced: a burst of a thousand events costs one snapshot per interval, never one per event.
 * The board holds counts and names only, so every supervisor gets the same copy.
 */
export const createSupervisorListener = ({
  ctx,
  realtime,
  intervalMs = SUPERVISOR_PUSH_INTERVAL_MS,
  clustered = false,
}: {
  ctx: AppContext;
  realtime: RealtimeServer;
  intervalMs?: number;
  /** Other server processes share the sockets (the Redis adapter). */
  clustered?: boolean;
}) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pushing: Promise<void> | null = null;
  let dirty = false;
  let stopped = false;

  // Each process pushes to its own supervisors, and only when it has some: the board is read
  // from the database, the same on every process, and costs nothing where nobody watches it.
  const push = async () => {
    if (!realtime.agents.adapter.rooms.get(SUPERVISORS_ROOM)?.size) {
      return;
    }
    const overview = await ctx.store.supervisor.getOverview({ now: ctx.clock.now() });
    realtime.agents.local.to(SUPERVISORS_ROOM).emit('supervisor.overview', overview);
  };

  const schedule = () => {
    dirty = true;
    if (timer || pushing || stopped) {
      return;
    }
    timer = setTimeout(flush, intervalMs);
    timer.unref();
  };

  // Events happen on the process that decided them; the others hear that the board changed
  // (through the Redis adapter; with one process, nobody), at most once per interval.
  let peersToldAt = Number.NEGATIVE_INFINITY;
  const tellPeers = () => {
    if (!clustered) {
      return;
    }
    const now = Date.now();
    if (now - peersToldAt >= intervalMs) {
      peersToldAt = now;
      realtime.agents.serverSideEmit(BOARD_CHANGED);
    }
  };
  realtime.agents.on(BOARD_CHANGED, () => schedule());

  const flush = () => {
    timer = undefined;
    dirty = false;
    pushing = push()
      .catch((err) => ctx.logger.warn({ err }, 'supervisor overview push failed'))
      .finally(() => {
        pushing = null;
        // Changes made while the snapshot was read wait for the next interval.
        if (dirty) {
          schedule();
        }
      });
  };

  // Joined in the handshake, before the client hears `connect`: its refetch on connect and the
  // pushes after it leave no gap. The role is read from the store, as the socket's data does not carry it.
  realtime.agents.use(async (socket, next) => {
    try {
      const me = socket.data.userId ? await ctx.store.views.getMe(socket.data.userId) : null;
      if (me && me.role !== 'agent') {
        await socket.join(SUPERVISORS_ROOM);
      }
      next();
    } catch (err) {
      next(err instanceof Error ? err : new Error(String(err)));
    }
  });

  return {
    listener: (event: DomainEvent): void => {
      if (CHANGES_BOARD.has(event.type)) {
        schedule();
        tellPeers();
      }
    },
    /** Resolves once no push is waiting or running (tests, shutdown). */
    idle: async () => {
      while (timer || pushing) {
        await (pushing ?? new Promise((resolve) => setTimeout(resolve, intervalMs)));
      }
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await pushing;
    },
  };
};
