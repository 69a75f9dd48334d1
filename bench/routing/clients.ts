/**
 * The bench's users, in a process of their own (as they would be on other machines): every agent
 * logs in and holds a real socket (socket.io-client); customers start chats at a steady rate. The
 * time runs from sending a customer's POST to the `offer.created` frame on the chosen agent's
 * socket, both read on this process's clock. Started by run.ts with its input as JSON in argv[2];
 * answers one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { AGENT_NAMESPACE } from '@switchboard/contracts';
import { io as ioClient, type Socket } from 'socket.io-client';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  emails: string[];
  password: string;
  arrivals: number;
  /** Arrivals at the same rate before those measured: the server's first requests compile its code. */
  warmUpArrivals: number;
  ratePerSecond: number;
  waitForOffersMs: number;
};
const log = (m: string) => process.stderr.write(`[bench/routing clients] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const offeredAt = new Map<string, number>();
const sockets: Socket[] = [];
for (let i = 0; i < input.emails.length; i += 50) {
  await Promise.all(
    input.emails.slice(i, i + 50).map(async (email) => {
      const res = await fetch(`${input.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: input.password }),
      });
      if (res.status !== 200) {
        throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      }
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const socket = ioClient(`${input.base}${AGENT_NAMESPACE}`, {
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
log(`${sockets.length} agent sockets connected; ${input.arrivals} arrivals at ${input.ratePerSecond}/s`);

const sentAt = new Map<string, { index: number; at: number }>();
// An overloaded server resets connections: counted, not fatal.
let failedStarts = 0;
const starts: Promise<void>[] = [];
// Tells run.ts when the measured arrivals start and end (it reads its event loop's load between).
process.stdout.write('arrivals-start\n');
const eluStart = performance.eventLoopUtilization();
const t0 = performance.now();
for (let i = -input.warmUpArrivals; i < input.arrivals; i++) {
  const due = t0 + ((i + input.warmUpArrivals) * 1000) / input.ratePerSecond;
  const wait = due - performance.now();
  if (wait > 0) {
    await sleep(wait);
  }
  const sent = performance.now();
  starts.push(
    fetch(`${input.base}/api/livechat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entryPoint: 'website', name: `Customer ${i}`, message: 'Hello' }),
    })
      .then((r) => r.json())
      .then((body: { conversation: { id: string } }) => {
        // Warm-up arrivals are offered like the others, only not measured.
        if (i >= 0) {
          sentAt.set(body.conversation.id, { index: i, at: sent });
        }
      })
      .catch(() => {
        failedStarts++;
      }),
  );
}
await Promise.all(starts);
process.stdout.write('arrivals-end\n');
const clientsEventLoopUtilization = performance.eventLoopUtilization(eluStart).utilization;
const sendingSeconds = (performance.now() - t0) / 1000;
const arrivalsSent = input.arrivals + input.warmUpArrivals;
const until = performance.now() + input.waitForOffersMs;
while (performance.now() < until && [...sentAt.keys()].some((id) => !offeredAt.has(id))) {
  await sleep(20);
}
// [arrival index, milliseconds] for each measured arrival that got its offer.
const samples = [...sentAt].flatMap(([id, sent]) => {
  const got = offeredAt.get(id);
  return got === undefined ? [] : [[sent.index, got - sent.at] as const];
});
for (const s of sockets) {
  s.close();
}
process.stdout.write(
  `${JSON.stringify({
    samples,
    failedStarts,
    achievedArrivalsPerSecond: arrivalsSent / sendingSeconds,
    clientsEventLoopUtilization,
  })}\n`,
);
process.exit(0);
