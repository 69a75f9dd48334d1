import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { type Database, housekeep, schema, seedDemoData } from '../src/index';
import { rowsOf } from '../src/tx';

/**
 * PGlite runs no autovacuum: the server's housekeeping does its work. A table changed past
 * autovacuum's thresholds gets statistics (the planner sees its size) and loses its dead rows;
 * a table barely touched is left alone.
 */

let database: Database;

const tableStats = async (table: string) => {
  const [row] = rowsOf<{ reltuples: number; n_dead_tup: number; analyzed: boolean }>(
    await database.db.execute(sql`
      select c.reltuples::float8 as reltuples, s.n_dead_tup::int as n_dead_tup,
             s.last_analyze is not null as analyzed
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.relname = ${table}`),
  );
  return row!;
};

beforeAll(async () => {
  database = await openTestPglite();
  await database.migrate();
  await seedDemoData({ db: database.db, hashPassword: async () => 'x' });
  // What migrations and the seed changed is counted too: a first pass takes it.
  await housekeep(database);
});

afterAll(async () => {
  await database.close();
});

describe('housekeeping on PGlite', () => {
  it('analyzes and vacuums the tables changed past the thresholds, and only those', async () => {
    const { db } = database;
    const [entryPoint] = await db.select().from(schema.entryPoints).limit(1);
    const now = new Date();
    const rows = await db
      .insert(schema.conversations)
      .values(
        Array.from({ length: 600 }, (_, i) => ({
          channel: 'livechat' as const,
          entryPointId: entryPoint!.id,
          queueId: entryPoint!.queueId,
          status: 'queued' as const,
          customerName: `Customer ${i}`,
          arrivedAt: now,
          queuedAt: now,
        })),
      )
      .returning({ id: schema.conversations.id });
    // Every conversation offered and then ended: a dead version of each row.
    await db.execute(sql`update conversations set status = 'ended'`);
    // One change to a small table: far under its threshold.
    await db.execute(sql`update queues set priority = priority where id = ${entryPoint!.queueId}`);

    const pass = await housekeep(database);

    expect(pass.analyzed).toContain('conversations');
    expect(pass.vacuumed).toContain('conversations');
    expect(pass.analyzed).not.toContain('queues');
    expect(pass.vacuumed).not.toContain('queues');
    const conversations = await tableStats('conversations');
    expect(conversations.analyzed).toBe(true);
    expect(conversations.reltuples).toBe(rows.length);
    expect(conversations.n_dead_tup).toBe(0);
    // Nothing changed since: the next pass has nothing to do.
    expect(await housekeep(database)).toEqual({ analyzed: [], vacuumed: [] });
  });
});
