import { sql } from 'drizzle-orm';
import type { Database } from './db';
import { rowsOf } from './tx';

/**
 * PostgreSQL's autovacuum, for PGlite, which has none (it runs no background processes). Without
 * it no table is ever analyzed, so the planner works on guesses as tables grow, and dead row
 * versions (every offer, every state change) are never cleared from tables and indexes.
 *
 * One pass does what autovacuum would do now, with its default thresholds: ANALYZE each table
 * changed by more than 50 rows + 10% of its rows since it was last analyzed, VACUUM each with more
 * than 50 + 20% dead rows. On PostgreSQL it does nothing: autovacuum is there.
 *
 * PGlite has one connection: while a VACUUM runs, transactions wait for it. So the server calls
 * it every minute or so, and each pass has the work of that minute only.
 */
export interface HousekeepingPass {
  analyzed: string[];
  vacuumed: string[];
}

const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const housekeep = async (database: Database): Promise<HousekeepingPass> => {
  if (database.kind !== 'pglite') {
    return { analyzed: [], vacuumed: [] };
  }
  const { db } = database;
  // The counters are reported at intervals; the last changes are counted first.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const due = rowsOf<{ relname: string; analyze: boolean; vacuum: boolean }>(
    await db.execute(sql`
      select s.relname,
             s.n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SCALE} * greatest(c.reltuples, s.n_live_tup) as analyze,
             s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SCALE} * greatest(c.reltuples, s.n_live_tup) as vacuum
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.schemaname = 'public'
      order by s.relname`),
  );
  const pass: HousekeepingPass = { analyzed: [], vacuumed: [] };
  for (const { relname, analyze, vacuum } of due) {
    if (vacuum) {
      await db.execute(sql.raw(`vacuum ${analyze ? '(analyze) ' : ''}public.${quoteIdent(relname)}`));
      pass.vacuumed.push(relname);
    } else if (analyze) {
      await db.execute(sql.raw(`analyze public.${quoteIdent(relname)}`));
    }
    if (analyze) {
      pass.analyzed.push(relname);
    }
  }
  return pass;
};
