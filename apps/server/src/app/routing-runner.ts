import { type DomainEvent, routeWaitingConversations, triggersRouting } from '@switchboard/core';
import type { Logger } from 'pino';
import type { UseCaseRunner } from './services';

const BATCH = 100;
// A run that missed (a chosen agent went away meanwhile) goes again at once; this many times in a
// row at most, so a disagreement between the candidate read and the check can never spin.
const MAX_RUNS_AFTER_MISS = 5;

/**
 * Runs routing when something happened that can match a conversation with an agent (arrival, an
 * agent becoming Available, capacity freed); never on a timer. Requests during a run coalesce
 * into one more run.
 */
export const createRoutingRunner = ({ run, logger }: { run: UseCaseRunner; logger: Logger }) => {
  let running: Promise<void> | null = null;
  let again = false;

  const loop = async () => {
    let runsAfterMiss = 0;
    do {
      again = false;
      try {
        const outcome = await run(routeWaitingConversations, { maxOffers: BATCH });
        runsAfterMiss = outcome.missed > 0 ? runsAfterMiss + 1 : 0;
        if (runsAfterMiss > MAX_RUNS_AFTER_MISS) {
          logger.warn(
            { missed: outcome.missed },
            'routing keeps missing its chosen agents; waiting for the next trigger',
          );
        } else if (outcome.again) {
          again = true;
        }
      } catch (err) {
        logger.error({ err }, 'routing run failed');
      }
    } while (again);
  };

  const request = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    request,
    listener: (event: DomainEvent) => {
      if (triggersRouting(event)) {
        void request();
      }
    },
    idle: async () => {
      while (running) {
        await running;
      }
    },
  };
};
