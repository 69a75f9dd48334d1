import type { Clock, DomainEvent, EventBus } from '@switchboard/core';
import {
  type AdminTxFunction,
  isRetryableTransactionFailure,
  type Store,
  type TxFunction,
} from '@switchboard/store';

type Outcome<T> = { value: T; events: DomainEvent[] };
type UseCase<I, T> = TxFunction<I, Outcome<T>>;
type AdminUseCase<I, T> = AdminTxFunction<I, Outcome<T>>;

const MAX_ATTEMPTS = 5;
// Before each retry a short random pause, longer each time, so two transactions that just collided
// do not collide again in step.
const backoff = (attempt: number) =>
  new Promise((done) => setTimeout(done, Math.random() * 10 * 2 ** attempt));

/**
 * Runs one transaction, again on a deadlock, a serialisation failure or an outdated prepared
 * statement, then publishes its events once committed.
 */
const commitThenPublish = async <T>(events: EventBus, attempt: () => Promise<Outcome<T>>): Promise<T> => {
  for (let n = 1; ; n++) {
    try {
      const outcome = await attempt();
      events.publish(outcome.events);
      return outcome.value;
    } catch (err) {
      if (n >= MAX_ATTEMPTS || !isRetryableTransactionFailure(err)) {
        throw err;
      }
      await backoff(n);
    }
  }
};

/** Runs a core use case in one transaction, then publishes its events. */
export const createUseCaseRunner =
  ({ store, bus, clock }: { store: Store; bus: EventBus; clock: Clock }) =>
  <I, T>(useCase: UseCase<I, T>, input: I): Promise<T> =>
    commitThenPublish(bus, () => store.transact(useCase, input, clock.now()));

export type UseCaseRunner = ReturnType<typeof createUseCaseRunner>;

/** The same for the administrator's use cases: core's Tx and the admin port on one transaction. */
export const createAdminUseCaseRunner =
  ({ store, events, clock }: { store: Store; events: EventBus; clock: Clock }) =>
  <I, T>(useCase: AdminUseCase<I, T>, input: I): Promise<T> =>
    commitThenPublish(events, () => store.transactAdmin(useCase, input, clock.now()));

export type AdminUseCaseRunner = ReturnType<typeof createAdminUseCaseRunner>;
