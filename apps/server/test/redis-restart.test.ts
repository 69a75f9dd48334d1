import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/databases';
import { type Service, startThrowawayRedis } from '../../../test/services';
import { loginAgent, record, request, startCustomer, TEST_SECRETS_KEY } from './harness';
import { freePort, startMain } from './processes';

/**
 * Two server processes fan their pushes out through Redis (sharded pub/sub, realtime/redis-adapter.ts).
 * Redis going away must not take a process down, and once it is back the processes subscribe
 * again by themselves: an offer decided on one process reaches the agent's socket on the other.
 */
describe('a Redis restart under two server processes', () => {
  let redis: Service;
  let redisPort: number;
  let drop: () => Promise<void>;
  let A: ReturnType<typeof startMain> & { base: string };
  let B: ReturnType<typeof startMain> & { base: string };

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startThrowawayRedis({ port: redisPort });
    const database = await createTestDatabase('postgres');
    drop = database.drop;
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      SEED_DEMO: 'true',
      SIMULATOR: 'false',
      SECRETS_KEY: TEST_SECRETS_KEY,
      CHAT_START_RATE_LIMIT: '100000',
      LOGIN_RATE_LIMIT: '100000',
      // The outage's warning and the notice that it is over.
      LOG_LEVEL: 'info',
    };
    const [pa, pb] = [await freePort(), await freePort()];
    A = { ...startMain({ ...env, PORT: String(pa) }), base: `http://127.0.0.1:${pa}` };
    await A.ready;
    B = { ...startMain({ ...env, PORT: String(pb) }), base: `http://127.0.0.1:${pb}` };
    await B.ready;
  }, 120_000);

  afterAll(async () => {
    for (const p of [A, B]) {
      p?.child.kill('SIGKILL');
    }
    redis?.stop();
    await drop?.().catch(() => {});
  });

  it('keeps both processes serving while Redis is down, and fans out again once it is back', async () => {
    const ada = await loginAgent(A.base, 'ada@example.com');
    const alice = await loginAgent(B.base, 'alice@example.com');
    expect((await ada.patch(`/api/admin/users/${alice.id}`, { limits: { livechat: 6 } })).status).toBe(200);
    // Alice's desktop is on B; customers arrive on A.
    const events = record(await alice.socket());
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const offeredOnB = async (name: string) => {
      const customer = await startCustomer(A.base, { name, message: 'Hello' });
      return events.next('offer.created', (o: any) => o.conversationId === customer.conversationId, 15_000);
    };
    await offeredOnB('Before the outage');

    redis.stop();
    await Promise.all([A.logged('Redis unavailable'), B.logged('Redis unavailable')]);
    // Without Redis each process still serves what it holds: a chat starts, Alice's desktop answers.
    await startCustomer(A.base, { name: 'During the outage', message: 'Anyone there?' });
    expect((await alice.get('/api/agent/bootstrap')).status).toBe(200);
    // And pushes to its own sockets go on: a customer arriving on B is offered to Alice at once,
    // and what the customer writes next reaches her desktop.
    const local = await startCustomer(B.base, { name: 'Local during the outage', message: 'Hello?' });
    const localOffer = await events.next(
      'offer.created',
      (o: any) => o.conversationId === local.conversationId,
      15_000,
    );
    expect((await alice.post(`/api/offers/${localOffer.id}/accept`)).status).toBe(200);
    expect((await local.send('Still there?')).status).toBe(201);
    await events.next(
      'message.created',
      (e: any) => e.conversationId === local.conversationId && e.message.body === 'Still there?',
      15_000,
    );

    // Meanwhile the customer on B writes through A: A's push to Alice's desktop on B is lost.
    expect(events.seen.some((e) => e.event === 'resync')).toBe(false);
    const customerEvents = record(await local.socket());
    const throughA = await request(
      A.base,
      'POST',
      `/api/livechat/conversations/${local.conversationId}/messages`,
      {
        body: { body: 'Written through A', clientMessageId: 'through-a' },
        headers: { authorization: `Bearer ${local.token}` },
      },
    );
    expect(throughA.status).toBe(201);

    redis = await startThrowawayRedis({ port: redisPort });
    await Promise.all([A.logged('Redis reachable again'), B.logged('Redis reachable again')]);
    // Once it is back, each process tells its own desktops and widgets to catch up, and the
    // catch-up (the desktop's and the widget's reads after a reconnect) has the message.
    await events.next('resync', () => true, 15_000);
    await customerEvents.next('resync', () => true, 15_000);
    const thread = await alice.get(`/api/conversations/${local.conversationId}/messages`);
    expect(thread.body.messages.map((m: any) => m.body)).toContain('Written through A');
    await offeredOnB('After the outage');
    expect(A.child.exitCode).toBeNull();
    expect(B.child.exitCode).toBeNull();
  }, 120_000);
});
