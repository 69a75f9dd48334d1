import { type AppError, customerEndChat, postCustomerMessage, startLiveChat } from '@switchboard/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/databases';
import { createStore, type Database, type Store, schema, seedDemoData } from '../src/index';
import { rowsOf } from '../src/tx';

/**
 * On PostgreSQL, messages arriving at one process together commit in one transaction
 * (pg-group-commit.ts): each stored once, in order, answered as alone; one that fails is refused
 * alone and the others are stored. Two processes grouping the same conversations in opposite orders
 * both commit (the group locks its conversations in one order).
 */
let drop: () => Promise<void>;
const databases: Database[] = [];
let store: Store;
let other: Store;
let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
const at = () => {
  clock += 1000;
  return new Date(clock);
};

beforeAll(async () => {
  const created = await createTestDatabase('postgres');
  drop = created.drop;
  const first = await created.open();
  await first.migrate();
  await seedDemoData({ db: first.db, hashPassword: async () => 'x' });
  const second = await created.open();
  databases.push(first, second);
  store = createStore(first);
  // A second process: a pool and a group of its own on the same database.
  other = createStore(second);
});

afterAll(async () => {
  for (const database of databases) {
    await database.close();
  }
  await drop?.();
});

const startChat = async (name: string) =>
  (
    await store.transact(
      startLiveChat,
      {
        entryPointKey: 'website',
        customerName: name,
        customerEmail: null,
        firstMessage: 'first',
        customerTokenHash: `${name}-token`,
      },
      at(),
    )
  ).value.conversation.id;

/** Each message's seq and body in its conversation, and the transaction that wrote it. */
const stored = async (conversationIds: string[]) =>
  rowsOf<{ conversation_id: string; seq: number; body: string; xid: string }>(
    await databases[0]!.db.execute(sql`
      select conversation_id, seq, body, xmin::text as xid from ${schema.messages}
      where conversation_id = any(${`{${conversationIds.join(',')}}`}::uuid[]) and seq > 1
      order by conversation_id, seq`),
  );

describe('group commit on PostgreSQL', () => {
  it('commits messages arriving together in one transaction, each stored once and in order', async () => {
    const a = await startChat('Group A');
    const b = await startChat('Group B');
    const sends: [string, string, string][] = [
      [a, 'a1', 'ka1'],
      [b, 'b1', 'kb1'],
      [a, 'a2', 'ka2'],
      [b, 'b2', 'kb2'],
      [a, 'a1', 'ka1'], // a retry: the stored message again
      [a, 'a3', 'ka3'],
    ];
    const now = at();
    const answers = await Promise.all(
      sends.map(([conversationId, body, clientMessageId]) =>
        store.transact(postCustomerMessage, { conversationId, body, clientMessageId }, now),
      ),
    );
    expect(answers.map((r) => `${r.value.body} ${r.value.seq}`)).toEqual([
      'a1 2',
      'b1 2',
      'a2 3',
      'b2 3',
      'a1 2',
      'a3 4',
    ]);
    // Only new messages are pushed.
    expect(answers.map((r) => r.events.length)).toEqual([1, 1, 1, 1, 0, 1]);
    const rows = await stored([a, b]);
    expect(rows.map((r) => `${r.body} ${r.seq}`).sort()).toEqual(['a1 2', 'a2 3', 'a3 4', 'b1 2', 'b2 3']);
    expect(new Set(rows.map((r) => r.xid)).size).toBe(1);
  });

  it('refuses a failing message alone; the others of its group are stored, gap-free', async () => {
    const a = await startChat('Failing A');
    // The customer has left this one: the group reads its state under the lock, as alone.
    const ended = await startChat('Failing ended');
    await store.transact(customerEndChat, { conversationId: ended }, at());
    const now = at();
    const sends: [string, string][] = [
      [a, 'x1'],
      [a, ''],
      [ended, 'too late'],
      [a, 'x2'],
      [a, 'x3'],
    ];
    const settled = await Promise.allSettled(
      sends.map(([conversationId, body], i) =>
        store.transact(postCustomerMessage, { conversationId, body, clientMessageId: `f${i}` }, now),
      ),
    );
    expect(
      settled.map((s) => (s.status === 'fulfilled' ? s.value.value.seq : (s.reason as AppError).code)),
    ).toEqual([2, 'MESSAGE_EMPTY', 'CONVERSATION_ENDED', 3, 4]);
    expect((await stored([a])).map((r) => `${r.body} ${r.seq}`)).toEqual(['x1 2', 'x2 3', 'x3 4']);
    expect((await stored([ended])).map((r) => r.body)).not.toContain('too late');
  });

  it('two processes grouping the same conversations in opposite orders both commit, gap-free', async () => {
    const a = await startChat('Crossed A');
    const b = await startChat('Crossed B');
    for (let round = 0; round < 10; round += 1) {
      const now = at();
      const send = (s: Store, conversationId: string, body: string) =>
        s.transact(postCustomerMessage, { conversationId, body, clientMessageId: `${body}-${round}` }, now);
      await Promise.all([
        send(store, a, 'p1'),
        send(store, b, 'p1'),
        send(other, b, 'p2'),
        send(other, a, 'p2'),
      ]);
    }
    const rows = await stored([a, b]);
    for (const id of [a, b]) {
      expect(rows.filter((r) => r.conversation_id === id).map((r) => r.seq)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 2),
      );
    }
  });
});
