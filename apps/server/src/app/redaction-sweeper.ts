import { redactEndedConversations } from '@switchboard/core';
import type { Logger } from 'pino';
import type { UseCaseRunner } from './services';

/** Ended conversations past SENSITIVE_DATA_RETENTION_DAYS are redacted this often, a batch a transaction. */
const EVERY_MS = 10 * 60_000;
const BATCH = 50;

/**
 * Runs core's redactEndedConversations when the server starts and every ten minutes, batch after
 * batch until none is left (each batch one transaction; batches of several processes skip each
 * other's conversations), never two passes at once in a process. `days` 0 turns it off. A failed
 * pass is logged; the next one takes up what is left.
 */
export const createRedactionSweeper = ({
  run,
  logger,
  days,
  everyMs = EVERY_MS,
}: {
  run: UseCaseRunner;
  logger: Logger;
  days: number;
  everyMs?: number;
}) => {
  let interval: NodeJS.Timeout | null = null;
  let running: Promise<{ conversations: number; values: number }> | null = null;
  let stopped = false;

  const pass = (): Promise<{ conversations: number; values: number }> => {
    running ??= (async () => {
      const total = { conversations: 0, values: 0 };
      for (;;) {
        const batch = await run(redactEndedConversations, { days, limit: BATCH });
        total.conversations += batch.conversations;
        total.values += batch.values;
        if (batch.conversations < BATCH || stopped) {
          return total;
        }
      }
    })()
      .then((total) => {
        if (total.conversations > 0) {
          logger.info({ ...total, days }, 'sensitive values of ended conversations redacted');
        }
        return total;
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'redacting ended conversations failed');
        return { conversations: 0, values: 0 };
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    start: () => {
      stopped = false;
      if (days <= 0 || interval) {
        return;
      }
      void pass();
      interval = setInterval(() => void pass(), everyMs);
      interval.unref();
    },
    stop: async () => {
      stopped = true;
      if (interval) {
        clearInterval(interval);
        interval = null;
      }
      await running;
    },
    /** A pass now (tests; the server runs one every ten minutes). */
    pass,
  };
};
