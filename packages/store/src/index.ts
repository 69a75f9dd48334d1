import type { AdminTx, AdminUnitOfWork, UnitOfWork } from '@switchboard/core';
import { createAdminRepository } from './admin-repository';
import { createAuthRepository } from './auth-repository';
import type { Database } from './db';
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

export interface Store extends UnitOfWork, AdminUnitOfWork {
  database: Database;
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
    // Core's Tx and the admin repository on one drizzle transaction: a change and its audit entry commit together.
    adminTransaction: (fn) =>
      database.db.transaction((dbTx) => fn(createTx(dbTx, txOptions), createAdminRepository(dbTx))),
    admin: createAdminRepository(database.db),
    views: createViews(database.db),
    supervisor: createSupervisorViews(database.db),
    auth: createAuthRepository(database.db),
  };
};
