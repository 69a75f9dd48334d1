/**
 * Channels benchmark, on embedded PGlite in a fresh temporary data directory on disk, as
 * `npm start` runs it (removed afterwards):
 *
 *   node --import tsx bench/channels/run.ts
 *
 * Prints one JSON object:
 * - inbound: signed WhatsApp webhooks verified, stored and routed per second, and the time to the
 *   200 (p50/p99), with the CPU time the server's process spent per message (both threads), and its
 *   database thread's busy time and (Linux) CPU time per message, posted from another process (clients.ts) at BENCH_CONCURRENCY (16) at once;
 *   BENCH_INBOUND (3,000) messages from BENCH_CONTACTS (300) customers, so most continue a
 *   conversation and 300 start one (queued; no agent is Available);
 * - replays: one delivery posted BENCH_REPLAYS (10,000) times: the answers, and how many
 *   messages were stored (1);
 * - outbound: BENCH_OUTBOUND (2,000) agent replies queued in the outbox, spread over the
 *   conversations the inbound run opened, then sent through it to a fake WhatsApp API in another
 *   process: sends per second until the last is answered, with the server's CPU time and its
 *   database thread's busy and CPU time per message sent.
 *
 * Not a test: it asserts nothing; it says whether the targets were met.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { postAgentMessage } from '@switchboard/core';
import { createStore, openDatabase, seedDemoData } from '@switchboard/store';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../../apps/server/src/app/build-app';
import { loadConfig } from '../../apps/server/src/config';
import { hashPassword } from '../../apps/server/src/http/passwords';

const INBOUND = Number(process.env.BENCH_INBOUND ?? 3000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 10_000);
const OUTBOUND = Number(process.env.BENCH_OUTBOUND ?? 2000);
const TARGETS = { inboundPerSecond: 1000, p99ToOkMs: 50, outboundPerSecond: 500 };
const WA = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+15550001111',
  accessToken: 'bench',
  appSecret: 'bench-secret',
  verifyToken: 'v',
};

const log = (m: string) => process.stderr.write(`[bench/channels] ${m}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : Number.NaN;
};
const clients = fileURLToPath(new URL('./clients.ts', import.meta.url));
const child = (args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', clients, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
const firstLine = (c: ChildProcess) =>
  new Promise<string>((done, fail) => {
    let out = '';
    c.stdout?.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        done(out.slice(0, nl));
      }
    });
    c.once('exit', (code) => fail(new Error(`clients exited with ${code}`)));
  });

const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-channels-'));
const database = await openDatabase({ dataDir });
await database.migrate();
await seedDemoData({ db: database.db, hashPassword: (p) => hashPassword(p, { cost: 1024 }) });

const provider = child(['provider']);
const { port: providerPort } = JSON.parse(await firstLine(provider)) as { port: number };
const providerUrl = `http://127.0.0.1:${providerPort}`;

const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'silent',
  SECRETS_KEY: '5b'.repeat(32),
  SIMULATOR: 'false',
});
const store = createStore(database);
const server = await buildApp({
  config,
  store,
  clock: { now: () => new Date() },
  logger: pino({ level: 'silent' }),
});
await server.app.listen({ port: 0, host: '127.0.0.1' });
await server.start();
const address = server.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const login = async (email: string) => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  const body = (await res.json()) as { csrfToken: string; user: { id: string; name: string } };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, ...body };
};
const ada = await login('ada@example.com');
const call = async (who: typeof ada, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of the API's answers
  return res.json() as Promise<any>;
};
const queues = await call(ada, 'GET', '/api/admin/queues');
const queueId = queues.queues.find((q: { name: string }) => q.name === 'Support').id;
const entry = await call(ada, 'POST', '/api/admin/entry-points', {
  channel: 'whatsapp',
  name: 'Bench',
  queueId,
  apiBaseUrl: providerUrl,
  ...WA,
});
const path = `/webhooks/whatsapp/${entry.id}`;
log(`server on ${base}, fake provider on ${providerUrl}`);

const post = async (count: number, replay: boolean, run: string) => {
  const c = child([
    'webhooks',
    JSON.stringify({
      base,
      path,
      appSecret: WA.appSecret,
      phoneNumberId: WA.phoneNumberId,
      count,
      concurrency: CONCURRENCY,
      contacts: CONTACTS,
      replay,
      run,
    }),
  ]);
  return JSON.parse(await firstLine(c)) as {
    seconds: number;
    latencies: number[];
    statuses: Record<string, number>;
    cpuMs: number;
  };
};
const countRows = async (query: ReturnType<typeof sql>) =>
  Number(((await database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);

// Warm-up: the first requests compile and plan.
await post(200, false, 'warm');
const warmMessages = await countRows(sql`select count(*)::int as n from messages`);

// 1. Inbound.
log(`inbound: ${INBOUND} deliveries at concurrency ${CONCURRENCY}`);
const cpu0 = process.cpuUsage();
const load0 = await database.load?.();
const inboundRun = await post(INBOUND, false, 'measured');
await server.settle();
const cpu1 = process.cpuUsage(cpu0);
// The server's process (both its threads; the clients run in another) and its database thread alone.
const inboundCpuMs = (cpu1.user + cpu1.system) / 1000;
const load1 = await database.load?.();
const inboundDatabaseMs = (load1?.active ?? Number.NaN) - (load0?.active ?? Number.NaN);
// Its CPU time too (Linux): steadier than its busy time on a loaded machine, which also counts
// the time the thread waited for a core.
const inboundDatabaseCpuMs = (load1?.cpuMs ?? Number.NaN) - (load0?.cpuMs ?? Number.NaN);
const stored = (await countRows(sql`select count(*)::int as n from messages`)) - warmMessages;

// 2. Replays of one delivery.
log(`replays: ${REPLAYS} of one delivery`);
const replayRun = await post(REPLAYS, true, 'replay');
const replayStored = await countRows(
  sql`select count(*)::int as n from messages where provider_message_id = 'wamid.REPLAYED'`,
);

// 3. Outbound through the outbox.
log(`outbound: ${OUTBOUND} replies through the outbox`);
const alice = await login('alice@example.com');
// Alice holds every conversation the inbound run opened; the replies go round them, so that
// conversations are sent side by side (each one's replies go out in order, one at a time).
const conversationIds = (
  (await database.db.execute(
    sql`select id from conversations where channel = 'whatsapp' order by arrived_at`,
  )) as unknown as {
    rows: { id: string }[];
  }
).rows.map((r) => r.id);
await database.db.execute(sql`insert into participants (conversation_id, user_id, channel, state, joined_at)
  select id, ${alice.user.id}, 'whatsapp', 'active', now() from conversations where channel = 'whatsapp'`);
await database.db.execute(sql`update conversations set status = 'active' where channel = 'whatsapp'`);
await server.outbox.stop();
for (let i = 0; i < OUTBOUND; i++) {
  await server.ctx.run(postAgentMessage, {
    conversationId: conversationIds[i % conversationIds.length]!,
    agentId: alice.user.id,
    agentName: alice.user.name,
    body: `Antwort ${i}`,
    clientMessageId: `bench-${i}`,
  });
}
const sentBefore = Number(((await (await fetch(providerUrl)).json()) as { count: number }).count);
const t0 = performance.now();
const outCpu0 = process.cpuUsage();
const outLoad0 = await database.load?.();
server.outbox.start();
let sent = 0;
while (sent < OUTBOUND) {
  await new Promise((r) => setTimeout(r, 20));
  sent = Number(((await (await fetch(providerUrl)).json()) as { count: number }).count) - sentBefore;
}
const outboundSeconds = (performance.now() - t0) / 1000;
await server.outbox.idle();
const outCpu1 = process.cpuUsage(outCpu0);
const outLoad1 = await database.load?.();
const markedSent = await countRows(
  sql`select count(*)::int as n from messages where delivery_status = 'sent'`,
);

const inboundPerSecond = INBOUND / inboundRun.seconds;
const result = {
  backend: 'pglite (on disk)',
  inbound: {
    deliveries: INBOUND,
    contacts: CONTACTS,
    concurrency: CONCURRENCY,
    perSecond: round(inboundPerSecond),
    p50Ms: round(quantile(inboundRun.latencies, 0.5), 2),
    p99Ms: round(quantile(inboundRun.latencies, 0.99), 2),
    serverCpuMsPerMessage: round(inboundCpuMs / INBOUND, 3),
    databaseThreadMsPerMessage: round(inboundDatabaseMs / INBOUND, 3),
    databaseThreadCpuMsPerMessage: round(inboundDatabaseCpuMs / INBOUND, 3),
    // The load generator's process (it shares this machine's cores).
    generatorCpuMsPerMessage: round(inboundRun.cpuMs / INBOUND, 3),
    statuses: inboundRun.statuses,
    messagesStored: stored,
  },
  replays: {
    deliveries: REPLAYS,
    perSecond: round(REPLAYS / replayRun.seconds),
    p99Ms: round(quantile(replayRun.latencies, 0.99), 2),
    statuses: replayRun.statuses,
    messagesStored: replayStored,
  },
  outbound: {
    messages: OUTBOUND,
    conversations: conversationIds.length,
    perSecond: round(OUTBOUND / outboundSeconds),
    seconds: round(outboundSeconds, 2),
    // This process (server, both threads; the fake provider runs in another) and its database
    // thread alone, per message sent.
    serverCpuMsPerMessage: round((outCpu1.user + outCpu1.system) / 1000 / OUTBOUND, 3),
    databaseThreadMsPerMessage: round(
      ((outLoad1?.active ?? Number.NaN) - (outLoad0?.active ?? Number.NaN)) / OUTBOUND,
      3,
    ),
    databaseThreadCpuMsPerMessage: round(
      ((outLoad1?.cpuMs ?? Number.NaN) - (outLoad0?.cpuMs ?? Number.NaN)) / OUTBOUND,
      3,
    ),
    markedSent,
  },
  targets: TARGETS,
  met: {
    inboundPerSecond: inboundPerSecond >= TARGETS.inboundPerSecond,
    p99ToOkMs: quantile(inboundRun.latencies, 0.99) <= TARGETS.p99ToOkMs,
    outboundPerSecond: OUTBOUND / outboundSeconds >= TARGETS.outboundPerSecond,
    replaysStoredOnce: replayStored === 1,
  },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await server.stop();
provider.kill();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
