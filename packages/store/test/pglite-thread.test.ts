import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AppError,
  acceptOffer,
  customerEndChat,
  postCustomerMessage,
  routeWaitingConversations,
  startLiveChat,
  type Tx,
} from '@switchboard/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/databases';
import { createStore, type Database, openDatabase, type Store, schema, seedDemoData } from '../src/index';
import { rowsOf } from '../src/tx';

/**
 * Embedded PGlite runs on a thread of its own: the server's thread sends it core's use cases (one
 * message a transaction) and drizzle's statements, and stays free meanwhile. What crosses between
 * the threads must arrive as it left: errors with their codes, transactions whole or not at all.
 */

let database: Database;
let store: Store;

beforeAll(async () => {
  database = await openTestPglite();
  await database.migrate();
  await seedDemoData({ db: database.db, hashPassword: async () => 'x' });
  store = createStore(database);
});

afterAll(async () => {
  await database.close();
});

const counter = async () => {
  const [row] = rowsOf<{ value: number }>(await database.db.execute(sql`select value from thread_counter`));
  return row?.value;
};

describe('PGlite on its own thread', () => {
  it('keeps the server thread free while the database works', async () => {
    const order: string[] = [];
    const sleeping = database.db.execute(sql`select pg_sleep(0.5)`).then(() => order.push('query done'));
    // With PGlite on the server's thread this timer could only fire once the query was over.
    await new Promise((done) => setTimeout(done, 20));
    order.push('timer fired');
    await sleeping;
    expect(order).toEqual(['timer fired', 'query done']);
  });

  it("runs core's use cases on the database thread, with their results and events", async () => {
    const input = {
      entryPointKey: 'website',
      customerName: 'Thread Customer',
      firstMessage: 'Hello from the thread test',
      customerTokenHash: 'thread-test-token',
    };
    const running = database.runCore?.(startLiveChat as never, input, new Date(), {
      kind: 'tx',
      readAhead: true,
    });
    expect(running).toBeInstanceOf(Promise);
    const run = await running;
    const outcome = run?.result as Awaited<ReturnType<typeof startLiveChat>>;
    // Nobody was Available: no offer, so no offer's view either.
    expect(run?.offers).toEqual([]);
    expect(outcome.value.conversation).toMatchObject({
      customerName: 'Thread Customer',
      channel: 'livechat',
    });
    expect(outcome.events.map((e) => e.type)).toContain('conversation.queued');
    const [stored] = await database.db
      .select()
      .from(schema.conversations)
      .where(sql`${schema.conversations.id} = ${outcome.value.conversation.id}`);
    expect(stored?.customerName).toBe('Thread Customer');
  });

  it('commits messages arriving together in one transaction: each stored once, in order, a failing one alone refused', async () => {
    const now = Date.now();
    const started = await store.transact(
      startLiveChat,
      {
        entryPointKey: 'website',
        customerName: 'Group Customer',
        customerEmail: null,
        firstMessage: 'first',
        customerTokenHash: 'group-token',
      },
      new Date(now),
    );
    const conversationId = started.value.conversation.id;
    const bodies = ['m1', 'm2', '', 'm3', 'm4', 'm5', 'm1'];
    const settled = await Promise.allSettled(
      bodies.map((body, i) =>
        store.transact(
          postCustomerMessage,
          // The last repeats the first's clientMessageId: the stored message again.
          { conversationId, body, clientMessageId: i === bodies.length - 1 ? 'g0' : `g${i}` },
          new Date(now + 1 + i),
        ),
      ),
    );
    const seqs = settled.map((s) =>
      s.status === 'fulfilled' ? s.value.value.seq : (s.reason as AppError).code,
    );
    expect(seqs).toEqual([2, 3, 'MESSAGE_EMPTY', 4, 5, 6, 2]);
    const rows = await database.db
      .select({ seq: schema.messages.seq, body: schema.messages.body })
      .from(schema.messages)
      .where(sql`${schema.messages.conversationId} = ${conversationId}`)
      .orderBy(schema.messages.seq);
    expect(rows.map((r) => `${r.seq} ${r.body}`)).toEqual([
      '1 first',
      '2 m1',
      '3 m2',
      '4 m3',
      '5 m4',
      '6 m5',
    ]);
    await store.transact(customerEndChat, { conversationId }, new Date(now + 100));
  });

  it("brings back a stored message's fan-out with the transaction's result (not an opening's)", async () => {
    const now = new Date();
    const started = await database.runCore?.(
      startLiveChat as never,
      {
        entryPointKey: 'website',
        customerName: 'Fan-out Customer',
        firstMessage: 'first',
        customerTokenHash: 'fanout-token',
      },
      now,
      { kind: 'tx', readAhead: true },
    );
    // The opening message is pushed to no one: nothing read for it.
    expect(started?.fanouts).toEqual([]);
    const { conversation } = (started!.result as Awaited<ReturnType<typeof startLiveChat>>).value;
    const posted = await database.runCore?.(
      postCustomerMessage as never,
      { conversationId: conversation.id, body: 'second', clientMessageId: 'c2' },
      new Date(now.getTime() + 1),
      { kind: 'tx', readAhead: true },
    );
    const { value: message } = posted!.result as Awaited<ReturnType<typeof postCustomerMessage>>;
    expect(posted?.fanouts).toEqual([
      [
        message.id,
        expect.objectContaining({
          message: expect.objectContaining({ id: message.id, body: 'second', author: 'customer' }),
          channel: 'livechat',
          audience: 'all',
          liveParticipantIds: [],
          pendingOffer: null,
        }),
      ],
    ]);
    // It waits no longer: the next tests route the conversations that wait.
    await store.transact(customerEndChat, { conversationId: conversation.id }, new Date(now.getTime() + 2));
  });

  it('reads the fan-outs of a commit group in one statement, each answer with its own', async () => {
    const now = Date.now();
    const started = await store.transact(
      startLiveChat,
      {
        entryPointKey: 'website',
        customerName: 'Group Fan-out',
        customerEmail: null,
        firstMessage: 'first',
        customerTokenHash: 'group-fanout-token',
      },
      new Date(now),
    );
    const conversationId = started.value.conversation.id;
    // Sent at once, they commit together (group-commit.ts).
    const bodies = ['a', 'b', 'c', 'd'];
    const runs = await Promise.allSettled(
      bodies.map(
        (body, i) =>
          database.runCore!(
            postCustomerMessage as never,
            { conversationId, body, clientMessageId: `gf${i}` },
            new Date(now + 1 + i),
            { kind: 'tx', readAhead: true },
          )!,
      ),
    );
    expect(runs.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    for (const run of runs) {
      if (run.status === 'fulfilled') {
        const { value: message } = run.value.result as Awaited<ReturnType<typeof postCustomerMessage>>;
        // Exactly its own, as reading it alone gives it.
        expect(run.value.fanouts).toEqual([[message.id, await store.views.readMessageFanout(message.id)]]);
        expect(run.value.fanouts[0]?.[1].message.body).toBe(message.body);
      }
    }
    // The group's statement gives what one statement per message gives, for those found.
    const ids = runs.flatMap((r) =>
      r.status === 'fulfilled' ? [(r.value.result as { value: { id: string } }).value.id] : [],
    );
    const many = await store.views.readMessageFanouts([...ids, randomUUID()]);
    expect(many).toEqual(
      await Promise.all(ids.map(async (id) => [id, await store.views.readMessageFanout(id)])),
    );
    await store.transact(customerEndChat, { conversationId }, new Date(now + 100));
  });

  it("reads the views of a use case's new offers right after its commit, for the offer's push", async () => {
    const arrive = async (customerName: string) =>
      (
        await store.transact(
          startLiveChat,
          {
            entryPointKey: 'website',
            customerName,
            customerEmail: null,
            firstMessage: 'Is anyone there?',
            customerTokenHash: `token-${customerName}`,
          },
          new Date(),
        )
      ).value.conversation.id;
    const conversationId = await arrive('Read Ahead');
    await database.db.execute(
      sql`update users set state = 'available', available_since = now() where email = 'alice@example.com'`,
    );
    const outcome = await store.transact(routeWaitingConversations, {}, new Date());
    const made = outcome.events.find(
      (e) => e.type === 'offer.created' && e.conversationId === conversationId,
    );
    const offerId = made?.type === 'offer.created' ? made.offerId : '';
    expect(offerId).not.toBe('');
    // The thread is kept busy: a view read from the database now would come after the sleep.
    const order: string[] = [];
    const sleeping = database.db.execute(sql`select pg_sleep(0.3)`).then(() => order.push('database free'));
    const pushed = await store.views.getOfferWithContext(offerId).then((view) => {
      order.push('view');
      return view;
    });
    await sleeping;
    expect(order).toEqual(['view', 'database free']);
    expect(pushed?.offer).toMatchObject({
      id: offerId,
      conversationId,
      customerName: 'Read Ahead',
      agentName: 'Alice Agent',
      channel: 'livechat',
      preview: [expect.objectContaining({ body: 'Is anyone there?', author: 'customer' })],
    });
    // Taken once: a second read is the database's, and the same.
    expect(await store.views.getOfferWithContext(offerId)).toEqual(pushed);

    // Asked for no views, the thread reads none.
    await database.db.execute(sql`update users set state = 'offline' where email = 'alice@example.com'`);
    await arrive('No Views');
    await database.db.execute(
      sql`update users set state = 'available', available_since = now() where email = 'alice@example.com'`,
    );
    const run = await database.runCore?.(routeWaitingConversations as never, {}, new Date(), {
      kind: 'tx',
      readAhead: false,
    });
    const routed = run?.result as Awaited<ReturnType<typeof routeWaitingConversations>> | undefined;
    expect(routed?.events.map((e) => e.type)).toContain('offer.created');
    expect(run?.offers).toEqual([]);
  });

  it("answers a committed transaction with its result even when its offers' views cannot be read", async () => {
    const own = await openTestPglite();
    try {
      await seedDemoData({ db: own.db, hashPassword: async () => 'x' });
      const ownStore = createStore(own);
      const { value } = await ownStore.transact(
        startLiveChat,
        {
          entryPointKey: 'website',
          customerName: 'Unviewable',
          customerEmail: null,
          firstMessage: 'Hello?',
          customerTokenHash: 'token-unviewable',
        },
        new Date(),
      );
      await own.db.execute(
        sql`update users set state = 'available', available_since = now() where email = 'alice@example.com'`,
      );
      // An offer's view reads the settings (for masking): without them no view can be read.
      await own.db.execute(sql`drop table settings`);
      const outcome = await ownStore.transact(routeWaitingConversations, {}, new Date());
      const made = outcome.events.find((e) => e.type === 'offer.created');
      expect(made).toMatchObject({ conversationId: value.conversation.id });
      const [stored] = await own.db
        .select()
        .from(schema.offers)
        .where(sql`${schema.offers.conversationId} = ${value.conversation.id}`);
      expect(stored?.status).toBe('pending');
      // The push's own read of the view fails then, with the reason.
      const offerId = made?.type === 'offer.created' ? made.offerId : '';
      await expect(ownStore.views.getOfferWithContext(offerId)).rejects.toMatchObject({
        cause: { code: '42P01' },
      });
    } finally {
      await own.close();
    }
  });

  it("gives core's errors back as core's errors, with their codes", async () => {
    const failing = store.transact(
      acceptOffer,
      {
        offerId: '00000000-0000-4000-8000-000000000000',
        agentId: '00000000-0000-4000-8000-000000000001',
        agentName: 'A',
      },
      new Date(),
    );
    await expect(failing).rejects.toBeInstanceOf(AppError);
    await expect(failing).rejects.toMatchObject({ code: 'OFFER_NOT_FOUND', status: 404 });
  });

  it("gives PostgreSQL's errors back with their codes", async () => {
    const failing = database.db.execute(sql`select * from no_such_table`);
    await expect(failing).rejects.toMatchObject({ cause: { code: '42P01' } });
  });

  it('runs functions that are not core exports on the server thread, in one transaction all the same', async () => {
    const local = async ({ tx }: { tx: Tx }) => (await tx.entryPoints.getByKey('website'))?.key;
    const options = { kind: 'tx', readAhead: false } as const;
    expect(database.runCore?.(local as never, {}, new Date(), options)).toBeUndefined();
    await expect(store.transact(local, {}, new Date())).resolves.toBe('website');
    // An input that cannot be copied to the other thread (a function) stays here too.
    expect(
      database.runCore?.(startLiveChat as never, { callback: () => {} }, new Date(), options),
    ).toBeUndefined();
  });

  it('commits a transaction of single statements whole, or rolls it back whole', async () => {
    await database.db.execute(sql`create table thread_counter (value int not null)`);
    await database.db.execute(sql`insert into thread_counter values (10)`);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update thread_counter set value = value + 1`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await counter()).toBe(10);
    // A statement that fails inside the transaction ends it: nothing of it stays.
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update thread_counter set value = value + 1`);
        await tx.execute(sql`insert into thread_counter values (null)`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23502' } });
    expect(await counter()).toBe(10);
    // Two transactions at once run one after the other: neither update is lost.
    const increment = () =>
      database.db.transaction(async (tx) => {
        const [row] = rowsOf<{ value: number }>(await tx.execute(sql`select value from thread_counter`));
        await new Promise((done) => setTimeout(done, 10));
        await tx.execute(sql`update thread_counter set value = ${row!.value + 1}`);
      });
    await Promise.all([increment(), increment(), increment()]);
    expect(await counter()).toBe(13);
  });
});

describe('the database thread starting and stopping', () => {
  it('refuses a data directory it cannot use, with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-thread-'));
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'not a database');
    try {
      await expect(openDatabase({ dataDir: notADirectory })).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers every call after closing with a clear error', async () => {
    const closed = await openDatabase({});
    await closed.close();
    await expect(closed.ping()).rejects.toThrow(/database thread stopped/);
  });

  it('does not keep a process alive once its work is done', () => {
    // A command that opens the database, runs a statement and forgets to close it still ends.
    const script = `
      import { openDatabase } from '@switchboard/store';
      const database = await openDatabase({});
      await database.ping();
      process.stdout.write('pinged');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      timeout: 60_000,
      encoding: 'utf8',
    });
    expect(child.stdout).toBe('pinged');
    expect(child.status).toBe(0);
  });
});
