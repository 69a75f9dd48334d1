/**
 * End-to-end load: customer messages per second through one real server process (the entry point,
 * as `npm start` runs it, on PGlite in a fresh temporary data directory), each acknowledged by the
 * server and pushed to an agent's socket; then, BENCH_FLOOD_ROUNDS times (3), the same with a typing
 * flooder beside them and alone again: each round's cost is taken against the mean of the phases
 * alone around it, and the flooder's cost is the median of the rounds.
 *
 *   node --import tsx bench/load/run.ts
 *
 * BENCH_SENDERS customers (default 16), each in a conversation accepted by alice or bob (limits
 * raised to 12), send messages one after another for BENCH_SECONDS (default 10) per phase. A
 * message's time runs from sending its POST to its `message.created` frame on the agent's socket.
 * In a flooded phase one more customer floods `typing` as fast as its socket carries it, and
 * reconnects whenever the server disconnects it. `bench/load/flood-cost.ts` measures what the
 * flooder alone costs the server's CPU.
 *
 * Each phase also gives the CPU time the server's process and its database thread spent per message.
 *
 *   BENCH_BACKEND=postgres node --import tsx bench/load/run.ts
 *
 * runs the scale-out path instead: two server processes on one PostgreSQL with durable commits
 * (PostgreSQL's defaults: fsync, synchronous commit) and one Redis, both throw-away servers started
 * from the system's binaries (test/services.ts); the senders and the two agents' sockets are split
 * between the processes, so most pushes cross Redis.
 *
 * Prints one JSON object; it asserts nothing, it says whether the targets were met. The load
 * generator runs on the same two cores as the server.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { type Service, startThrowawayPostgres, startThrowawayRedis } from '../../test/services';
import { cpuMsOf, freePort, startFlooder, startServer } from './processes';

const SENDERS = Number(process.env.BENCH_SENDERS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGETS = { messagesPerSecond: 1000, p99PostToAgentMs: 100, flooderCostMax: 0.1 };
const log = (m: string) => process.stderr.write(`[bench/load] ${m}\n`);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : Number.NaN;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const POSTGRES = process.env.BENCH_BACKEND === 'postgres';
const limits = { CHAT_START_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '1000' };
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-load-'));
const services: Service[] = [];
const servers: ChildProcess[] = [];
const bases: string[] = [];
if (POSTGRES) {
  const postgres = await startThrowawayPostgres({ durable: true });
  services.push(postgres);
  const redis = await startThrowawayRedis();
  services.push(redis);
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('create database switchboard_load');
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = '/switchboard_load';
  // One after the other: the first migrates and seeds the demo data.
  for (let i = 0; i < 2; i += 1) {
    const port = await freePort();
    servers.push(
      await startServer({
        ...limits,
        PORT: String(port),
        DATABASE_URL: url.toString(),
        REDIS_URL: redis.url,
        SEED_DEMO: 'true',
      }),
    );
    bases.push(`http://127.0.0.1:${port}`);
  }
} else {
  const port = await freePort();
  servers.push(await startServer({ ...limits, PORT: String(port), DATA_DIR: dataDir }));
  bases.push(`http://127.0.0.1:${port}`);
}
const base = bases[0]!;
/** The process the i-th sender (or agent) talks to: spread over all of them. */
const baseOf = (i: number) => bases[i % bases.length]!;

const json = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of known answers.
  const answer: any = await res.json().catch(() => null);
  return { status: res.status, body: answer, headers: res.headers };
};

