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
 * processes) fails with "cached plan must not change result type": that connection sends the text
 * unnamed from then on, and outside a transaction runs the failed query once more, unnamed.
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
  return (text: string): string | undefined => {
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
    const name = `sb_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
};

/** A pg.Client class whose queries are named by `nameOf` (see above); for `new pg.Pool({Client})`. */
export const namedStatementClient = (nameOf: (text: string) => string | undefined) =>
  class NamedStatementClient extends pg.Client {
    /** Names whose statement on this connection outlived its plan: their texts go unnamed here. */
    private readonly stale = new Set<string>();

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
      const name = plain ? nameOf((config as QueryConfig).text) : undefined;
      if (name === undefined || this.stale.has(name)) {
        return super.query(config, values, callback);
      }
      // Outside a transaction a failed statement can simply run again.
      const alone = this.getTransactionStatus() === 'I';
      const result = (super.query({ ...(config as QueryConfig), name }, values) as Promise<unknown>).catch(
        (err: unknown) => {
          const { code, message } = err as { code?: string; message?: string };
          if (code !== PLAN_CHANGED || !message?.includes('cached plan must not change result type')) {
            throw err;
          }
          this.stale.add(name);
          if (!alone) {
            throw err;
          }
          return super.query(config, values);
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
