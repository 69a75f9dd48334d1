import { asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/databases';
import { builtSqlStatements, builtStatement, builtStatements } from '../src/built-statements';
import type { Database } from '../src/db';
import { settings, teams } from '../src/schema';

// The statements under test: built once, run in whatever transaction they are given.
const teamByName = builtStatement((db) =>
  db
    .select()
    .from(teams)
    .where(eq(teams.name, sql.placeholder('name'))),
);
const teamsLike = builtStatements((db, limit: number) =>
  db
    .select({ name: teams.name })
    .from(teams)
    .where(like(teams.name, sql.placeholder('pattern')))
    .orderBy(asc(teams.name))
    .limit(limit),
);
const writeSetting = builtStatement((db) =>
  db
    .insert(settings)
    .values({
      key: sql.placeholder('key'),
      value: sql.placeholder('value'),
      updatedAt: sql.placeholder('at'),
    })
    .returning(),
);
const countTeams = builtSqlStatements<'all', { n: number }>(
  () => sql`select count(*)::int as n from ${teams} where name like ${sql.placeholder('pattern')}`,
);

describe.each(BACKENDS)('built statements on %s', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabase(backend);
    database = await created.open();
    drop = created.drop;
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('run inside the transaction they are given: they see its writes, and a rollback takes theirs back', async () => {
    let seenInside: unknown[] = [];
    const rolledBack = await database.db
      .transaction(async (tx) => {
        await tx.insert(teams).values({ name: "O'Brien's team" });
        seenInside = await teamByName(tx, { name: "O'Brien's team" });
        tx.rollback();
      })
      .catch((err: Error) => err);
    expect(seenInside).toEqual([{ id: expect.any(String), name: "O'Brien's team" }]);
    expect(rolledBack).toBeInstanceOf(Error);
    expect(await teamByName(database.db, { name: "O'Brien's team" })).toEqual([]);

    const committed = await database.db.transaction(async (tx) => {
      await tx.insert(teams).values({ name: 'Billing' });
      return teamByName(tx, { name: 'Billing' });
    });
    expect(committed).toEqual([{ id: expect.any(String), name: 'Billing' }]);
    // The same statement, run again with other values, answers for those values.
    expect(await teamByName(database.db, { name: 'Sales' })).toEqual([]);
  });

  it('write each value through its column, as the query written out would (dates, JSON)', async () => {
    const at = new Date('2026-11-22T10:11:12.345Z');
    const value = { quote: 'it\'s "quoted"', list: [1, 2], nested: { on: true } };
    const [written] = await writeSetting(database.db, { key: 'test.built', value, at });
    expect(written).toMatchObject({ key: 'test.built', value, updatedAt: at });
    const [read] = await database.db.select().from(settings).where(eq(settings.key, 'test.built'));
    expect(read).toMatchObject({ value, updatedAt: at });
  });

  it('keep one text per key of a family, each with its own limit', async () => {
    await database.db.insert(teams).values([{ name: 'Key A' }, { name: 'Key B' }, { name: 'Key C' }]);
    expect(await teamsLike(database.db, 1, { pattern: 'Key %' })).toEqual([{ name: 'Key A' }]);
    expect(await teamsLike(database.db, 2, { pattern: 'Key %' })).toEqual([
      { name: 'Key A' },
      { name: 'Key B' },
    ]);
    expect(await teamsLike(database.db, 1, { pattern: 'Key C%' })).toEqual([{ name: 'Key C' }]);
    expect(await countTeams(database.db, 'all', { pattern: 'Key %' })).toEqual([{ n: 3 }]);
  });
});
