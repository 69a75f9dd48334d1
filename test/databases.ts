import { randomUUID } from 'node:crypto';
import { openDatabase } from '@switchboard/store';
import pg from 'pg';
import { inject } from 'vitest';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

/**
 * A fresh embedded database: in memory, it starts from the suite's migrated template (see
 * global-setup.ts); in `dataDir`, from nothing, as the server's first start does.
 */
export const openTestPglite = ({ dataDir }: { dataDir?: string } = {}) =>
  openDatabase(dataDir ? { dataDir } : { loadDataDir: inject('pgliteTemplate') });

/** A fresh database: PGlite (see openTestPglite), or a new database on the test PostgreSQL. */
export const createTestDatabase = async (backend: Backend, { dataDir }: { dataDir?: string } = {}) => {
  if (backend === 'pglite') {
    return { open: () => openTestPglite({ dataDir }), drop: async () => {}, url: undefined };
  }
  const adminUrl = inject('postgresUrl');
  const name = `sb_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    /** The new database's URL, for server processes or clients of a test's own. */
    url: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 5 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
};
