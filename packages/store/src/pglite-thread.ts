import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import * as core from '@switchboard/core';
import { drizzle } from 'drizzle-orm/pglite';
import type { Db } from './db';
import { createGroupCommit } from './group-commit';
import { DRIZZLE_PARSERS, withPreparedStatements } from './pglite-statements';
import type {
  CoreRun,
  PgliteThreadReply,
  PgliteThreadRequest,
  RemoteError,
  ThreadLoad,
} from './pglite-thread-protocol';
import { messagesPushed, offersMade } from './read-ahead';
import * as schema from './schema';
import { type TxFunction, transactOn } from './transact';
import { createViews, type MessageFanout, type OfferWithContext } from './views';

/**
 * The database thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, so that its work
 * (parsing, planning, executing, writing the WAL) never holds up the thread that answers requests
 * and pushes events to sockets. The two threads work side by side, on two cores.
 *
 * The server's thread (`pglite-remote.ts`) sends it two kinds of work:
 * - one of core's transaction functions by name (`core`): the whole transaction runs here, its
 *   result goes back (with the views of the offers it made, read after the commit, when asked).
 *   This is every use case, so an arrival, an accept or a routing run crosses threads once, and
 *   holds the database no longer than its own work takes;
 * - single statements (`query`, `exec`), alone or inside a transaction opened with `begin` and
 *   ended with `commit` or `rollback`: drizzle on the server's thread for reads, migrations, seeds.
 *
 * PGlite has one connection: its transactions run one after another, and a statement outside them
 * waits for the one that runs.
 */

/** What of an error crosses to the other thread: its message, PostgreSQL's fields, core's code. */
const toRemoteError = (err: unknown, depth = 0): RemoteError => {
  if (!(err instanceof Error)) {
    return { name: 'Error', message: String(err), fields: {} };
  }
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[key] = value;
    }
  }
  return {
    name: err.name,
    message: err.message,
    fields,
    ...(err instanceof core.AppError ? { app: { code: err.code, details: err.details } } : {}),
    ...(err.cause !== undefined && depth < 3 ? { cause: toRemoteError(err.cause, depth + 1) } : {}),
  };
};

type CoreFunction = (input: { tx: unknown; admin?: unknown; now: Date }) => Promise<unknown>;

/** Core's functions by name: what the server's thread may ask this thread to run in a transaction. */
const CORE_FUNCTIONS = new Map<string, CoreFunction>(
  Object.entries(core)
    .filter(([, value]) => typeof value === 'function')
    .map(([name, value]) => [name, value as CoreFunction]),
);

/** The rows and fields of a result: what of it can be copied to the other thread. */
const plain = (result: Results<unknown>) => ({
  rows: result.rows,
  fields: result.fields,
  ...(result.affectedRows === undefined ? {} : { affectedRows: result.affectedRows }),
});

const ROLLBACK = Symbol('rollback');

/**
 * The CPU time this thread has used (Linux: /proc/thread-self/stat, in clock ticks of 10 ms);
 * undefined elsewhere. Unlike the event loop's busy time it does not count the time the thread
 * waited for a core on a loaded machine.
 */
const threadCpuMs = (): number | undefined => {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
};

interface GroupItem {
  fn: TxFunction<unknown, unknown>;
  input: unknown;
  now: Date;
  /** Read the views of the offers and messages it made, after the commit. */
  readAhead: boolean;
}

type Runner = Pick<PGlite, 'query' | 'exec'>;

interface OpenTransaction {
  runner: Runner;
  end(commit: boolean): void;
  ended: Promise<void>;
}

