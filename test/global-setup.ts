import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, startThrowawayRedis } from './services';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    redisUrl: string;
    /** A dump of an embedded database with the migrations applied (see makePgliteTemplate). */
    pgliteTemplate: string;
  }
}

/**
 * The scale-out tests fan sockets out through Redis. TEST_REDIS_URL names a server to use;
 * otherwise a throw-away redis-server (Debian: `apt-get install redis-server`) is started on a
 * free port, without persistence, and killed afterwards.
 */
const startRedis = async (project: TestProject): Promise<(() => void) | undefined> => {
  const given = process.env.TEST_REDIS_URL;
  if (given) {
    project.provide('redisUrl', given);
    return undefined;
  }
  const redis = await startThrowawayRedis();
  project.provide('redisUrl', redis.url);
  return redis.stop;
};

/**
 * The integration suite runs on a real PostgreSQL as well as on PGlite. TEST_DATABASE_URL names
 * a server to use; otherwise a throw-away cluster is started from the system's PostgreSQL
 * binaries (Debian: `apt-get install postgresql`), and removed afterwards.
 */
export default async function setup(project: TestProject) {
  const stops: (() => void)[] = [];
  const stopAll = () => {
    for (const stop of stops.reverse()) {
      try {
        stop();
      } catch {
        // The others are still stopped.
      }
    }
  };
  try {
    for (const start of [makePgliteTemplate, startRedis, startPostgres]) {
      const stop = await start(project);
      if (stop) {
        stops.push(stop);
      }
    }
  } catch (err) {
    stopAll();
    throw err;
  }
  return stopAll;
}

/**
 * Every in-memory PGlite a test opens starts from one dump (PGlite's `dumpDataDir`) of a database
 * made here once, with this run's migrations applied: PGlite's initdb and the migrations took about
 * 3 s for each of the suite's databases.
 */
const makePgliteTemplate = async (project: TestProject): Promise<() => void> => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pglite-'));
  const file = join(dir, 'migrated.tar');
  const pglite = await PGlite.create();
  try {
    await migrate(drizzle(pglite), {
      migrationsFolder: fileURLToPath(new URL('../packages/store/drizzle', import.meta.url)),
    });
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await pglite.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
};

const startPostgres = async (project: TestProject): Promise<(() => void) | undefined> => {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const postgres = await startThrowawayPostgres({ durable: false });
  project.provide('postgresUrl', postgres.url);
  return postgres.stop;
};
