/**
 * What one typing flooder costs the server, alone: a server process (as `npm start` runs it, on
 * PGlite in a fresh temporary data directory) with one agent's desktop socket and the flooder of
 * bench/load (flooder.ts) in a process of its own, for BENCH_SECONDS (10); before it, the same
 * time with nothing but the agent connected.
 *
 *   node --import tsx bench/load/flood-cost.ts
 *
 * Prints one JSON object: the server's CPU time per second idle and per second flooded (from
 * /proc: CPU time, not wall time, so other work on the machine moves it little), per flood event,
 * and per connection the flooder opened; the flooder's own CPU per second (an attacker's, on this
 * machine's cores in bench/load); what the flooder counted; and the typing pushes the agent got
 * (coalesced: a few a second at most). Not a test; it asserts nothing. BENCH_SERVER_NODE_ARGS gives
 * the server Node's flags (`--cpu-prof --cpu-prof-dir=/tmp/prof` to see where the flood's time goes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { cpuMsOf, freePort, startFlooder, startServer } from './processes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const log = (m: string) => process.stderr.write(`[bench/flood-cost] ${m}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-flood-'));
const server = await startServer({
  PORT: String(port),
  DATA_DIR: dataDir,
  SEED_DEMO: 'true',
  LOGIN_RATE_LIMIT: '1000',
});
const cpuMs = (pid: number | undefined) => cpuMsOf([pid]);
const json = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of the API's answers
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as any };
};

// Alice, Available, with the flooder's conversation accepted: the flood's typing reaches her.
const login = await json('POST', '/api/auth/login', {
  email: 'alice@example.com',
  password: 'demo-password',
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const agentHeaders = { cookie, 'x-csrf-token': login.body.csrfToken as string, origin: base };
let typingPushes = 0;
const desk = io(`${base}/agent`, { transports: ['websocket'], extraHeaders: agentHeaders });
await new Promise<void>((done) => desk.once('connect', () => done()));
desk.on('typing', () => {
  typingPushes += 1;
});
const accepted = new Promise<void>((done) =>
  desk.on('offer.created', async (offer: { id: string }) => {
    await json('POST', `/api/offers/${offer.id}/accept`, {}, agentHeaders);
    done();
  }),
);
await json('PUT', '/api/agent/state', { state: 'available' }, agentHeaders);
const chat = await json('POST', '/api/livechat/conversations', {
  entryPoint: 'website',
  name: 'Flooder',
  message: 'hello',
});
await accepted;

log(`idle for ${SECONDS} s`);
const idle0 = cpuMs(server.pid);
await sleep(SECONDS * 1000);
const idleMs = cpuMs(server.pid) - idle0;

log(`flooding for ${SECONDS} s`);
const flooder = await startFlooder({
  base,
  token: chat.body.token as string,
  conversationId: chat.body.conversation.id as string,
});
const typing0 = typingPushes;
const server0 = cpuMs(server.pid);
const flooder0 = cpuMs(flooder.child.pid);
await sleep(SECONDS * 1000);
const floodMs = cpuMs(server.pid) - server0;
const flooderMs = cpuMs(flooder.child.pid) - flooder0;
const counts = await flooder.stop();

const serverFloodCost = floodMs / SECONDS - idleMs / SECONDS;
process.stdout.write(
  `${JSON.stringify(
    {
      seconds: SECONDS,
      serverCpuMsPerSecondIdle: round(idleMs / SECONDS),
      serverCpuMsPerSecondFlooded: round(floodMs / SECONDS),
      // What the flood added, per event the flooder sent and per connection it opened.
      serverCpuUsPerFloodEvent: round((serverFloodCost * 1000) / (counts.sent / SECONDS), 2),
      serverCpuMsPerFloodConnection: round(
        serverFloodCost / ((counts.disconnects + counts.refusedHandshakes) / SECONDS),
        2,
      ),
      flooderCpuMsPerSecond: round(flooderMs / SECONDS),
      flooderEventsPerSecond: round(counts.sent / SECONDS),
      ...counts,
      typingPushesPerSecond: round((typingPushes - typing0) / SECONDS, 1),
    },
    null,
    2,
  )}\n`,
);
desk.close();
server.kill('SIGTERM');
await new Promise((done) => server.once('exit', done));
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
