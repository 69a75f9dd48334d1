/**
 * Routing benchmark, on embedded PGlite in memory, with 1,000 agents and 20,000 conversations:
 *
 *   node --import tsx bench/routing/run.ts
 *
 * Prints one JSON object:
 * - arrival-to-offer p50/p99: the app built as the server builds it, listening on loopback, every
 *   agent logged in with a real socket (socket.io-client); customers start chats at 100/s and the
 *   time runs from sending the POST to the `offer.created` frame on the chosen agent's socket;
 * - decision time per routing run (one transaction, up to 100 offers) at 1,000 and at 20,000
 *   waiting conversations;
 * - decisions per second: offers created per second of routing time while the 20,000 are routed
 *   (agents' capacity is large enough for all of them), for at most BENCH_DRAIN_S seconds.
 *
 * Not a test: it asserts nothing, it says whether the targets were met.
 */
import { performance } from 'node:perf_hooks';
import { AGENT_NAMESPACE } from '@switchboard/contracts';
import { routeWaitingConversations } from '@switchboard/core';
import { createStore, openDatabase, seedDemoData } from '@switchboard/store';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { io as ioClient, type Socket } from 'socket.io-client';
import { buildApp } from '../../apps/server/src/app/build-app';
import { createUseCaseRunner } from '../../apps/server/src/app/services';
import { loadConfig } from '../../apps/server/src/config';
import { hashPassword } from '../../apps/server/src/http/passwords';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20_000);
const ARRIVAL_RATE = 100;
const ARRIVALS = Number(process.env.BENCH_ARRIVALS ?? 1000);
const DRAIN_S = Number(process.env.BENCH_DRAIN_S ?? 60);
const BATCH = 100;
const TARGETS = { decisionsPerSecond: 2000, p99ArrivalToOfferMs: 25, flatRatioMax: 1.5 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : Number.NaN;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (m: string) => process.stderr.write(`[bench/routing] ${m}\n`);

const database = await openDatabase({});
await database.migrate();
await seedDemoData({ db: database.db, hashPassword: (p) => hashPassword(p, { cost: 1024 }) });
const db = database.db;
const passwordHash = await hashPassword('demo-password', { cost: 1024 });
// Capacity for every conversation at once: decisions are never limited by it.
const chatLimit = Math.ceil(CONVERSATIONS / AGENTS) + 5;
await db.execute(sql`
  insert into users (email, name, role, password_hash, chat_limit, state, available_since)
  select 'bench' || g || '@example.com', 'Bench Agent ' || g, 'agent', ${passwordHash}, ${chatLimit},
         'available', now() - (g || ' seconds')::interval
  from generate_series(1, ${AGENTS}) g`);
await db.execute(sql`
  insert into team_members (team_id, user_id)
  select (select id from teams limit 1), id from users where email like 'bench%'`);
await db.execute(sql`update queues set offer_timeout_seconds = 600`);
log(`${AGENTS} agents (limit ${chatLimit}) in PGlite`);

// 1. Arrival to offer, on real sockets, at 100 arrivals/s.
const latency = await (async () => {
  const logger = pino({ level: 'silent' });
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000000',
    CHAT_START_RATE_LIMIT: '1000000',
  });
  const server = await buildApp({
    config,
    store: createStore(database),
    clock: { now: () => new Date() },
    logger,
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  await server.start();
  const { port } = server.app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const offeredAt = new Map<string, number>();
  const sockets: Socket[] = [];
  const emails = Array.from({ length: AGENTS }, (_, i) => `bench${i + 1}@example.com`);
  for (let i = 0; i < emails.length; i += 50) {
    await Promise.all(
      emails.slice(i, i + 50).map(async (email) => {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'demo-password' }),
        });
        if (res.status !== 200) {
          throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
        }
        const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
        const socket = ioClient(`${base}${AGENT_NAMESPACE}`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: { cookie },
        });
        socket.on('offer.created', (offer: { conversationId: string }) => {
          offeredAt.set(offer.conversationId, performance.now());
        });
        await new Promise<void>((done, fail) => {
          socket.once('connect', () => done());
          socket.once('connect_error', fail);
        });
        sockets.push(socket);
      }),
    );
  }
  log(`${sockets.length} agent sockets connected; ${ARRIVALS} arrivals at ${ARRIVAL_RATE}/s`);
  const sentAt = new Map<string, number>();
  // An overloaded server resets connections: counted, not fatal.
  let failedStarts = 0;
  const starts: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < ARRIVALS; i++) {
    const due = t0 + (i * 1000) / ARRIVAL_RATE;
    const wait = due - performance.now();
    if (wait > 0) {
      await sleep(wait);
    }
    const sent = performance.now();
    starts.push(
      fetch(`${base}/api/livechat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entryPoint: 'website', name: `Customer ${i}`, message: 'Hello' }),
      })
        .then((r) => r.json())
        .then((body: { conversation: { id: string } }) => {
          sentAt.set(body.conversation.id, sent);
        })
        .catch(() => {
          failedStarts++;
        }),
    );
  }
  await Promise.all(starts);
  const achievedRate = ARRIVALS / ((performance.now() - t0) / 1000);
  const until = performance.now() + 30_000;
  while (performance.now() < until && [...sentAt.keys()].some((id) => !offeredAt.has(id))) {
    await sleep(50);
  }
  const samples = [...sentAt].flatMap(([id, sent]) => {
    const got = offeredAt.get(id);
    return got === undefined ? [] : [got - sent];
  });
  for (const s of sockets) {
    s.close();
  }
  await server.stop();
  return {
    arrivals: ARRIVALS,
    achievedArrivalsPerSecond: round(achievedRate, 1),
    failedStarts,
    offered: samples.length,
    p50Ms: round(quantile(samples, 0.5)),
    p99Ms: round(quantile(samples, 0.99)),
    maxMs: round(Math.max(...samples)),
  };
})();
log(`arrival-to-offer p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms`);

// Routing alone from here: no listeners, so only the decision's own transaction is timed.
const store = createStore(database);
const run = createUseCaseRunner({ store, bus: { publish: () => {} }, clock: { now: () => new Date() } });
const reset = async () => {
  await db.execute(sql`delete from timers`);
  await db.execute(sql`delete from offers`);
  await db.execute(sql`delete from participants`);
  await db.execute(sql`delete from messages`);
  await db.execute(sql`delete from conversations`);
  await db.execute(sql`update users set last_offered_at = null where email like 'bench%'`);
};
const addWaiting = async (n: number) => {
  await db.execute(sql`
    insert into conversations (channel, entry_point_id, queue_id, status, customer_name, arrived_at, queued_at)
    select 'livechat', e.id, e.queue_id, 'queued', 'Waiting ' || g,
           now() - interval '1 hour' + (g || ' milliseconds')::interval,
           now() - interval '1 hour' + (g || ' milliseconds')::interval
    from entry_points e, generate_series(1, ${n}) g where e.key = 'website'`);
};
const waitingCount = async () => {
  const r = await db.execute(sql`select count(*)::int as n from conversations where status = 'queued'`);
  return Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n);
};
const timeRuns = async (runs: number) => {
  const ms: number[] = [];
  let offers = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const { offered } = await run(routeWaitingConversations, { maxOffers: BATCH });
    ms.push(performance.now() - t);
    offers += offered;
  }
  return { ms, offers };
};

// 2. Decision time per run at 1,000 and at 20,000 waiting: the same runs (5 of 100 offers) from a fresh queue.
const decisionAt = async (waiting: number) => {
  await reset();
  await addWaiting(waiting);
  const before = await waitingCount();
  const { ms, offers } = await timeRuns(5);
  return {
    waiting: before,
    runs: ms.length,
    offersPerRun: offers / ms.length,
    medianRunMs: round(quantile(ms, 0.5)),
    perDecisionMs: round(quantile(ms, 0.5) / (offers / ms.length), 3),
  };
};
const at1k = await decisionAt(1000);
log(`decision run at 1,000 waiting: ${at1k.medianRunMs} ms`);
const at20k = await decisionAt(CONVERSATIONS);
log(`decision run at ${CONVERSATIONS} waiting: ${at20k.medianRunMs} ms`);

// 3. Decisions per second: route the 20,000 (bounded in time).
await reset();
await addWaiting(CONVERSATIONS);
let decided = 0;
let routingMs = 0;
const runMs: number[] = [];
const drainUntil = performance.now() + DRAIN_S * 1000;
while (performance.now() < drainUntil) {
  const t = performance.now();
  const { offered } = await run(routeWaitingConversations, { maxOffers: BATCH });
  const dt = performance.now() - t;
  routingMs += dt;
  runMs.push(dt);
  decided += offered;
  if (offered === 0) {
    break;
  }
}
const decisionsPerSecond = decided / (routingMs / 1000);
const leftWaiting = await waitingCount();
log(`${decided} decisions in ${round(routingMs / 1000)} s of routing`);
await database.close();

const flatRatio = at20k.medianRunMs / at1k.medianRunMs;
const result = {
  bench: 'routing',
  database: 'pglite (in memory)',
  agents: AGENTS,
  conversations: CONVERSATIONS,
  batchPerRun: BATCH,
  decisions: {
    decided,
    leftWaiting,
    routingSeconds: round(routingMs / 1000),
    perSecond: round(decisionsPerSecond, 1),
    runMsFirst: round(runMs[0] ?? Number.NaN),
    runMsLast: round(runMs.at(-1) ?? Number.NaN),
    complete: leftWaiting === 0,
  },
  arrivalToOffer: latency,
  decisionTime: { at1000Waiting: at1k, at20000Waiting: at20k, ratio20kTo1k: round(flatRatio) },
  targets: {
    decisionsPerSecond: {
      target: `>= ${TARGETS.decisionsPerSecond}`,
      measured: round(decisionsPerSecond, 1),
      met: decisionsPerSecond >= TARGETS.decisionsPerSecond,
      shortfallFactor: round(TARGETS.decisionsPerSecond / decisionsPerSecond),
    },
    p99ArrivalToOfferMs: {
      target: `<= ${TARGETS.p99ArrivalToOfferMs}`,
      measured: latency.p99Ms,
      met: latency.p99Ms <= TARGETS.p99ArrivalToOfferMs,
    },
    decisionTimeFlat: {
      target: `run at 20,000 waiting <= ${TARGETS.flatRatioMax} x run at 1,000`,
      measured: round(flatRatio),
      met: flatRatio <= TARGETS.flatRatioMax,
    },
  },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
