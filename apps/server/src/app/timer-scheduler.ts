import { type Clock, type DomainEvent, fireDueTimer } from '@switchboard/core';
import type { Logger } from 'pino';
import type { UseCaseRunner } from './services';

const SWEEP_MS = 1000;

/**
 * Durable timers: each is a row with a due time. This process arms an in-memory timeout for the
 * deadlines it creates, and a one-second sweep claims any overdue row (after a restart, or one
 * created by another process) with FOR UPDATE SKIP LOCKED, so each fires once.
 */
export const createTimerScheduler = ({
  run,
  clock,
  logger,
}: {
  run: UseCaseRunner;
  clock: Clock;
  logger: Logger;
}) => {
  const timeouts = new Set<NodeJS.Timeout>();
  let sweep: NodeJS.Timeout | null = null;
  let firing: Promise<void> | null = null;
  let stopped = false;

  const fireDue = (): Promise<void> => {
    if (firing) {
      return firing;
    }
    firing = (async () => {
      try {
        while (!stopped && (await run(fireDueTimer, {})).fired) {
          // keep claiming until nothing is due
        }
      } catch (err) {
        logger.error({ err }, 'timer firing failed');
      }
    })().finally(() => {
      firing = null;
    });
    return firing;
  };

  const armAt = (dueAt: Date) => {
    if (stopped) {
      return;
    }
    const t = setTimeout(
      () => {
        timeouts.delete(t);
        void fireDue();
      },
      Math.max(0, dueAt.getTime() - clock.now().getTime()) + 5,
    );
    timeouts.add(t);
  };

  return {
    start: () => {
      stopped = false;
      sweep = setInterval(() => void fireDue(), SWEEP_MS);
      void fireDue();
    },
    stop: async () => {
      stopped = true;
      if (sweep) {
        clearInterval(sweep);
      }
      for (const t of timeouts) {
        clearTimeout(t);
      }
      timeouts.clear();
      await firing;
    },
    fireDue,
    armAt,
    listener: (event: DomainEvent) => {
      if (event.type === 'offer.created') {
        armAt(event.deadlineAt);
      }
    },
  };
};

export type TimerScheduler = ReturnType<typeof createTimerScheduler>;
