import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLiteral, withPreparedStatements } from '../src/pglite-statements';

let client: PGlite;

beforeAll(async () => {
  client = await PGlite.create();
  await client.exec(`create table things (
    id int primary key, name text, at timestamptz, tags text[], doc jsonb, ok boolean, big bigint, raw bytea)`);
});
afterAll(async () => {
  await client.close();
});

const awkward = [
  "O'Brien",
  'back\\slash \\x41 and \\\\',
  'semi; drop table things; --',
  'line\nbreak\ttab',
  'émoji 🎉 and “quotes”',
  '$1 $$ dollar $body$',
  '',
];

describe('literals for EXECUTE', () => {
  it('quotes text so that nothing in it ends the literal', () => {
    expect(toLiteral("O'Brien")).toBe("'O''Brien'");
    expect(toLiteral(null)).toBe('NULL');
    expect(toLiteral(undefined)).toBe('NULL');
    expect(toLiteral(12)).toBe("'12'");
    expect(toLiteral(true)).toBe("'true'");
    expect(toLiteral(new Date('2026-01-02T03:04:05.678Z'))).toBe("'2026-01-02T03:04:05.678Z'");
    expect(toLiteral(['a', 'b "c"', null])).toBe(`'{"a","b \\"c\\"",NULL}'`);
  });
});

describe('prepared statements on PGlite', () => {
  it('reads back exactly what a bound query writes, the first time and once prepared', async () => {
    const prepared = withPreparedStatements(client);
    const insert =
      'insert into things (id, name, at, tags, doc, ok, big, raw) values ($1, $2, $3, $4, $5, $6, $7, $8)';
    let id = 0;
    for (const name of awkward) {
      for (let round = 0; round < 3; round++) {
        id++;
        const values = [
          id,
          name,
          new Date(Date.UTC(2026, 0, 1, 0, 0, 0, id)),
          [name, 'x,y', 'q"uote', 'NULL'],
          JSON.stringify({ name, n: id, nested: { quote: "'" } }),
          id % 2 === 0,
          BigInt('9007199254740993') + BigInt(id),
          new Uint8Array([0, 1, 2, 255, id % 256]),
        ];
        await prepared.query(insert, values);
      }
    }
    const read = 'select id, name, at, tags, doc, ok, big::text as big, raw from things where id = $1';
    for (let i = 1; i <= id; i++) {
      const plain = await client.query(read, [i]);
      // Three times: unprepared, then prepared and executed twice.
      for (let round = 0; round < 3; round++) {
        expect((await prepared.query(read, [i])).rows).toEqual(plain.rows);
      }
      expect((plain.rows[0] as { name: string }).name).toBe(awkward[Math.floor((i - 1) / 3)]);
    }
    expect(prepared.stats().executed).toBeGreaterThan(0);
  });

  it('keeps PostgreSQL’s error, with its code and constraint, from a prepared statement', async () => {
    const prepared = withPreparedStatements(client);
    const insert = 'insert into things (id, name) values ($1, $2)';
    await prepared.query(insert, [1001, 'a']);
    await prepared.query(insert, [1002, 'b']);
    await expect(prepared.query(insert, [1001, 'again'])).rejects.toMatchObject({
      code: '23505',
      constraint: 'things_pkey',
    });
    expect(prepared.stats().executed).toBeGreaterThan(0);
  });

  it('runs statements it may not prepare (DDL) as they are', async () => {
    const prepared = withPreparedStatements(client);
    await prepared.query('create table other (id int)');
    await prepared.query('drop table other');
    expect(prepared.stats()).toMatchObject({ prepared: 0, executed: 0, unprepared: 2 });
  });

  it('prepares inside transactions, and a rolled-back transaction leaves the statement usable', async () => {
    const prepared = withPreparedStatements(client);
    const insert = 'insert into things (id, name) values ($1, $2)';
    await expect(
      prepared.transaction(async (tx) => {
        await tx.query(insert, [2001, 'one']);
        await tx.query(insert, [2002, 'two']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await client.query('select id from things where id in (2001, 2002)')).rows).toEqual([]);
    await prepared.transaction(async (tx) => {
      await tx.query(insert, [2003, 'three']);
    });
    expect((await client.query('select name from things where id = 2003')).rows).toEqual([{ name: 'three' }]);
    expect(prepared.stats().executed).toBeGreaterThanOrEqual(2);
  });

  it('keeps at most so many statements, and answers right after letting the oldest go', async () => {
    const prepared = withPreparedStatements(client, { maxStatements: 3 });
    for (let round = 0; round < 3; round++) {
      for (let k = 0; k < 8; k++) {
        const { rows } = await prepared.query<{ v: number }>(`select $1::int + ${k} as v`, [round]);
        expect(rows).toEqual([{ v: round + k }]);
      }
    }
    expect(prepared.stats().cached).toBeLessThanOrEqual(3);
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_prepared_statements',
    );
    expect(rows[0]!.n).toBeLessThanOrEqual(3 + 4);
  });

  it('prepares a statement once when calls for it come at the same time', async () => {
    const prepared = withPreparedStatements(client);
    const text = 'select $1::int * 2 as v';
    expect((await prepared.query<{ v: number }>(text, [1])).rows).toEqual([{ v: 2 }]);
    const answers = await Promise.all([2, 3, 4, 5].map((n) => prepared.query<{ v: number }>(text, [n])));
    expect(answers.map((a) => a.rows[0]!.v)).toEqual([4, 6, 8, 10]);
    // Let the DEALLOCATE of the spare ones run.
    await client.query('select 1');
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_prepared_statements where statement like '%$1::int * 2%'`,
    );
    expect(rows[0]!.n).toBe(1);
  });
});