export const servePglite = async (
  port: MessagePort,
  { dataDir, loadDataDir }: { dataDir?: string | undefined; loadDataDir?: string | undefined },
) => {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([await readFile(loadDataDir)]) } : {}),
    parsers: DRIZZLE_PARSERS,
  });
  // A new 16 MB WAL file is not zero-filled first (one session: the setting holds for all its
  // writes). Zero-filling it stalled the one transaction that crossed into it: 6-25 ms on disk,
  // 75-700 ms in memory, where the file grows in steps that each copy it whole. The file is
  // created at its full size instead, as PostgreSQL does on copy-on-write file systems.
  await client.exec('set wal_init_zero = off');
  // Prepared statements: PGlite parses and plans every query again otherwise.
  const statements = withPreparedStatements(client);
  const db = drizzle(statements as unknown as PGlite, { schema }) as unknown as Db;
  const here = transactOn(db, { oneConnection: true });
  const views = createViews(db);
  /**
   * The server pushes each new offer and message with its view: read here, after the commit, they
   * save the server a second message and a wait behind the next transaction. Those of a whole
   * group are read together, one statement for its offers and one for its messages. The
   * transactions have committed whatever these reads do, so they never throw: if one fails, the
   * push reads the view itself (and reports what fails then).
   */
  const withViews = async (items: readonly GroupItem[], results: readonly unknown[]) => {
    const offerIds = items.map((item, i) => (item.readAhead ? offersMade(results[i]) : []));
    const messageIds = items.map((item, i) => (item.readAhead ? messagesPushed(results[i]) : []));
    const allOffers = offerIds.flat();
    const allMessages = messageIds.flat();
    const offers =
      allOffers.length > 0
        ? new Map((await views.readOffersWithContext(allOffers).catch(() => [])).map((v) => [v.offer.id, v]))
        : new Map<string, OfferWithContext>();
    const fanouts = new Map(
      allMessages.length > 0 ? await views.readMessageFanouts(allMessages).catch(() => []) : [],
    );
    return results.map(
      (result, i): CoreRun<unknown> => ({
        result,
        offers: offerIds[i]!.flatMap((id) => offers.get(id) ?? []),
        fanouts: messageIds[i]!.flatMap((id): [string, MessageFanout][] => {
          const fanout = fanouts.get(id);
          return fanout ? [[id, fanout]] : [];
        }),
      }),
    );
  };
  // Use cases arriving while one runs commit together (see group-commit.ts), answered with the
  // views of the whole group read after its commit.
  // Committed is committed: a failure after the COMMIT must never reach group-commit, which would
  // run the group's functions again; the answers then go without views.
  const committed = (items: readonly GroupItem[], results: readonly unknown[]) =>
    withViews(items, results).catch(() =>
      results.map((result): CoreRun<unknown> => ({ result, offers: [], fanouts: [] })),
    );
  const group = createGroupCommit({
    runOne: async (item: GroupItem) =>
      (await committed([item], [await here.transact(item.fn, item.input, item.now)]))[0]!,
    runGroup: async (items: GroupItem[]) => committed(items, await here.transactGroup(items)),
  });
  const transactions = new Map<number, OpenTransaction>();
  let nextTransaction = 1;

  // Answers ready together (those of a commit group) cross in one message: each message costs
  // both threads a fixed price besides copying its contents.
  let replies: PgliteThreadReply[] = [];
  const flush = () => {
    const batch = replies;
    replies = [];
    try {
      port.postMessage(batch.length === 1 ? batch[0] : batch);
    } catch {
      // One of them cannot be copied (DataCloneError): the others still go, and that one's
      // caller gets the error.
      for (const one of batch) {
        try {
          port.postMessage(one);
        } catch (err) {
          port.postMessage({ id: one.id, ok: false, error: toRemoteError(err) } satisfies PgliteThreadReply);
        }
      }
    }
  };
  const reply = (message: PgliteThreadReply) => {
    if (replies.length === 0) {
      queueMicrotask(flush);
    }
    replies.push(message);
  };
  const fail = (id: number, err: unknown) => reply({ id, ok: false, error: toRemoteError(err) });
  const answer = (id: number, work: () => Promise<unknown>) => {
    work().then(
      (value) => reply({ id, ok: true, value }),
      (err: unknown) => fail(id, err),
    );
  };
  const runnerOf = (transaction: number | undefined): Runner => {
    if (transaction === undefined) {
      return statements as unknown as Runner;
    }
    const open = transactions.get(transaction);
    if (!open) {
      throw new Error(`transaction ${transaction} is not open`);
    }
    return open.runner;
  };
  const options = (rowMode: 'array' | 'object' | undefined): QueryOptions | undefined =>
    rowMode ? { rowMode } : undefined;

  const begin = (id: number) => {
    const transaction = nextTransaction++;
    let started = false;
    let endedResolve = () => {};
    let endedReject = (_err: unknown) => {};
    const ended = new Promise<void>((resolve, reject) => {
      endedResolve = resolve;
      endedReject = reject;
    });
    // Answered once the transaction has begun: PGlite runs one at a time, the others wait.
    statements
      .transaction(
        (runner) =>
          new Promise<void>((resolve, reject) => {
            started = true;
            transactions.set(transaction, {
              runner: runner as unknown as Runner,
              end: (commit) => (commit ? resolve() : reject(ROLLBACK)),
              ended,
            });
            reply({ id, ok: true, value: transaction });
          }),
      )
      .then(endedResolve, (err: unknown) => {
        if (!started) {
          fail(id, err);
        }
        endedReject(err);
      })
      .finally(() => transactions.delete(transaction));
    // Nobody may be waiting for the end (BEGIN failed): its rejection is not left unhandled.
    ended.catch(() => {});
  };

  const end = (id: number, transaction: number, commit: boolean) => {
    const open = transactions.get(transaction);
    if (!open) {
      fail(id, new Error(`transaction ${transaction} is not open`));
      return;
    }
    open.end(commit);
    open.ended.then(
      () => reply({ id, ok: true, value: null }),
      (err: unknown) => (err === ROLLBACK ? reply({ id, ok: true, value: null }) : fail(id, err)),
    );
  };

  port.on('message', (request: PgliteThreadRequest) => {
    const { id } = request;
    switch (request.op) {
      case 'query':
        answer(id, async () =>
          plain(
            await runnerOf(request.transaction).query(request.text, request.params, options(request.rowMode)),
          ),
        );
        return;
      case 'exec':
        answer(id, async () =>
          (await runnerOf(request.transaction).exec(request.text, options(request.rowMode))).map(plain),
        );
        return;
      case 'begin':
        begin(id);
        return;
      case 'commit':
      case 'rollback':
        end(id, request.transaction, request.op === 'commit');
        return;
      case 'core':
        answer(id, async (): Promise<CoreRun<unknown>> => {
          const fn = CORE_FUNCTIONS.get(request.name);
          if (!fn) {
            throw new Error(`${request.name} is not one of core's functions`);
          }
          const { input, now, readAhead } = request;
          if (request.kind === 'admin') {
            const item = { fn: fn as TxFunction<unknown, unknown>, input, now, readAhead };
            return (await committed([item], [await here.transactAdmin(fn, input, now)]))[0]!;
          }
          return group.run({ fn: fn as TxFunction<unknown, unknown>, input, now, readAhead });
        });
        return;
      case 'load':
        answer(
          id,
          async (): Promise<ThreadLoad> => ({
            ...performance.eventLoopUtilization(),
            cpuMs: threadCpuMs(),
          }),
        );
        return;
      case 'close':
        answer(id, () => client.close());
        return;
    }
  });
  reply({ id: 0, ok: true, value: 'ready' });
};

const data = workerData as { pgliteThread?: boolean; dataDir?: string; loadDataDir?: string } | undefined;
if (parentPort && data?.pgliteThread) {
  const port = parentPort;
  await servePglite(port, data).catch((err: unknown) => {
    // PGlite did not start (a data directory it cannot use): the server's thread is told why.
    port.postMessage({ id: 0, ok: false, error: toRemoteError(err) } satisfies PgliteThreadReply);
  });
}
