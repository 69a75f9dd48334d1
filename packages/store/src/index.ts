import type { UnitOfWork } from '@switchboard/core';
import { createAuthRepository } from './auth-repository';
import type { Database } from './db';
import { createTx } from './tx';
import { createViews } from './views';

export type { AuthRepository, SessionRecord } from './auth-repository';
export type { Database, Db } from './db';
export { openDatabase } from './db';
export * as schema from './schema';
export { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed';
export type { Views } from './views';
export { toMessageDto } from './views';

export interface Store extends UnitOfWork {
  database: Database;
  views: ReturnType<typeof createViews>;
  auth: ReturnType<typeof createAuthRepository>;
}

/** The store: core's unit of work on drizzle, plus read models and the auth repository. */
export const createStore = (database: Database): Store => ({
  database,
  transaction: (fn) => database.db.transaction((dbTx) => fn(createTx(dbTx))),
  views: createViews(database.db),
  auth: createAuthRepository(database.db),
});
