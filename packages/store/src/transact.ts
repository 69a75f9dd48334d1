import type { AdminTx, Conversation, Tx } from '@switchboard/core';
import { createAdminRepository } from './admin-repository';
import type { Db } from './db';
import { createTx } from './tx';

/**
 * A function of core that works in one transaction: a use case, or a check such as
 * `authorizeParticipant`. Its input and result are plain data, so that the store can run it where
 * the database is (PGlite's thread, see `pglite-thread.ts`) without its callers changing.
 */
export type TxFunction<I, R> = (input: I & { tx: Tx; now: Date }) => Promise<R>;
export type AdminTxFunction<I, R> = (input: I & { tx: Tx; admin: AdminTx; now: Date }) => Promise<R>;

/** Runs core's transaction functions on `db`: one drizzle transaction each, `now` as the time of the change. */
export const transactOn = (db: Db, { oneConnection }: { oneConnection: boolean }) => ({
  transact: <I, R>(fn: TxFunction<I, R>, input: I, now: Date): Promise<R> =>
    db.transaction((dbTx) => fn({ ...input, tx: createTx(dbTx, { oneConnection }), now })),
  /**
   * Several functions, in order, in one transaction (see group-commit.ts): all commit, or none.
   * `lockFirst` runs before them in the same transaction (the locks a group takes in one order)
   * and gives the rows it locked to the functions' first locks of them (createTx's `prelocked`).
   */
  transactGroup: async <R>(
    items: readonly { fn: TxFunction<unknown, R>; input: unknown; now: Date }[],
    lockFirst?: (dbTx: Db) => Promise<Map<string, Conversation>>,
  ): Promise<R[]> =>
    db.transaction(async (dbTx) => {
      const prelocked = await lockFirst?.(dbTx as unknown as Db);
      const tx = createTx(dbTx, { oneConnection, prelocked });
      const results: R[] = [];
      for (const { fn, input, now } of items) {
        results.push(await fn({ ...(input as object), tx, now }));
      }
      return results;
    }),
  transactAdmin: <I, R>(fn: AdminTxFunction<I, R>, input: I, now: Date): Promise<R> =>
    db.transaction((dbTx) =>
      fn({ ...input, tx: createTx(dbTx, { oneConnection }), admin: createAdminRepository(dbTx), now }),
    ),
});
