import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createStatementNames, namedStatementClient } from './pg-named-statements';
import { startPgliteThread } from './pglite-remote';
import type { CoreKind, CoreRun, ThreadLoad } from './pglite-thread-protocol';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** How busy the database's own thread has been since it started (PGlite); undefined elsewhere. */
  load?: () => Promise<ThreadLoad>;
  /**
   * Runs one of core's transaction functions where the database is (PGlite's thread): the input
   * goes there, the result comes back, with the views of the offers and messages it made when
   * `readAhead`.
   * Undefined when it cannot (not one of core's exports, or an input that cannot be copied): the
   * caller runs it here.
   */
  runCore?: <R>(
    fn: (input: never) => Promise<R>,
    input: unknown,
    now: Date,
    options: { kind: CoreKind; readAhead: boolean },
  ) => Promise<CoreRun<R>> | undefined;
}

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../drizzle');

// Any fixed number: server processes starting at once on one database migrate one after the other.
const MIGRATION_LOCK_KEY = 7_215_002;

/**
 * PostgreSQL when a URL is given, else PGlite: in `dataDir` on disk, or in memory without one.
 * One schema and one set of migrations serve both.
 */
export const openDatabase = async ({
  databaseUrl,
  dataDir,
  loadDataDir,
  poolSize = 10,
  onIdleError,
  onThreadExit,
}: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /**
   * PGlite: a dump of a data directory (a tar file, as PGlite's `dumpDataDir` writes it) to start
   * from instead of an empty database. The tests start every database from one already migrated.
   */
  loadDataDir?: string | undefined;
  poolSize?: number;
  onIdleError?: (err: Error) => void;
  /** PGlite's thread stopped (it failed): the database is gone until the process restarts. */
  onThreadExit?: (err: Error) => void;
}): Promise<Database> => {
  if (databaseUrl) {
    // Every query text seen twice becomes a prepared statement on each connection (pg-named-statements.ts).
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: poolSize,
      Client: namedStatementClient(createStatementNames()),
    });
    // An idle client losing its connection (a restart, a failover) must not crash the process;
    // the pool replaces it and the next query reconnects.
    pool.on('error', (err) => {
      onIdleError?.(err);
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        // A session lock on one connection held while the migrator works on others: a second
        // process waits here, then finds every migration applied.
        const lockHolder = await pool.connect();
        try {
          await lockHolder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          try {
            await migrateNodePg(db as never, { migrationsFolder: MIGRATIONS });
          } finally {
            await lockHolder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
          }
        } finally {
          lockHolder.release();
        }
      },
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  // PGlite runs on a thread of its own: its work never holds up requests and sockets.
  const client = await startPgliteThread({ dataDir, loadDataDir, onExit: onThreadExit });
  const db = drizzlePglite(client as unknown as PGlite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
    runCore: client.runCore,
    load: client.load,
  };
};
