import type { AdminTx, AdminUnitOfWork, UnitOfWork } from '@switchboard/core';
import { createAdminRepository } from './admin-repository';
import { createAuthRepository } from './auth-repository';
import type { Database } from './db';
import { type HousekeepingPass, housekeep } from './housekeeping';
import { createSupervisorViews } from './supervisor-views';
import { type AdminTxFunction, type TxFunction, transactOn } from './transact';
import { createTx } from './tx';
import { createViews } from './views';

export type { AuthRepository, SessionRecord } from './auth-repository';
export type { Database, Db } from './db';
export { openDatabase } from './db';
export { type HousekeepingPass, housekeep } from './housekeeping';
export * as schema from './schema';
export { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed';
export type { SupervisorViews } from './supervisor-views';
export type { AdminTxFunction, TxFunction } from './transact';
export type { MaskingInput, Views } from './views';
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
}

/** The store: core's unit of work on drizzle, plus read models and the auth repository. */
export const createStore = (database: Database): Store => {
  const txOptions = { oneConnection: database.kind === 'pglite' };
  const here = transactOn(database.db, txOptions);
  return {
    database,
    transaction: (fn) => database.db.transaction((dbTx) => fn(createTx(dbTx, txOptions))),
    // Where the database runs core's functions itself (PGlite's thread), each transaction is one
    // message there; otherwise each statement is one round trip.
    transact: (fn, input, now) => database.runCore?.(fn, input, now, 'tx') ?? here.transact(fn, input, now),
    transactAdmin: (fn, input, now) =>
      database.runCore?.(fn, input, now, 'admin') ?? here.transactAdmin(fn, input, now),
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