const login = async (email: string) => {
  const res = await json('POST', '/api/auth/login', { email, password: 'demo-password' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    id: res.body.user.id as string,
    headers: { cookie, 'x-csrf-token': res.body.csrfToken as string },
  };
};

const socketOf = (path: string, opts: Record<string, unknown>, on = base) =>
  new Promise<Socket>((done, fail) => {
    const socket = io(`${on}${path}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...opts,
    });
    socket.once('connect', () => done(socket));
    socket.once('connect_error', fail);
  });

// Two agents with room for every sender.
const ada = await login('ada@example.com');
const agents = await Promise.all(['alice@example.com', 'bob@example.com'].map(login));
for (const agent of agents) {
  await json('PATCH', `/api/admin/users/${agent.id}`, { limits: { livechat: 12 } }, ada.headers);
}
const pending = new Map<string, number>();
const latencies: number[] = [];
for (const [i, agent] of agents.entries()) {
  const socket = await socketOf('/agent', { extraHeaders: { cookie: agent.headers.cookie } }, baseOf(i));
  socket.on('offer.created', (offer: { id: string }) => {
    void json('POST', `/api/offers/${offer.id}/accept`, {}, agent.headers);
  });
  socket.on('message.created', ({ message }: { message: { body: string } }) => {
    const sent = pending.get(message.body);
    if (sent !== undefined) {
      pending.delete(message.body);
      latencies.push(performance.now() - sent);
    }
  });
  await json('PUT', '/api/agent/state', { state: 'available' }, agent.headers);
}

const startChat = async (name: string) => {
  const res = await json('POST', '/api/livechat/conversations', {
    entryPoint: 'website',
    name,
    message: 'hello',
  });
  return { id: res.body.conversation.id as string, token: res.body.token as string };
};
const customers = await Promise.all(Array.from({ length: SENDERS }, (_, i) => startChat(`Sender ${i}`)));
// Wait until every conversation is accepted: a message then reaches an agent.
for (;;) {
  const states = await Promise.all(
    customers.map((c) =>
      json('GET', `/api/livechat/conversations/${c.id}`, undefined, { authorization: `Bearer ${c.token}` }),
    ),
  );
  if (states.every((s) => s.body?.status === 'active')) {
    break;
  }
  await new Promise((r) => setTimeout(r, 100));
}

/**
 * CPU the server processes have used so far, and the time the database thread (PGlite) has worked
 * (from /metrics): per message these say where the time goes.
 */
const serverCpuMs = () => cpuMsOf(servers.map((s) => s.pid));
/** The load generator's other processes (the flooder) while they run. */
const generators: ChildProcess[] = [];
/** PostgreSQL's processes and Redis's (the PostgreSQL run): their share of the machine per message. */
const servicesCpuMs = () => services.map((s) => cpuMsOf(s.pids()));
/** The whole machine's busy time across its cores, from /proc/stat (everything, not just this run). */
const machineBusyMs = () => {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return ((ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle) * 1000) / 100;
};
const databaseThreadMs = async () => {
  if (POSTGRES) {
    return Number.NaN; // PostgreSQL's own processes do the database work.
  }
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('switchboard_database_thread_busy_seconds_total'));
  return line ? Number(line.split(' ')[1]) * 1000 : Number.NaN;
};

/**
 * The senders' POST through node:http on kept-alive connections: fetch cost the load generator,
 * which shares the server's two cores, twice the CPU per message.
 */
const keepAlive = new Agent({ keepAlive: true, maxSockets: SENDERS });
const post = (url: string, body: string, token: string) =>
  new Promise<number>((done, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: keepAlive,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => done(res.statusCode ?? 0));
      },
    );
    req.once('error', fail);
    req.end(body);
  });

/** Every sender sends one message after the other for SECONDS; returns the phase's figures. */
const phase = async (label: string) => {
  latencies.length = 0;
  const cpu0 = serverCpuMs();
  const services0 = servicesCpuMs();
  const generator0 = process.cpuUsage();
  const children0 = cpuMsOf(generators.map((g) => g.pid));
  const machine0 = machineBusyMs();
  const started = performance.now();
  const db0 = await databaseThreadMs();
  let acknowledged = 0;
  let failed = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    customers.map(async (c, i) => {
      while (performance.now() < until) {
        const body = `${label} ${randomUUID()}`;
        pending.set(body, performance.now());
        const status = await post(
          `${baseOf(i)}/api/livechat/conversations/${c.id}/messages`,
          JSON.stringify({ body, clientMessageId: randomUUID() }),
          c.token,
        );
        if (status === 201) {
          acknowledged += 1;
        } else {
          failed += 1;
          pending.delete(body);
        }
      }
    }),
  );
  // The last pushes arrive just after the last acknowledgements.
  for (let i = 0; i < 50 && pending.size > 0; i += 1) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const cpuMs = serverCpuMs() - cpu0;
  const [postgresMs = 0, redisMs = 0] = servicesCpuMs().map((ms, i) => ms - (services0[i] ?? 0));
  const generator = process.cpuUsage(generator0);
  const childrenMs = cpuMsOf(generators.map((g) => g.pid)) - children0;
  const machineMs = machineBusyMs() - machine0;
  const elapsedMs = performance.now() - started;
  const dbMs = (await databaseThreadMs()) - db0;
  const perMessage = (ms: number) => round(ms / Math.max(1, acknowledged), 3);
  return {
    messagesPerSecond: round(acknowledged / SECONDS),
    serverCpuMsPerMessage: perMessage(cpuMs),
    databaseThreadMsPerMessage: perMessage(dbMs),
    ...(POSTGRES
      ? { postgresCpuMsPerMessage: perMessage(postgresMs), redisCpuMsPerMessage: perMessage(redisMs) }
      : {}),
    // This process and the flooder's, when it runs.
    loadGeneratorCpuMsPerMessage: perMessage((generator.user + generator.system) / 1000 + childrenMs),
    // Busy time of every core, whatever ran on them: near 2 × 1,000 ms a second is CPU-bound.
    machineBusyMsPerMessage: perMessage(machineMs),
    machineBusyShare: round(machineMs / (elapsedMs * availableParallelism()), 2),
    failed,
    pushedToAgent: latencies.length,
    p50PostToAgentMs: round(quantile(latencies, 0.5)),
    p99PostToAgentMs: round(quantile(latencies, 0.99)),
  };
};

log(`${SENDERS} senders, ${SECONDS} s a phase`);
await phase('warm-up');
const alone = await phase('alone');
log(`alone: ${JSON.stringify(alone)}`);

// The flooder: a customer of its own in a process of its own (bench/load/flooder.ts), typing as
// fast as its socket carries it, back after each kick. Its CPU counts with the generator's.
const flooderChat = await startChat('Flooder');
const floodedPhase = async (label: string) => {
  const flooder = await startFlooder({ base, token: flooderChat.token, conversationId: flooderChat.id });
  generators.push(flooder.child);
  const figures = await phase(label);
  generators.pop();
  const flood = await flooder.stop();
  return { ...figures, flooderEventsPerSecond: round(flood.sent / SECONDS), ...flood };
};

// BENCH_FLOOD_ROUNDS (3) flooded phases, each between two phases alone: each round's cost is
// taken against the mean of the phases alone just before and after it, so that what drifts over
// the run (the data growing, a checkpoint or housekeeping pass landing in one phase) is not counted
// as the flooder's, and the median of the rounds passes over one disturbed by anything else.
const ROUNDS = Number(process.env.BENCH_FLOOD_ROUNDS ?? 3);
const alonePhases = [alone];
const floodedPhases: Awaited<ReturnType<typeof floodedPhase>>[] = [];
const roundCosts: number[] = [];
for (let r = 0; r < ROUNDS; r += 1) {
  const flooded = await floodedPhase(`flooded-${r}`);
  log(`with flooder: ${JSON.stringify(flooded)}`);
  const after = await phase(`alone-${r + 1}`);
  log(`alone: ${JSON.stringify(after)}`);
  const before = alonePhases.at(-1)!;
  roundCosts.push(1 - flooded.messagesPerSecond / ((before.messagesPerSecond + after.messagesPerSecond) / 2));
  floodedPhases.push(flooded);
  alonePhases.push(after);
}
const cost = quantile(roundCosts, 0.5);

for (const server of servers) {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
for (const service of services.reverse()) {
  service.stop();
}
rmSync(dataDir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify(
    {
      backend: POSTGRES
        ? 'postgresql (durable commits), two server processes, redis'
        : 'pglite (data directory)',
      senders: SENDERS,
      secondsPerPhase: SECONDS,
      alone,
      alonePhasesMessagesPerSecond: alonePhases.map((a) => a.messagesPerSecond),
      withFlooder: floodedPhases,
      flooderCostPerRound: roundCosts.map((c) => round(c, 3)),
      flooderCost: round(cost, 3),
      targets: TARGETS,
      met: {
        messagesPerSecond: alone.messagesPerSecond >= TARGETS.messagesPerSecond,
        p99PostToAgentMs: alone.p99PostToAgentMs <= TARGETS.p99PostToAgentMs,
        flooderCost: cost <= TARGETS.flooderCostMax,
      },
    },
    null,
    2,
  )}\n`,
);
process.exit(0);
