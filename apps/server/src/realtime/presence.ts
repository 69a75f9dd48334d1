import { disconnectAgent } from '@switchboard/core';
import type { AppContext } from '../app/context';

/** How many stale desktops one sweep takes out of routing; the next sweep takes the rest. */
const SWEEP_BATCH = 100;

/**
 * Takes an agent out of routing when their desktop is gone: when a socket of theirs closes on this
 * process and none is left here, a grace timer starts; a socket of theirs connecting here clears it.
 * At expiry the cluster is asked (`countSockets`, through the Redis adapter when there is one),
 * since the agent may have come back on another process; only if no socket is found anywhere does
 * core decide (`disconnectAgent`). Timers are per process and never keep it alive: a process that
 * stops drops its own, and an agent whose desktop reconnects to another process is found there.
 *
 * A process that dies (crash, `kill -9`) takes its timers with it, so presence is also written
 * down: every `heartbeatMs` each process renews a row for each agent it holds a socket of, and
 * when the last socket of an agent closes here, the row keeps that moment. Every process sweeps
 * rows no process has renewed within the grace period and, after the same cluster check, takes
 * those agents offline: after a crash, on restart or on any other process.
 */
export const createAgentPresence = ({
  ctx,
  graceMs,
  countSockets,
  hasLocalSocket,
  localUserIds,
}: {
  ctx: Pick<AppContext, 'run' | 'logger' | 'store' | 'clock'>;
  graceMs: number;
  /** Sockets of this user on the agent namespace, on every server process. */
  countSockets: (userId: string) => Promise<number>;
  /** Whether this process holds a socket of this user on the agent namespace. */
  hasLocalSocket: (userId: string) => boolean;
  /** The agents this process holds a socket of. */
  localUserIds: () => string[];
}) => {
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  // Renewed often enough that a connected desktop's row is never older than a third of the grace.
  const heartbeatMs = Math.max(100, Math.min(15_000, Math.floor(graceMs / 3)));

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const expire = async (userId: string) => {
    if ((await countSockets(userId)) > 0 || hasLocalSocket(userId) || stopped) {
      return false;
    }
    const { disconnected } = await ctx.run(disconnectAgent, { agentId: userId });
    if (disconnected) {
      ctx.logger.info({ userId, graceMs }, 'agent desktop gone: taken offline');
    }
    return true;
  };

  const beat = async () => {
    const now = ctx.clock.now();
    await ctx.store.presence.renew({ userIds: localUserIds(), now });
    const before = new Date(now.getTime() - graceMs);
    for (const userId of await ctx.store.presence.listStale({ before, limit: SWEEP_BATCH })) {
      // Here, a socket renews the row, or a timer of this process is already counting.
      if (stopped || hasLocalSocket(userId) || timers.has(userId)) {
        continue;
      }
      if (await expire(userId)) {
        await ctx.store.presence.forget({ userId, before });
      }
    }
  };
  const heartbeat = setInterval(() => {
    if (!stopped) {
      track(beat().catch((err) => ctx.logger.warn({ err }, 'agent presence heartbeat failed')));
    }
  }, heartbeatMs);
  heartbeat.unref();

  const renew = (userId: string) =>
    track(
      ctx.store.presence
        .renew({ userIds: [userId], now: ctx.clock.now() })
        .catch((err) => ctx.logger.warn({ err, userId }, 'agent presence not renewed')),
    );

  const arm = (userId: string) => {
    clearTimeout(timers.get(userId));
    const timer = setTimeout(() => {
      timers.delete(userId);
      track(
        expire(userId).then(
          () => undefined,
          (err) => {
            // Another process may not have answered (Redis away): look again rather than guess.
            ctx.logger.warn({ err, userId }, 'agent presence check failed; trying again');
            if (!stopped && !timers.has(userId) && !hasLocalSocket(userId)) {
              arm(userId);
            }
          },
        ),
      );
    }, graceMs);
    timer.unref();
    timers.set(userId, timer);
  };

  return {
    /** A socket of this user connected on this process. */
    connected: (userId: string) => {
      clearTimeout(timers.get(userId));
      timers.delete(userId);
      renew(userId);
    },
    /** A socket of this user closed on this process (it has already left its rooms). */
    disconnected: (userId: string) => {
      // Another socket here still holds the desktop; when it closes, it starts the timer.
      if (stopped || hasLocalSocket(userId)) {
        return;
      }
      // The row keeps the moment the desktop went, so no sweep acts before the grace is over.
      renew(userId);
      arm(userId);
    },
    /**
     * Shutdown: sockets closed because this process stops start nothing (their desktops reconnect
     * elsewhere or to the restarted process), and checks under way finish first.
     */
    stop: async () => {
      stopped = true;
      clearInterval(heartbeat);
      for (const timer of timers.values()) {
        clearTimeout(timer);
      }
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
};

export type AgentPresence = ReturnType<typeof createAgentPresence>;
