import type { HousekeepingPass, Store } from '@switchboard/store';
import type { Logger } from 'pino';

const EVERY_MS = 60_000;

/**
 * On PGlite, autovacuum's work (see housekeep in the store): a pass when the server starts, then
 * one a minute, never two at once. On PostgreSQL it does nothing. A failed pass is logged; the
 * next one tries again.
 */
export const createHousekeeping = ({
  store,
  logger,
  everyMs = EVERY_MS,
}: {
  store: Store;
  logger: Logger;
  everyMs?: number;
}) => {
  let interval: NodeJS.Timeout | null = null;
  let running: Promise<HousekeepingPass | null> | null = null;

  const pass = (): Promise<HousekeepingPass | null> => {
    running ??= store
      .housekeep()
      .then((done) => {
        if (done.analyzed.length > 0 || done.vacuumed.length > 0) {
          logger.debug(done, 'database housekeeping');
        }
        return done;
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'database housekeeping failed');
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    start: () => {
      if (store.database.kind !== 'pglite' || interval) {
        return;
      }
      void pass();
      interval = setInterval(() => void pass(), everyMs);
      interval.unref();
    },
    stop: async () => {
      if (interval) {
        clearInterval(interval);
        interval = null;
      }
      await running;
    },
    pass,
  };
};
