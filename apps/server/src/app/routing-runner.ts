import { type DomainEvent, routeWaitingConversations, triggersRouting } from '@switchboard/core';
import type { Logger } from 'pino';
import type { UseCaseRunner } from './services';

const BATCH = 100;

/**
 * Runs routing when something happened that can match a conversation with an agent (arrival, an
 * agent becoming Available, capacity freed); never on a timer. Requests during a run coalesce
 * into one more run.
 */
export const createRoutingRunner = ({ run, logger }: { run: UseCaseRunner; logger: Logger }) => {
  let running: Promise<void> | null = null;
  let again = false;

  const loop = async () => {
    do {
      again = false;
      try {
        const { offered } = await run(routeWaitingConversations, { maxOffers: BATCH });
        if (offered === BATCH) {
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
