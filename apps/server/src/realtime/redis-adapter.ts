import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';

// One warning per outage, not one per reconnection attempt.
const RECONNECT_MS = 1000;

/**
 * Socket.IO's fan-out between server processes, through Redis's sharded pub/sub (Redis 7): a
 * broadcast to a room is published on that room's channel, and only the processes holding one of
 * the room's sockets subscribe to it, so an offer or a message decided on one process reaches the
 * agent's socket on another and costs the processes without one nothing. (A Redis stream, which
 * every process read whole, cost each server a quarter of its CPU per message.) The channels are
 * named after the Redis database of `REDIS_URL`: pub/sub spans databases, so deployments sharing
 * one Redis stay apart by database, as keys do.
 *
 * The clients are connected before the server listens; losing Redis later is logged (pushes to
 * other processes' sockets are dropped meanwhile, each process's own go on at once), never a
 * crash, and the subscriptions are renewed when it is back. Then `onResumed`'s listeners run: the
 * server tells its own desktops and widgets to catch up from the store (`resync`), since what
 * other processes pushed meanwhile never reached them.
 */
export const connectRedisAdapter = async ({ url, logger }: { url: string; logger: Logger }) => {
  // One warning when either connection is lost, one notice once both are back (the subscriber
  // has renewed its subscriptions by then).
  let down = false;
  const lost = (err: Error) => {
    if (!down) {
      down = true;
      logger.warn({ err: err.message }, 'Redis unavailable: cross-process socket fan-out paused');
    }
  };
  // The publishing client refuses a command at once while Redis is away instead of queueing it:
  // Socket.IO's cluster adapter delivers a broadcast to this process's own sockets only after its
  // publish has settled, so a queued publish held every push of every process for seconds (until
  // the reconnection attempt gave up), and the queue grew with every push for as long as the
  // outage lasted. A refused publish is dropped (the other processes' desktops catch up from the
  // store once Redis is back: `resync`), and a cluster question (`fetchSockets`) fails and is
  // asked again.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: () => RECONNECT_MS, connectTimeout: 5000 },
  });
  // Subscribing takes a connection of its own. Its (un)subscriptions, which the adapter sends as
  // rooms come and go and never awaits, wait for Redis to come back instead of failing.
  const subscriber = client.duplicate({ disableOfflineQueue: false });
  const resumed = new Set<() => void>();
  const back = () => {
    if (down && client.isReady && subscriber.isReady) {
      down = false;
      logger.info('Redis reachable again: cross-process socket fan-out resumed');
      for (const listener of resumed) {
        listener();
      }
    }
  };
  for (const c of [client, subscriber]) {
    c.on('error', lost);
    c.on('ready', back);
  }
  await Promise.all([client.connect(), subscriber.connect()]);
  const database = Number(new URL(url).pathname.slice(1)) || 0;
  return {
    adapter: createShardedAdapter(client, subscriber, {
      channelPrefix: `switchboard:${database}`,
      subscriptionMode: 'dynamic',
    }),
    /** Called each time the fan-out comes back after an outage (both connections ready again). */
    onResumed: (listener: () => void) => {
      resumed.add(listener);
    },
    close: async () => {
      for (const c of [subscriber, client]) {
        try {
          await c.close();
        } catch (err) {
          logger.warn({ err }, 'closing the Redis client failed');
          c.destroy();
        }
      }
    },
  };
};

export type RedisAdapter = Awaited<ReturnType<typeof connectRedisAdapter>>;
