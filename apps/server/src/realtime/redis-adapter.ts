import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';

// One warning per outage, not one per reconnection attempt.
const RECONNECT_MS = 1000;

/**
 * Socket.IO's fan-out between server processes: every process writes what it broadcasts to one
 * Redis stream and reads the others' from it, so an offer decided on one process reaches the
 * agent's socket on another. The client is connected before the server listens; losing Redis
 * later is logged (pushes to other processes' sockets pause; clients catch up from the store on
 * reconnect), never a crash.
 */
export const connectRedisAdapter = async ({ url, logger }: { url: string; logger: Logger }) => {
  let down = false;
  const client = createClient({
    url,
    socket: { reconnectStrategy: () => RECONNECT_MS, connectTimeout: 5000 },
  });
  client.on('error', (err: Error) => {
    if (!down) {
      down = true;
      logger.warn({ err: err.message }, 'Redis unavailable: cross-process socket fan-out paused');
    }
  });
  client.on('ready', () => {
    if (down) {
      down = false;
      logger.info('Redis reachable again: cross-process socket fan-out resumed');
    }
  });
  await client.connect();
  return {
    adapter: createAdapter(client, { blockTimeInMs: 1000 }),
    close: async () => {
      try {
        await client.close();
      } catch (err) {
        logger.warn({ err }, 'closing the Redis client failed');
        client.destroy();
      }
    },
  };
};

export type RedisAdapter = Awaited<ReturnType<typeof connectRedisAdapter>>;
