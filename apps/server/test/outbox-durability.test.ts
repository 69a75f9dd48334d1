import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProviders, postMeta, startFakeProviders, whatsappText } from './fake-provider';
import {
  createTestDatabase,
  loginAgent,
  record,
  startServer,
  TEST_SECRETS_KEY,
  type TestServer,
} from './harness';
import { freePort, startMain } from './processes';

const WA = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+15550001111',
  accessToken: 't',
  appSecret: 'app-secret',
  verifyToken: 'v',
};

/** An entry point on the fake provider, a WhatsApp customer, and Alice holding the conversation. */
const openConversation = async (baseUrl: string, fakeUrl: string, from: string) => {
  const ada = await loginAgent(baseUrl, 'ada@example.com');
  const alice = await loginAgent(baseUrl, 'alice@example.com');
  const queueId = (await ada.get('/api/admin/queues')).body.queues.find((q: any) => q.name === 'Support').id;
  const entry = await ada.post('/api/admin/entry-points', {
    channel: 'whatsapp',
    name: 'WA',
    queueId,
    apiBaseUrl: fakeUrl,
    ...WA,
  });
  const events = record(await alice.socket());
  await alice.put('/api/agent/state', { state: 'available' });
  await postMeta(
    baseUrl,
    `/webhooks/whatsapp/${entry.body.id}`,
    whatsappText(WA.phoneNumberId, from, `wamid.${from}`, 'Hallo'),
    WA.appSecret,
  );
  const offer = await events.next('offer.created');
  await alice.post(`/api/offers/${offer.id}/accept`);
  return { alice, conversationId: offer.conversationId as string, entryPointId: entry.body.id as string };
};

describe('the outbox on PostgreSQL with two server processes', () => {
  let fake: FakeProviders;
  let a: TestServer;
  let b: TestServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeProviders();
    const db = await createTestDatabase('postgres');
    drop = db.drop;
    a = await startServer({ database: await db.open() });
    b = await startServer({ database: await db.open() });
  });
  afterAll(async () => {
    for (const t of [a, b]) {
      await t?.stop();
      await t?.database.close();
    }
    await drop?.();
    await fake.close();
  });

  it('sends each message exactly once, in the order written, while both processes claim from one outbox', async () => {
    const { alice, conversationId } = await openConversation(a.baseUrl, fake.url, '4917000000001');
    // Both senders paused while the replies pile up, then both started at once.
    await a.server.outbox.stop();
    await b.server.outbox.stop();
    const n = 120;
    for (let i = 0; i < n; i++) {
      const sent = await alice.post(`/api/conversations/${conversationId}/messages`, {
        body: `reply ${i}`,
        clientMessageId: `c${i}`,
      });
      expect(sent.status).toBe(201);
    }
    expect(fake.received).toHaveLength(0);
    a.server.outbox.start();
    b.server.outbox.start();
    await fake.until(n);
    await a.server.outbox.idle();
    await b.server.outbox.idle();
    const bodies = fake.received.map((r) => r.body.text.body);
    // Once each, and a conversation's replies never overtake each other.
    expect(bodies).toEqual(Array.from({ length: n }, (_, i) => `reply ${i}`));
  });
});

/** The real entry point with the tests' secrets key and without the simulator. */
const startServerProcess = (env: Record<string, string>) =>
  startMain({ SECRETS_KEY: TEST_SECRETS_KEY, SIMULATOR: 'false', ...env });

describe('the outbox across a kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-outbox-'));
  let fake: FakeProviders;
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a reply acknowledged before the kill once, after the restart', async () => {
    fake = await startFakeProviders();
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: join(dir, 'data') };
    const first = startServerProcess(env);
    await first.ready;
    const baseUrl = `http://127.0.0.1:${port}`;
    // The provider refuses for now (503): the reply waits in the outbox, retried with backoff.
    fake.next.push(
      ...Array.from({ length: 50 }, () => ({
        status: 503,
        body: { error: { code: 131016, message: 'Service unavailable' } },
      })),
    );
    const { alice, conversationId } = await openConversation(baseUrl, fake.url, '4917000000002');
    const sent = await alice.post(`/api/conversations/${conversationId}/messages`, {
      body: 'acknowledged before the kill',
      clientMessageId: 'k1',
    });
    expect(sent.status).toBe(201);
    // Killed once the first refusal is recorded (the job rescheduled, not held by a send in flight).
    await first.logged('send failed');
    first.child.kill('SIGKILL');
    await first.exited;

    fake.next.length = 0;
    const second = startServerProcess(env);
    await second.ready;
    try {
      await fake.until(fake.received.length + 1);
      const delivered = fake.accepted.length;
      expect(delivered).toBe(1);
      // Stored as sent, with the provider's id: nothing left to send again.
      const again = await loginAgent(baseUrl, 'alice@example.com');
      await expect
        .poll(
          async () =>
            (await again.get(`/api/conversations/${conversationId}/messages`)).body.messages.find(
              (m: any) => m.body === 'acknowledged before the kill',
            )?.deliveryStatus,
        )
        .toBe('sent');
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
    // A bound, not a wait: on a loaded machine the next attempt (due 0.5-1 s after the refusal) can
    // already be claimed when the kill lands; its 60 s lease must then run out before the restarted
    // server may take the job over (SEND_LEASE_MS), on top of two server starts.
  }, 240_000);
});
