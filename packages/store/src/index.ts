import type { AdminTx, AdminUnitOfWork, Tx, UnitOfWork } from '@switchboard/core';
import { createAdminRepository } from './admin-repository';
import { createAuthRepository } from './auth-repository';
import type { Database } from './db';
import { type HousekeepingPass, housekeep } from './housekeeping';
import { createSupervisorViews } from './supervisor-views';
import { createTx } from './tx';
import { createViews } from './views';

export type { AuthRepository, SessionRecord } from './auth-repository';
export type { Database, Db } from './db';
export { openDatabase } from './db';
export { type HousekeepingPass, housekeep } from './housekeeping';
export * as schema from './schema';
export { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed';
export type { SupervisorViews } from './supervisor-views';
export type { MaskingInput, Views } from './views';
export { toMessageDto } from './views';

/**
 * A function of core that works in one transaction: a use case, or a check such as
 * `authorizeParticipant`. Its input and result are plain data, so a store could run it elsewhere
 * (a database thread) without its callers changing.
 */
export type TxFunction<I, R> = (input: I & { tx: Tx; now: Date }) => Promise<R>;
export type AdminTxFunction<I, R> = (input: I & { tx: Tx; admin: AdminTx; now: Date }) => Promise<R>;

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
}

/** The store: core's unit of work on drizzle, plus read models and the auth repository. */
export const createStore = (database: Database): Store => {
  const txOptions = { oneConnection: database.kind === 'pglite' };
  return {
    database,
    transaction: (fn) => database.db.transaction((dbTx) => fn(createTx(dbTx, txOptions))),
    transact: (fn, input, now) =>
      database.db.transaction((dbTx) => fn({ ...input, tx: createTx(dbTx, txOptions), now })),
    transactAdmin: (fn, input, now) =>
      database.db.transaction((dbTx) =>
        fn({ ...input, tx: createTx(dbTx, txOptions), admin: createAdminRepository(dbTx), now }),
      ),
    housekeep: () => housekeep(database),
    // Core's Tx and the admin repository on one drizzle transaction: a change and its audit entry commit together.
    adminTransaction: (fn) =>
      database.db.transaction((dbTx) => fn(createTx(dbTx, txOptions), createAdminRepository(dbTx))),
    admin: createAdminRepository(database.db),
    views: createViews(database.db),
    supervisor: createSupervisorViews(database.db),
    auth: createAuthRepository(database.db),
  };
};
