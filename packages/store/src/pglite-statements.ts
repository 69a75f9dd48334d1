import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/**
 * Prepared statements for PGlite, which has none of its own: its `query` parses and plans every
 * statement again, six calls into WebAssembly each time, and for a routing decision's queries that
 * costs several times the execution (0.7 ms against 0.1 ms for the candidates query on this
 * machine). This wraps the client drizzle talks to: a statement seen twice is prepared once
 * (`PREPARE`), then run with `EXECUTE` and its values written as quoted literals, each coerced by
 * PostgreSQL to the parameter's type exactly as a bound value would be.
 *
 * Only plain SELECT, INSERT, UPDATE, DELETE and WITH statements are prepared; anything else (DDL,
 * transaction control, statements PostgreSQL refuses to prepare) goes through `query` unchanged.
 * A bounded cache (least recently used out, with DEALLOCATE) keeps statements whose text varies
 * (IN lists of any length) from piling up.
 */

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_STATEMENTS = 300;
const MAX_SEEN = 2000;
// PostgreSQL's invalid_sql_statement_name: EXECUTE of a statement that does not exist.
const INVALID_STATEMENT_NAME = '26000';
// in_failed_sql_transaction: the transaction failed before; the statement itself may be fine.
const IN_FAILED_TRANSACTION = '25P02';

/** A value as a PostgreSQL literal: quoted text that the parameter's input function reads. */
export const toLiteral = (value: unknown): string => {
  if (value === null || value === undefined) {
    return 'NULL';
  }
  return `'${toText(value).replaceAll("'", "''")}'`;
};

const toText = (value: unknown): string => {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return value.toString();
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value instanceof Uint8Array) {
    return `\\x${Buffer.from(value).toString('hex')}`;
  }
  if (Array.isArray(value)) {
    return toArrayText(value);
  }
  return JSON.stringify(value);
};

/** An array literal: `{a,"b c",NULL}`, each element quoted and escaped. */
const toArrayText = (values: unknown[]): string =>
  `{${values
    .map((v) => {
      if (v === null || v === undefined) {
        return 'NULL';
      }
      if (Array.isArray(v)) {
        return toArrayText(v);
      }
      return `"${toText(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    })
    .join(',')}}`;

/** Values that a literal writes unambiguously; anything else runs unprepared. */
const isPlainValue = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'bigint' ||
  typeof value === 'boolean' ||
  value instanceof Date ||
  value instanceof Uint8Array ||
  (Array.isArray(value) && value.every(isPlainValue)) ||
  (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype);

type Runner = Pick<Transaction, 'query' | 'exec'>;

/**
 * The types drizzle-orm reads as text and converts itself (timestamps, dates, intervals and their
 * arrays), as it asks of PGlite with every query. Given to PGlite once, at creation, so that the
 * queries can go without: PGlite copies the whole parser table for every query that brings its own.
 */
export const TEXT_TYPES = [1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231];
export const DRIZZLE_PARSERS: Record<number, (value: string) => string> = Object.fromEntries(
  TEXT_TYPES.map((oid) => [oid, (value: string) => value]),
);

/** The options without drizzle's parsers, when they are exactly those PGlite was created with. */
const withoutDrizzleParsers = (options: QueryOptions | undefined): QueryOptions | undefined => {
  const parsers = options?.parsers;
  if (!parsers || !Object.keys(parsers).every((oid) => TEXT_TYPES.includes(Number(oid)))) {
    return options;
  }
  const { parsers: _, ...rest } = options;
  return rest;
};

let wrappers = 0;

export interface StatementCacheStats {
  prepared: number;
  executed: number;
  unprepared: number;
}

/**
 * The client for drizzle-orm/pglite: PGlite's `query` and `transaction`, with prepared statements.
 * The client must have been created with `parsers: DRIZZLE_PARSERS`.
 */
export const withPreparedStatements = (
  client: PGlite,
  { maxStatements = MAX_STATEMENTS }: { maxStatements?: number } = {},
) => {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const refused = new Set<string>();
  const stats: StatementCacheStats = { prepared: 0, executed: 0, unprepared: 0 };
  let next = 0;
  // Statement names are the session's: each wrapper of a client has its own.
  const prefix = `sb${wrappers++}`;

  const remember = (text: string, name: string) => {
    names.set(text, name);
    if (names.size > maxStatements) {
      const [oldestText, oldestName] = names.entries().next().value as [string, string];
      names.delete(oldestText);
      // Not awaited: it queues behind whatever runs now, and its failure changes nothing.
      client.exec(`DEALLOCATE ${oldestName}`).catch(() => {});
    }
  };

  const run = async <T>(
    runner: Runner,
    inTransaction: boolean,
    text: string,
    params: unknown[] = [],
    drizzleOptions?: QueryOptions,
  ): Promise<Results<T>> => {
    const options = withoutDrizzleParsers(drizzleOptions);
    let name = names.get(text);
    if (name === undefined) {
      if (refused.has(text) || !PREPARABLE.test(text) || !params.every(isPlainValue)) {
        stats.unprepared++;
        return runner.query<T>(text, params, options);
      }
      if (!seen.has(text)) {
        // Seen once: run as is. Only statements that come back are worth a prepared plan.
        if (seen.size >= MAX_SEEN) {
          seen.clear();
        }
        seen.add(text);
        stats.unprepared++;
        return runner.query<T>(text, params, options);
      }
      name = `${prefix}_${next++}`;
      try {
        await runner.exec(`PREPARE ${name} AS ${text}`);
      } catch (err) {
        // PostgreSQL would not prepare it: the statement's own error, as running it would give.
        // Inside a transaction that error has ended it, so it is the answer; outside, the
        // statement runs as is (and answers the same).
        if ((err as { code?: string }).code !== IN_FAILED_TRANSACTION) {
          refused.add(text);
        }
        if (inTransaction) {
          throw err;
        }
        stats.unprepared++;
        return runner.query<T>(text, params, options);
      }
      stats.prepared++;
      const meanwhile = names.get(text);
      if (meanwhile === undefined) {
        remember(text, name);
      } else {
        // The same statement was prepared by a concurrent call: one is enough. (A name is only
        // handed out once prepared: an EXECUTE inside a transaction must never miss its statement.)
        client.exec(`DEALLOCATE ${name}`).catch(() => {});
        name = meanwhile;
      }
    } else {
      // Most recently used last.
      names.delete(text);
      names.set(text, name);
    }
    if (!params.every(isPlainValue)) {
      stats.unprepared++;
      return runner.query<T>(text, params, options);
    }
    stats.executed++;
    const call =
      params.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${params.map(toLiteral).join(', ')})`;
    try {
      const [result] = await runner.exec(call, options);
      return result as Results<T>;
    } catch (err) {
      if ((err as { code?: string }).code === INVALID_STATEMENT_NAME) {
        // Gone (deallocated by someone else): forget it, run the statement as is.
        names.delete(text);
        return runner.query<T>(text, params, options);
      }
      throw err;
    }
  };

  const wrapped = {
    query: <T>(text: string, params?: unknown[], options?: QueryOptions) =>
      run<T>(client, false, text, params, options),
    exec: (text: string, options?: QueryOptions) => client.exec(text, options),
    transaction: <T>(fn: (tx: Runner) => Promise<T>) =>
      client.transaction((tx) =>
        fn({
          query: <R>(text: string, params?: unknown[], options?: QueryOptions) =>
            run<R>(tx, true, text, params, options),
          exec: (text: string, options?: QueryOptions) => tx.exec(text, options),
        }),
      ),
    stats: () => ({ ...stats, cached: names.size }),
  };
  return wrapped;
};
