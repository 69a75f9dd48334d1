import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@switchboard/contracts';
import { ERROR_CATALOGUE, type ErrorCode, isAppError } from '@switchboard/core';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { type BucketLimit, createTokenBuckets } from './token-buckets';

export type AckFailure = { ok: false; code: ErrorCode; message: string };
type AckResult = { ok: true } | AckFailure;

const failure = (code: ErrorCode, message?: string): AckFailure => ({
  ok: false,
  code,
  message: message ?? ERROR_CATALOGUE[code].message,
});

export interface SocketGuardOptions {
  logger: Logger;
  /** Every event of one socket. */
  perSocket: BucketLimit;
  /** Every event of one key (a customer's conversation, an agent) over all its sockets on this process. */
  perKey: BucketLimit;
  /** Handshakes of one key (sockets opened for one conversation or by one agent). */
  connectionsPerKey: BucketLimit;
  /** Refused events within `floodWindowMs` after which the socket is closed. */
  floodStrikes: number;
  floodWindowMs: number;
  now?: () => number;
}

/**
 * What stands between a socket event and the server: anything a client sends, in any shape, at any
 * rate, is answered (or dropped) here and never ends the process. Socket.IO hands a listener the
 * client's arguments as they came: an "acknowledgement" can be a string, a payload can be missing,
 * and a listener's rejected promise would be unhandled (Node exits). So every listener is built by
 * `handler`, and every packet passes `limit` first, on both namespaces.
 */
export const createSocketGuard = ({
  logger,
  perSocket,
  perKey,
  connectionsPerKey,
  floodStrikes,
  floodWindowMs,
  now = Date.now,
}: SocketGuardOptions) => {
  const socketBuckets = createTokenBuckets(perSocket, now);
  const keyBuckets = createTokenBuckets(perKey, now);
  const connectionBuckets = createTokenBuckets(connectionsPerKey, now);
  const sweep = setInterval(() => {
    socketBuckets.sweep();
    keyBuckets.sweep();
    connectionBuckets.sweep();
  }, 10_000);
  sweep.unref();

  /** Calls a client's acknowledgement once, if it is one; a client's callback can't throw into us. */
  const answer = (ack: unknown, result: AckResult) => {
    if (typeof ack !== 'function') {
      return;
    }
    try {
      ack(result);
    } catch (err) {
      logger.warn({ err }, 'socket acknowledgement failed');
    }
  };

  return {
    /** Whether one more socket may open for this key now: a disconnected flooder can't just come back. */
    admit: (key: string) => connectionBuckets.take(key),

    /**
     * Rate-limits every packet this socket sends, known event or not, before any listener runs:
     * over its own limit or its key's, a packet is refused (`RATE_LIMITED` to its acknowledgement)
     * and costs nothing more; a socket that keeps sending past the limit is disconnected.
     */
    limit: (socket: Socket, key: string) => {
      let strikes = 0;
      let windowStart = now();
      socket.use((packet, next) => {
        if (socketBuckets.take(socket.id) && keyBuckets.take(key)) {
          next();
          return;
        }
        answer(packet.at(-1), failure('RATE_LIMITED'));
        const t = now();
        if (t - windowStart > floodWindowMs) {
          windowStart = t;
          strikes = 0;
        }
        strikes += 1;
        if (strikes === floodStrikes) {
          logger.warn({ nsp: socket.nsp.name, key }, 'socket flooding past its rate limit: disconnected');
          // Nor may the key open another socket at once: it gets one more as its handshake bucket
          // refills (one a second), so a flooder is let back only as slowly as that, while an
          // agent's or a customer's other windows keep their sockets.
          connectionBuckets.empty(key);
          socket.disconnect(true);
        }
      });
    },

    /**
     * One listener: the payload (first argument) validated by `schema`, the acknowledgement (last
     * argument, when it is a function) called once with `{ok: true}` or a catalogue code, and every
     * error, thrown or rejected, mapped as HTTP maps it. Never returns a promise that can reject.
     */
    handler:
      <S extends z.ZodType>(schema: S, run: (data: z.infer<S>) => Promise<void> | void) =>
      (...args: unknown[]): void => {
        const last = args.at(-1);
        const ack = typeof last === 'function' ? last : undefined;
        const payload = args[0] === ack ? undefined : args[0];
        const unsafe = findUnsafeText(payload, 'event');
        if (unsafe) {
          answer(ack, failure('VALIDATION_FAILED', `Invalid event: ${unsafe}: ${UNSAFE_TEXT_MESSAGE}`));
          return;
        }
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
          answer(
            ack,
            failure('VALIDATION_FAILED', `Invalid event: ${where}${issue?.message ?? 'malformed'}`),
          );
          return;
        }
        Promise.resolve()
          .then(() => run(parsed.data))
          .then(
            () => answer(ack, { ok: true }),
            (err: unknown) => {
              if (isAppError(err)) {
                answer(ack, failure(err.code, err.message));
                return;
              }
              logger.error({ err }, 'socket event failed');
              answer(ack, failure('INTERNAL'));
            },
          );
      },

    close: () => clearInterval(sweep),
  };
};

export type SocketGuard = ReturnType<typeof createSocketGuard>;
