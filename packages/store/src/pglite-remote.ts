import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import * as core from '@switchboard/core';
import { TEXT_TYPES } from './pglite-statements';
import type {
  CoreKind,
  CoreRun,
  PgliteThreadReply,
  PgliteThreadRequest,
  RemoteError,
  ThreadLoad,
} from './pglite-thread-protocol';

/**
 * PGlite on a thread of its own (`pglite-thread.ts`), seen from the server's thread:
 * - `runCore`: one of core's transaction functions, run there whole (one message each way);
 * - `query`, `exec` and `transaction`, as drizzle-orm/pglite calls a client: each statement is a
 *   message and its rows the answer. A transaction holds the database (one connection) from its
 *   BEGIN to its COMMIT or ROLLBACK, as it does in PGlite itself.
 *
 * Values and rows cross by structured clone: strings, numbers, booleans, Dates, byte arrays, plain
 * objects and arrays. Query options other than the row mode cannot cross (functions do not), except
 * drizzle's own parsers, which the database thread applies itself. Errors cross with PostgreSQL's
 * fields (code, constraint, ...) and their causes; core's AppError arrives as an AppError.
 */

export interface RemoteRunner {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string, options?: QueryOptions): Promise<Results[]>;
}

export interface RemotePglite extends RemoteRunner {
  transaction<T>(fn: (tx: RemoteRunner) => Promise<T>): Promise<T>;
  /** Runs one of core's transaction functions on the database thread; undefined if it cannot. */
  runCore<R>(
    fn: (input: never) => Promise<R>,
    input: unknown,
    now: Date,
    options: { kind: CoreKind; readAhead: boolean },
  ): Promise<CoreRun<R>> | undefined;
  /** How busy the database thread has been since it started (compare two readings). */
  load(): Promise<ThreadLoad>;
  close(): Promise<void>;
}

type RowMode = 'array' | 'object' | undefined;
type Request = PgliteThreadRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

const rowModeOf = (options: QueryOptions | undefined): RowMode => {
  if (!options) {
    return undefined;
  }
  for (const key of Object.keys(options)) {
    if (key === 'rowMode') {
      continue;
    }
    const parsers = options.parsers;
    if (
      key === 'parsers' &&
      parsers &&
      Object.keys(parsers).every((oid) => TEXT_TYPES.includes(Number(oid)))
    ) {
      continue;
    }
    throw new Error(`the query option ${key} cannot be sent to the database thread`);
  }
  return options.rowMode;
};

const toError = ({ name, message, fields, app, cause }: RemoteError): Error => {
  const err = app
    ? new core.AppError(app.code as core.ErrorCode, message, app.details)
    : new Error(message, cause ? { cause: toError(cause) } : undefined);
  if (!app) {
    err.name = name;
    Object.assign(err, fields);
  }
  return err;
};

/** Core's exported functions by identity, with their names: what the database thread can run. */
const CORE_NAMES = new Map<unknown, string>(
  Object.entries(core)
    .filter(([, value]) => typeof value === 'function')
    .map(([name, value]) => [value, name]),
);

// The thread runs the TypeScript source, through tsx as the server does (a worker shares no
// module loader with the thread that starts it).
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });
`;

export const startPgliteThread = async ({
  dataDir,
  loadDataDir,
  onExit,
}: {
  dataDir?: string | undefined;
  /** A dump to start from (see openDatabase). */
  loadDataDir?: string | undefined;
  /** The thread stopped without being closed (it failed): every call fails from then on. */
  onExit?: (err: Error) => void;
}): Promise<RemotePglite> => {
  const worker = new Worker(BOOT, {
    eval: true,
    execArgv: [],
    workerData: {
      pgliteThread: true,
      dataDir,
      loadDataDir,
      tsx: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./pglite-thread.ts', import.meta.url).href,
    },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let gone: Error | undefined;
  let closing = false;
  // Until PGlite is open, a failure is the answer to opening it, not a thread lost later.
  let started = false;

  // The thread keeps the process alive only while an answer is awaited: a command that has done
  // its work exits, as it did when PGlite ran on the server's thread.
  const settled = () => {
    if (pending.size === 0) {
      worker.unref();
    }
  };
  const stop = (err: Error) => {
    if (gone) {
      return;
    }
    gone = err;
    for (const { reject } of pending.values()) {
      reject(err);
    }
    pending.clear();
    if (started && !closing) {
      onExit?.(err);
    }
  };
  const answered = (message: PgliteThreadReply) => {
    const waiting = pending.get(message.id);
    if (!waiting) {
      return;
    }
    pending.delete(message.id);
    settled();
    if (message.ok) {
      waiting.resolve(message.value);
    } else {
      waiting.reject(toError(message.error));
    }
  };
  // Answers ready together on the thread come as one message (an array).
  worker.on('message', (message: PgliteThreadReply | PgliteThreadReply[]) => {
    if (Array.isArray(message)) {
      for (const one of message) {
        answered(one);
      }
    } else {
      answered(message);
    }
  });
  worker.on('error', (err) => stop(new Error(`the database thread failed: ${err.message}`, { cause: err })));
  worker.on('exit', (code) => stop(new Error(`the database thread stopped (exit code ${code})`)));

  const send = <T>(id: number, message: PgliteThreadRequest): Promise<T> => {
    if (gone) {
      return Promise.reject(gone);
    }
    // Throws (DataCloneError) for a value that cannot be copied, before anything was sent.
    worker.postMessage(message);
    if (pending.size === 0) {
      worker.ref();
    }
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  };
  const call = async <T>(request: Request): Promise<T> => {
    const id = nextId++;
    return send<T>(id, { ...request, id } as PgliteThreadRequest);
  };

  const runner = (transaction: number | undefined): RemoteRunner => ({
    query: <T>(text: string, params: unknown[] = [], options?: QueryOptions) =>
      call<Results<T>>({ op: 'query', transaction, text, params, rowMode: rowModeOf(options) }),
    exec: (text: string, options?: QueryOptions) =>
      call<Results[]>({ op: 'exec', transaction, text, rowMode: rowModeOf(options) }),
  });

  // The thread answers 0 once PGlite is open (or with the reason it could not open).
  await new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  }).catch(async (err: unknown) => {
    closing = true;
    await worker.terminate();
    throw err;
  });
  started = true;
  settled();

  return {
    ...runner(undefined),
    transaction: async <T>(fn: (tx: RemoteRunner) => Promise<T>) => {
      const transaction = await call<number>({ op: 'begin' });
      let result: T;
      try {
        result = await fn(runner(transaction));
      } catch (err) {
        await call({ op: 'rollback', transaction }).catch(() => {});
        throw err;
      }
      await call({ op: 'commit', transaction });
      return result;
    },
    runCore: <R>(
      fn: (input: never) => Promise<R>,
      input: unknown,
      now: Date,
      { kind, readAhead }: { kind: CoreKind; readAhead: boolean },
    ) => {
      const name = CORE_NAMES.get(fn);
      if (name === undefined || gone) {
        return undefined;
      }
      const id = nextId++;
      try {
        return send<CoreRun<R>>(id, { op: 'core', name, kind, input, now, readAhead, id });
      } catch {
        // An input that cannot be copied (a function in it): the caller runs it on its own thread.
        return undefined;
      }
    },
    load: () => call<ThreadLoad>({ op: 'load' }),
    close: async () => {
      closing = true;
      if (!gone) {
        await call({ op: 'close' });
      }
      await worker.terminate();
    },
  };
};
