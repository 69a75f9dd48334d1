import { disconnectAgent } from '@switchboard/core';
import type { AppContext } from '../app/context';

/**
 * Takes an agent out of routing when their desktop is gone: when a socket of theirs closes on this
 * process and none is left here, a grace timer starts; a socket of theirs connecting here clears it.
 * At expiry the cluster is asked (`countSockets`, through the Redis adapter when there is one),
 * since the agent may have come back on another process; only if no socket is found anywhere does
 * core decide (`disconnectAgent`). Timers are per process and never keep it alive: a process that
 * stops drops its own, and an agent whose desktop reconnects to another process is found there.
 */
export const createAgentPresence = ({
  ctx,
  graceMs,
  countSockets,
  hasLocalSocket,
}: {
  ctx: Pick<AppContext, 'run' | 'logger'>;
  graceMs: number;
  /** Sockets of this user on the agent namespace, on every server process. */
  countSockets: (userId: string) => Promise<number>;
  /** Whether this process holds a socket of this user on the agent namespace. */
  hasLocalSocket: (userId: string) => boolean;
}) => {
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const expire = async (userId: string) => {
    if ((await countSockets(userId)) > 0 || hasLocalSocket(userId) || stopped) {
      return;
    }
    const { disconnected } = await ctx.run(disconnectAgent, { agentId: userId });
    if (disconnected) {
      ctx.logger.info({ userId, graceMs }, 'agent desktop gone: taken offline');
    }
  };

  const arm = (userId: string) => {
    clearTimeout(timers.get(userId));
    const timer = setTimeout(() => {
      timers.delete(userId);
      const check = expire(userId).catch((err) => {
        // Another process may not have answered (Redis away): look again rather than guess.
        ctx.logger.warn({ err, userId }, 'agent presence check failed; trying again');
        if (!stopped && !timers.has(userId) && !hasLocalSocket(userId)) {
          arm(userId);
        }
      });
      inFlight.add(check);
      void check.finally(() => inFlight.delete(check));
    }, graceMs);
    timer.unref();
    timers.set(userId, timer);
  };

  return {
    /** A socket of this user connected on this process. */
    connected: (userId: string) => {
      clearTimeout(timers.get(userId));
      timers.delete(userId);
    },
    /** A socket of this user closed on this process (it has already left its rooms). */
    disconnected: (userId: string) => {
      // Another socket here still holds the desktop; when it closes, it starts the timer.
      if (stopped || hasLocalSocket(userId)) {
        return;
      }
      arm(userId);
    },
    /**
     * Shutdown: sockets closed because this process stops start nothing (their desktops reconnect
     * elsewhere or to the restarted process), and checks under way finish first.
     */
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) {
        clearTimeout(timer);
      }
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
};

export type AgentPresence = ReturnType<typeof createAgentPresence>;
