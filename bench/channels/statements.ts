/**
 * Where the database thread's time goes for a provider message, statement by statement: PGlite in
 * this process (on disk, in a fresh temporary directory), core's use cases run in commit groups as
 * the PGlite thread runs them (group-commit.ts), then the group's fan-outs read as the thread reads
 * them after the commit. Each statement is timed by its text; a pass prints the wall time and the
 * process's CPU time per message and the statements' shares. Live-chat messages are measured the
 * same way, for comparison.
 *
 *   node --import tsx bench/channels/statements.ts
 *
 * BENCH_MESSAGES (3,000) per pass from BENCH_CONTACTS (300) customers, in groups of BENCH_GROUP (8),
 * BENCH_ROUNDS (3) rounds of live chat then provider messages. Not a test; prints text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import {
  type DomainEvent,
  postCustomerMessage,
  receiveProviderMessage,
  startLiveChat,
} from '@switchboard/core';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Db } from '../../packages/store/src/db';
import { DRIZZLE_PARSERS, withPreparedStatements } from '../../packages/store/src/pglite-statements';
import * as schema from '../../packages/store/src/schema';
import { seedDemoData } from '../../packages/store/src/seed';
import { type TxFunction, transactOn } from '../../packages/store/src/transact';
import { createViews } from '../../packages/store/src/views';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 300);
const GROUP = Number(process.env.BENCH_GROUP ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-statements-'));
const client = await PGlite.create({ dataDir, parsers: DRIZZLE_PARSERS });
await client.exec('set wal_init_zero = off');

// Every call into PGlite timed, keyed by its statement's text (an EXECUTE by the text prepared).
const times = new Map<string, { n: number; ms: number }>();
const prepared = new Map<string, string>();
let timing = false;
const count = (key: string, ms: number) => {
  if (timing) {
    const entry = times.get(key) ?? { n: 0, ms: 0 };
    entry.n++;
    entry.ms += ms;
    times.set(key, entry);
  }
};
const keyOf = (text: string) => {
  const name = /^EXECUTE (\w+)/.exec(text)?.[1];
  return (name ? (prepared.get(name) ?? text) : text).replace(/\s+/g, ' ').trim().slice(0, 100);
};
const timed =
  <A extends unknown[], R>(call: (text: string, ...rest: A) => Promise<R>) =>
  async (text: string, ...rest: A): Promise<R> => {
    const prepare = /^PREPARE (\w+) AS ([\s\S]*)$/.exec(text);
    if (prepare) {
      prepared.set(prepare[1]!, prepare[2]!);
    }
    const t0 = performance.now();
    try {
      return await call(text, ...rest);
    } finally {
      count(keyOf(text), performance.now() - t0);
    }
  };
type Runner = Pick<PGlite, 'query' | 'exec'>;
const timedRunner = (runner: Runner) => ({
  query: timed((text: string, params?: unknown[], options?: QueryOptions) =>
    runner.query(text, params, options),
  ),
  exec: timed((text: string, options?: QueryOptions) => runner.exec(text, options)),
});
const timedClient = {
  ...timedRunner(client),
  transaction: async <T>(fn: (tx: Runner) => Promise<T>) => {
    const t0 = performance.now();
    try {
      return await client.transaction((tx) => fn(timedRunner(tx) as unknown as Runner));
    } finally {
      count('(whole transaction, statements included)', performance.now() - t0);
    }
  },
};
const statements = withPreparedStatements(timedClient as unknown as PGlite);
const db = drizzle(statements as unknown as PGlite, { schema }) as unknown as Db;
await migrate(db as never, {
  migrationsFolder: resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/store/drizzle'),
});
await seedDemoData({ db, hashPassword: async () => 'x' });
const here = transactOn(db, { oneConnection: true });
const views = createViews(db);
const [queue] = await db.select().from(schema.queues).where(eq(schema.queues.name, 'Support'));
const [entry] = await db
  .insert(schema.entryPoints)
  .values({
    key: 'bench-whatsapp',
    name: 'Bench',
    channel: 'whatsapp',
    queueId: queue!.id,
    providerConfig: { phoneNumberId: '106540352242922', displayPhoneNumber: '+15550001111' },
  })
  .returning();

type Item = { fn: TxFunction<unknown, { events: DomainEvent[] }>; input: unknown; now: Date };
let clock = Date.now();
const provider = (run: string, i: number): Item => ({
  fn: receiveProviderMessage as never,
  input: {
    entryPointId: entry!.id,
    message: {
      kind: 'message',
      providerMessageId: `wamid.${run}.${i}`,
      identity: `4917${String(i % CONTACTS).padStart(8, '0')}`,
      profileName: `Customer ${i % CONTACTS}`,
      body: `Hallo ${i}`,
      at: new Date(),
    },
  },
  now: new Date(clock++),
});

const pass = async (label: string, item: (i: number) => Item, n: number, print = true) => {
  times.clear();
  timing = true;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i += GROUP) {
    const group = Array.from({ length: Math.min(GROUP, n - i) }, (_, j) => item(i + j));
    const results = await here.transactGroup(group);
    const t1 = performance.now();
    await views.readMessageFanouts(
      results.flatMap((r) =>
        r.events.flatMap((e) => (e.type === 'message.created' && !e.opening ? [e.messageId] : [])),
      ),
    );
    count('(fan-out reads, statement included)', performance.now() - t1);
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  timing = false;
  if (!print) {
    return;
  }
  process.stdout.write(
    `\n${label}: ${n} messages in groups of ${GROUP}: ${(wall / n).toFixed(3)} ms wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU per message\n`,
  );
  for (const [key, v] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
    process.stdout.write(
      `${(v.ms / n).toFixed(3).padStart(7)} ms/message ${String(v.n).padStart(6)}x  ${key}\n`,
    );
  }
};

// Warm-up: every contact starts its conversation; statements get prepared.
await pass('provider, warm-up', (i) => provider('warm', i), Math.max(600, CONTACTS), false);
const conversations: string[] = [];
for (let i = 0; i < CONTACTS; i++) {
  const started = (await here.transact(
    startLiveChat as never,
    {
      entryPointKey: 'website',
      customerName: `C${i}`,
      customerEmail: null,
      firstMessage: 'hi',
      customerTokenHash: `h${i}`,
    },
    new Date(clock++),
  )) as { value: { conversation: { id: string } } };
  conversations.push(started.value.conversation.id);
}
const livechat = (run: string, i: number): Item => ({
  fn: postCustomerMessage as never,
  input: {
    conversationId: conversations[i % conversations.length],
    body: `Hallo ${i}`,
    clientMessageId: `${run}-${i}`,
  },
  now: new Date(clock++),
});
await pass('live chat, warm-up', (i) => livechat('warm', i), 600, false);
for (let round = 1; round <= ROUNDS; round++) {
  await pass(`live chat ${round}`, (i) => livechat(`r${round}`, i), MESSAGES);
  await pass(`provider ${round}`, (i) => provider(`r${round}`, i), MESSAGES);
}
await client.close();
rmSync(dataDir, { recursive: true, force: true });
