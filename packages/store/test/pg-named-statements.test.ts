import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/databases';
import { createStatementNames, namedStatementClient } from '../src/pg-named-statements';

/**
 * On PostgreSQL a query text seen twice runs as a prepared statement (parsed and planned once per
 * connection), with the same rows and errors as unnamed, and survives a table changing under it.
 */
describe('prepared statements on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let pool: pg.Pool;
  let url: string;

  beforeAll(async () => {
    const created = await createTestDatabase('postgres');
    drop = created.drop;
    url = created.url!;
    pool = new pg.Pool({
      connectionString: url,
      max: 1,
      Client: namedStatementClient(createStatementNames()),
    });
    await pool.query('create table notes (id int primary key, body text)');
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  const prepared = async (client: pg.PoolClient) =>
    (await client.query('select statement from pg_prepared_statements')).rows.map((r) => r.statement);

  it('prepares a text on its second run and answers as before, values bound', async () => {
    const insert = { text: 'insert into notes (id, body) values ($1, $2) returning body' };
    const client = await pool.connect();
    try {
      expect((await client.query(insert, [1, "it's"])).rows).toEqual([{ body: "it's" }]);
      expect(await prepared(client)).toEqual([]);
      expect((await client.query(insert, [2, null])).rows).toEqual([{ body: null }]);
      expect(await prepared(client)).toEqual([insert.text]);
      expect((await client.query(insert, [3, 'three'])).rows).toEqual([{ body: 'three' }]);
      // An error of the statement's own is the same error, named or not.
      await expect(client.query(insert, [3, 'again'])).rejects.toMatchObject({ code: '23505' });
      // Transaction control and the pool's own callback form go through as they are.
      await client.query('begin');
      await client.query('rollback');
    } finally {
      client.release();
    }
    const select = { text: 'select body from notes where id = $1' };
    expect((await pool.query(select, [1])).rows).toEqual([{ body: "it's" }]);
    expect((await pool.query(select, [3])).rows).toEqual([{ body: 'three' }]);
    expect((await pool.query(select, [2])).rows).toEqual([{ body: null }]);
  });

  it('after a migration changes what a statement returns: runs again at once, or fails once in a transaction, then under a new name', async () => {
    const outside = { text: `select * from notes where id = $1 -- ${randomUUID()}` };
    const inside = { text: `select * from notes where id = $1 -- ${randomUUID()}` };
    const client = await pool.connect();
    try {
      for (const query of [outside, outside, inside, inside]) {
        await client.query(query, [1]);
      }
      expect(await prepared(client)).toEqual(expect.arrayContaining([outside.text, inside.text]));
      // Another process migrates: the prepared plans' result type no longer holds.
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      await other.query('alter table notes add column extra int');
      await other.end();
      const now = [{ id: 1, body: "it's", extra: null }];
      // Outside a transaction the query simply runs again, prepared anew, and answers the new shape.
      expect((await client.query(outside, [1])).rows).toEqual(now);
      expect((await client.query(outside, [1])).rows).toEqual(now);
      // In one, the transaction has failed: PostgreSQL's error comes back (the use-case runner
      // runs the transaction again), and the text has a new name, prepared afresh on first use.
      await client.query('begin');
      await expect(client.query(inside, [1])).rejects.toMatchObject({ code: '0A000' });
      await client.query('rollback');
      await client.query('begin');
      expect((await client.query(inside, [1])).rows).toEqual(now);
      await client.query('commit');
      // Prepared again under its new name (the old one is never used again).
      expect((await prepared(client)).filter((text) => text === inside.text)).toHaveLength(2);
    } finally {
      client.release();
    }
  });
});
