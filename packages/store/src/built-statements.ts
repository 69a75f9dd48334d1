import type { Query, SQL } from 'drizzle-orm';
import {
  PgDatabase,
  PgDialect,
  PgPreparedQuery,
  type PgQueryResultHKT,
  PgSession,
  type PreparedQueryConfig,
  type SelectedFieldsOrdered,
} from 'drizzle-orm/pg-core';

/**
 * Statements whose SQL is built once. drizzle builds a query's text from its parts every time it
 * runs: for the seven statements of a customer's arrival that was 0.66 of 4.4 ms (measured
 * in-process, PGlite) and most of the 800 KB of short-lived objects each arrival left to the
 * garbage collector. A built statement keeps what drizzle builds (the text, its parameters with
 * `sql.placeholder`s among them, the fields to map rows to) and runs it in whatever transaction it
 * is given: drizzle fills the placeholders (through each column's encoder) and maps the rows with
 * each column's decoder, as it does for the query written out.
 *
 * Values a statement's text depends on (how many rows, a LIMIT written in) go in the key of a
 * `builtStatements` family: one text per key.
 */

/** What a query builder hands its session when it is prepared: all that running it needs. */
interface Built {
  query: Query;
  fields: SelectedFieldsOrdered | undefined;
  arrayMode: boolean;
  mapper: ((rows: unknown[][]) => unknown) | undefined;
  joinsNotNullableMap: Record<string, boolean> | undefined;
}

class RecordedQuery extends PgPreparedQuery<PreparedQueryConfig> {
  constructor(readonly built: Omit<Built, 'joinsNotNullableMap'>) {
    super(built.query, undefined, undefined);
  }
  execute(): Promise<never> {
    return Promise.reject(new Error('a statement being built does not run'));
  }
}

/** A session that runs nothing: it keeps what a builder's `prepare` gives it. */
class RecordingSession extends PgSession {
  prepareQuery<T extends PreparedQueryConfig>(
    query: Query,
    fields: SelectedFieldsOrdered | undefined,
    _name: string | undefined,
    arrayMode: boolean,
    mapper?: (rows: unknown[][]) => T['execute'],
  ): PgPreparedQuery<T> {
    return new RecordedQuery({ query, fields, arrayMode, mapper }) as unknown as PgPreparedQuery<T>;
  }
  transaction(): Promise<never> {
    return Promise.reject(new Error('a statement being built does not run'));
  }
}

const dialect = new PgDialect();
/** The database statements are built on: the builders' SQL, no connection. */
export type BuildDb = PgDatabase<PgQueryResultHKT>;
const recorder: BuildDb = new PgDatabase(dialect, new RecordingSession(dialect), undefined);

/** A transaction (or database) to run a built statement in. */
export interface RunDb {
  // biome-ignore lint/suspicious/noExplicitAny: any schema; only the session's prepareQuery is used
  readonly _: { readonly session: PgSession<PgQueryResultHKT, any, any> };
}

type Values = Record<string, unknown>;
interface Preparable<R> {
  prepare(name: string): { execute(values?: Values): Promise<R> };
}

const run = async <R>(db: RunDb, built: Built, values: Values): Promise<R> => {
  const prepared = db._.session.prepareQuery(
    built.query,
    built.fields,
    undefined,
    built.arrayMode,
    built.mapper,
  ) as PgPreparedQuery<PreparedQueryConfig> & { joinsNotNullableMap?: Record<string, boolean> };
  if (built.joinsNotNullableMap) {
    prepared.joinsNotNullableMap = built.joinsNotNullableMap;
  }
  return (await prepared.execute(values)) as R;
};

const record = (query: Preparable<unknown>): Built => {
  const recorded = query.prepare('built') as unknown as RecordedQuery & {
    joinsNotNullableMap?: Record<string, boolean>;
  };
  return { ...recorded.built, joinsNotNullableMap: recorded.joinsNotNullableMap };
};

/** At most this many texts are kept per family; the least recently used goes first. */
const MAX_KEYS = 500;

const familyOf = <K>(record: (key: K) => Built) => {
  const family = new Map<K, Built>();
  return (key: K): Built => {
    let built = family.get(key);
    if (built) {
      // Most recently used last.
      family.delete(key);
    } else {
      built = record(key);
      if (family.size >= MAX_KEYS) {
        family.delete(family.keys().next().value as K);
      }
    }
    family.set(key, built);
    return built;
  };
};

/** A family of statements, one text per key (built on its first use). */
export const builtStatements = <K extends string | number, R>(
  build: (db: BuildDb, key: K) => Preparable<R>,
) => {
  const get = familyOf((key: K) => record(build(recorder, key)));
  return (db: RunDb, key: K, values: Values = {}): Promise<R> => run<R>(db, get(key), values);
};

/** A raw SQL statement's family (see builtStatements); each answers the driver's rows. */
export const builtSqlStatements = <K extends string | number, Row>(build: (key: K) => SQL) => {
  const get = familyOf(
    (key: K): Built => ({
      query: dialect.sqlToQuery(build(key)),
      fields: undefined,
      arrayMode: false,
      mapper: undefined,
      joinsNotNullableMap: undefined,
    }),
  );
  return async (db: RunDb, key: K, values: Values = {}): Promise<Row[]> =>
    (await run<{ rows: Row[] }>(db, get(key), values)).rows;
};

/**
 * A query builder's statement (select, insert, update, delete; their placeholders named with
 * `sql.placeholder`), built on first use. Its result is what the builder's own would be.
 */
export const builtStatement = <R>(build: (db: BuildDb) => Preparable<R>) => {
  const only = builtStatements((db, _key: 'only') => build(db));
  return (db: RunDb, values: Values = {}): Promise<R> => only(db, 'only', values);
};
