import pg from 'pg';

/**
 * Prepared statements on PostgreSQL. drizzle sends every query unnamed, so PostgreSQL parses and
 * plans it again each time: a customer's message (the lock, the append's CTE, the fan-out read) was
 * a third of PostgreSQL's CPU per message. node-postgres prepares a statement that has a `name`
 * once per connection and afterwards sends only its values (Bind, Execute); this client gives each
 * query text seen twice a name of its own, so every pooled connection prepares it on first use.
 *
 * Bounded: at most MAX_NAMES texts are named per process (texts that vary without end, such as IN
 * lists of every length, stay unnamed past that), so a connection holds at most that many.
 * Only plain SELECT, INSERT, UPDATE, DELETE and WITH statements are named; transaction control and
 * DDL go as they are.
 *
 * A statement prepared before a migration changed a table it returns (a rolling upgrade of several
 * processes) fails with "cached plan must not change result type": its text gets a new name, which
 * every connection prepares afresh on first use, and outside a transaction the failed query runs
 * once more at once. In a transaction the error stands (the transaction has failed); the use-case
 * runner runs the transaction again (isRetryableTransactionFailure).
 */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_NAMES = 1000;
const MAX_SEEN = 5000;
// feature_not_supported, as PostgreSQL answers a prepared statement whose result type changed.
const PLAN_CHANGED = '0A000';

interface QueryConfig {
  text: string;
  name?: string;
  values?: unknown[];
  [key: string]: unknown;
}

/** The names of one process's statements: shared by all its connections. */
export const createStatementNames = () => {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  let made = 0;
  return {
    /** The text's name; undefined while it should run unnamed. */
    nameOf: (text: string): string | undefined => {
      const named = names.get(text);
      if (named !== undefined) {
        return named;
      }
      if (names.size >= MAX_NAMES || !PREPARABLE.test(text)) {
        return undefined;
      }
      if (!seen.has(text)) {
        // Seen once: a one-off text is not worth a statement on every connection.
        if (seen.size >= MAX_SEEN) {
          seen.clear();
        }
        seen.add(text);
        return undefined;
      }
      seen.delete(text);
      made += 1;
      const name = `sb_${made}`;
      names.set(text, name);
      return name;
    },
    /**
     * The statement named `stale` outlived its plan (a migration changed what it returns): its
     * text gets a new name, prepared afresh by each connection on first use. Returns the new name.
     */
    renew: (text: string, stale: string): string | undefined => {
      if (names.get(text) === stale) {
        made += 1;
        names.set(text, `sb_${made}`);
      }
      return names.get(text);
    },
  };
};

export type StatementNames = ReturnType<typeof createStatementNames>;

/** Whether an error is PostgreSQL's answer to a prepared statement whose result type changed. */
export const isPlanChanged = (err: unknown): boolean => {
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  return code === PLAN_CHANGED && message?.includes('cached plan must not change result type') === true;
};

/** A pg.Client class whose queries are named by `names` (see above); for `new pg.Pool({Client})`. */
export const namedStatementClient = (names: StatementNames) =>
  class NamedStatementClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; the others pass through.
    override query(config: any, values?: any, callback?: any): any {
      // A query config of drizzle's: text and values, no name, run for its promise or a callback
      // (the pool's own query passes one).
      const plain =
        typeof config === 'object' &&
        config !== null &&
        typeof (config as QueryConfig).text === 'string' &&
        (config as QueryConfig).name === undefined &&
        typeof (config as { submit?: unknown }).submit !== 'function' &&
        (values === undefined || Array.isArray(values)) &&
        (callback === undefined || typeof callback === 'function');
      const text = plain ? (config as QueryConfig).text : '';
      const name = plain ? names.nameOf(text) : undefined;
      if (name === undefined) {
        return super.query(config, values, callback);
      }
      // Outside a transaction a failed statement can simply run again.
      const alone = this.getTransactionStatus() === 'I';
      const result = (super.query({ ...(config as QueryConfig), name }, values) as Promise<unknown>).catch(
        (err: unknown) => {
          if (!isPlanChanged(err)) {
            throw err;
          }
          const renewed = names.renew(text, name);
          if (!alone) {
            throw err;
          }
          return super.query(renewed ? { ...(config as QueryConfig), name: renewed } : config, values);
        },
      );
      if (callback === undefined) {
        return result;
      }
      result.then(
        (res) => callback(undefined, res),
        (err: unknown) => callback(err),
      );
      return undefined;
    }
  };
