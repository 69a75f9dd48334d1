import type { Clock, DomainEvent, Tx } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { LocalEventBus } from './event-bus';

type UseCase<I, T> = (input: I & { tx: Tx; now: Date }) => Promise<{ value: T; events: DomainEvent[] }>;

// PostgreSQL's deadlock_detected and serialization_failure: the transaction can simply run again.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

const isRetryable = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return RETRYABLE.has(e?.code ?? '') || RETRYABLE.has(e?.cause?.code ?? '');
};

/** Runs a core use case in one transaction, then publishes its events once it has committed. */
export const createUseCaseRunner = ({
  store,
  bus,
  clock,
}: {
  store: Store;
  bus: LocalEventBus;
  clock: Clock;
}) => {
  return async <I, T>(useCase: UseCase<I, T>, input: I): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const { value, events } = await store.transaction((tx) =>
          useCase({ ...input, tx, now: clock.now() }),
        );
        bus.publish(events);
        return value;
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) {
          throw err;
        }
      }
    }
  };
};

export type UseCaseRunner = ReturnType<typeof createUseCaseRunner>;
