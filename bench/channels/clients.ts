/**
 * The bench's other side, in a process of its own (as Meta and the provider would be on other
 * machines). `provider`: a fake WhatsApp Cloud API answering every send with a wamid, counting
 * them (GET /count). `webhooks`: signed WhatsApp deliveries posted at a fixed concurrency, each
 * timed from sending to the 200; answers one JSON line on stdout, with the CPU time it used.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { signMetaBody } from '@switchboard/channels';
import { whatsappText } from '../../apps/server/test/fake-provider';

const mode = process.argv[2];
const input = JSON.parse(process.argv[3] ?? '{}') as {
  base: string;
  path: string;
  appSecret: string;
  phoneNumberId: string;
  count: number;
  concurrency: number;
  /** Contacts the messages come from (each contact's messages continue one conversation). */
  contacts: number;
  /** The same delivery every time: replays, stored once. */
  replay: boolean;
  /** Makes this run's provider ids its own (warm-up and measured runs never collide). */
  run: string;
};

if (mode === 'provider') {
  let count = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.end(JSON.stringify({ count }));
      return;
    }
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.bench${count}` }] }));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
} else {
  const delivery = (i: number) => {
    const from = `4917${String(i % input.contacts).padStart(8, '0')}`;
    const id = input.replay ? 'wamid.REPLAYED' : `wamid.bench.${input.run}.${i}`;
    return JSON.stringify(
      whatsappText(input.phoneNumberId, from, id, `Hallo ${i}`, `Customer ${i % input.contacts}`),
    );
  };
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  // node:http with one kept-alive connection per worker: fetch (undici) cost this process about
  // 0.9 ms of CPU per delivery, as much as the server's database thread, on the same two cores.
  const url = new URL(`${input.base}${input.path}`);
  const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-hub-signature-256': signMetaBody(body, input.appSecret),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < input.count) {
      const i = next++;
      const body = delivery(i);
      const t0 = performance.now();
      const status = await post(body);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, latencies, statuses, cpuMs })}\n`);
}
