import type { AdminTx, AdminUnitOfWork, UnitOfWork } from '@switchboard/core';
import { createAdminRepository } from './admin-repository';
import { createAuthRepository } from './auth-repository';
import type { Database } from './db';
import { type HousekeepingPass, housekeep } from './housekeeping';
import { createPostgresGroupCommit } from './pg-group-commit';
import type { CoreKind } from './pglite-thread-protocol';
import { createPresenceRepository } from './presence-repository';
import { createReadAhead } from './read-ahead';
import { createSupervisorViews } from './supervisor-views';
import { type AdminTxFunction, type TxFunction, transactOn } from './transact';
import { createTx } from './tx';
import { createViews, type MessageFanout, type OfferWithContext } from './views';

export { readAttachment, readSentAttachment } from './attachment-tx';
export type { AuthRepository, SessionRecord } from './auth-repository';
export type { Database, Db } from './db';
export { openDatabase } from './db';
export { type HousekeepingPass, housekeep } from './housekeeping';
export type { PresenceRepository } from './presence-repository';
export { isRetryableTransactionFailure } from './retryable';
export * as schema from './schema';
export { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed';
export type { SupervisorViews } from './supervisor-views';
export type { AdminTxFunction, TxFunction } from './transact';
export type { MaskingInput, MessageFanout, OfferWithContext, Views } from './views';
export { toMessageDto } from './views';

export interface Store extends UnitOfWork, AdminUnitOfWork {
  database: Database;
  /** Runs `fn` in one transaction with `now` as the time of the change. */
  transact<I, R>(fn: TxFunction<I, R>, input: I, now: Date): Promise<R>;
  /** The same with the administrator's repository on the same transaction. */
  transactAdmin<I, R>(fn: AdminTxFunction<I, R>, input: I, now: Date): Promise<R>;
  /** PGlite's autovacuum (see `housekeep`); nothing on PostgreSQL. */
  housekeep(): Promise<HousekeepingPass>;
  /** The administrator's configuration, read outside a transaction (lists, look-ups). */
  admin: AdminTx;
  views: ReturnType<typeof createViews>;
  /** The supervisor's live board (counts and names only). */
  supervisor: ReturnType<typeof createSupervisorViews>;
  auth: ReturnType<typeof createAuthRepository>;
  /** Which agents' desktops some server process holds (heartbeat rows). */
  presence: ReturnType<typeof createPresenceRepository>;
}

/**
 * The store: core's unit of work on drizzle, plus read models and the auth repository.
 *
 * `viewsAhead` (default on, as the server pushes every new offer and message with its view): where
 * the database runs core's functions itself, the views of the offers a transaction made and the
 * fan-outs of the messages it stored come back with its result, for the push to take (see
 * read-ahead.ts). Off where nothing reads them (the routing bench's decision runs).
 */
export const createStore = (
  database: Database,
  { viewsAhead = true }: { viewsAhead?: boolean } = {},
): Store => {
  const txOptions = { oneConnection: database.kind === 'pglite' };
  const here = transactOn(database.db, txOptions);
  const offersReadAhead = createReadAhead<OfferWithContext>();
  const fanoutsReadAhead = createReadAhead<MessageFanout>();
  // Where the database runs core's functions itself (PGlite's thread), each transaction is one
  // message there; otherwise each statement is one round trip.
  const there = <R>(fn: (input: never) => Promise<R>, input: unknown, now: Date, kind: CoreKind) =>
    database
      .runCore?.(fn, input, now, { kind, readAhead: viewsAhead })
      ?.then(({ result, offers, fanouts }) => {
        offersReadAhead.keep(offers.map((view) => [view.offer.id, view]));
        fanoutsReadAhead.keep(fanouts);
        return result;
      });
  const views = createViews(database.db, { offersReadAhead, fanoutsReadAhead });
  // PostgreSQL: messages commit in groups (pg-group-commit.ts); PGlite's thread groups its own.
  const grouped =
    database.kind === 'postgres'
      ? createPostgresGroupCommit({
          here,
          readFanouts: viewsAhead ? views.readMessageFanouts : undefined,
          fanoutsReadAhead,
        })
      : undefined;
  return {
    database,
    transaction: (fn) => database.db.transaction((dbTx) => fn(createTx(dbTx, txOptions))),
    transact: (fn, input, now) =>
      there(fn, input, now, 'tx') ?? grouped?.(fn, input, now) ?? here.transact(fn, input, now),
    transactAdmin: (fn, input, now) => there(fn, input, now, 'admin') ?? here.transactAdmin(fn, input, now),
    housekeep: () => housekeep(database),
    // Core's Tx and the admin repository on one drizzle transaction: a change and its audit entry commit together.
    adminTransaction: (fn) =>
      database.db.transaction((dbTx) => fn(createTx(dbTx, txOptions), createAdminRepository(dbTx))),
    admin: createAdminRepository(database.db),
    views,
    supervisor: createSupervisorViews(database.db),
    auth: createAuthRepository(database.db),
    presence: createPresenceRepository(database.db),
  };
};
