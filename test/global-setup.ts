import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    redisUrl: string;
    /** A dump of an embedded database with the migrations applied (see makePgliteTemplate). */
    pgliteTemplate: string;
  }
}

const findPgBin = (): string | null => {
  const candidates = ['/usr/lib/postgresql'];
  for (const root of candidates) {
    if (existsSync(root)) {
      const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
      for (const v of versions) {
        const bin = join(root, v, 'bin');
        if (existsSync(join(bin, 'initdb'))) {
          return bin;
        }
      }
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? join(which.stdout.trim(), '..') : null;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const findRedisServer = (): string | null => {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) {
    return which.stdout.trim();
  }
  return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null;
};

/** Resolves once something accepts connections on the port, or fails after `ms`. */
const waitForPort = async (port: number, ms: number, child: ChildProcess, output: () => string) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with ${child.exitCode}:\n${output()}`);
    }
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port} within ${ms} ms:\n${output()}`);
};

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
  const bin = findRedisServer();
  if (!bin) {
    throw new Error(
      'The redis-server binary was not found. Install it (Debian: apt-get install redis-server) or set TEST_REDIS_URL.',
    );
  }
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  try {
    await waitForPort(port, 10_000, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  return () => {
    child.kill('SIGKILL');
  };
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
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian: apt-get install postgresql) or set TEST_DATABASE_URL.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pg-'));
  const dataDir = join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, run it as the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
};
