import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMeta, whatsappText } from './fake-provider';
import {
  type AgentClient,
  BACKENDS,
  createTestDatabase,
  loginAgent,
  record,
  startCustomer,
  startServer,
  type TestServer,
} from './harness';

const WA = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+15550001111',
  accessToken: 'wa-token',
  appSecret: 'wa-app-secret',
  verifyToken: 'wa-verify',
};

/** The supervisor's report of a period, from the conversations' history. */
describe.each(BACKENDS)('the supervisor report (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let alice: AgentClient;
  let sam: AgentClient;
  const started = new Date(Date.now() - 60_000).toISOString();
  const reportNow = (client = sam) =>
    client.get(`/api/supervisor/report?from=${started}&to=${new Date(Date.now() + 60_000).toISOString()}`);

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const support = (await ada.get('/api/admin/queues')).body.queues.find(
      (q: any) => q.name === 'Support',
    ).id;

    // Answered and wrapped up: a live chat Alice takes.
    const events = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    await startCustomer(t.baseUrl);
    const offer = await events.next('offer.created');
    await alice.post(`/api/offers/${offer.id}/accept`);
    await alice.post(`/api/conversations/${offer.conversationId}/end`);
    const reasons = (await alice.get('/api/agent/bootstrap')).body.wrapUpReasons;
    expect(
      (
        await alice.post(`/api/conversations/${offer.conversationId}/wrap-up`, {
          wrapUpReasonId: reasons[0].id,
        })
      ).status,
    ).toBe(204);

    // Abandoned: a customer who leaves while nobody is Available.
    await alice.put('/api/agent/state', {
      state: 'idle',
      idleReasonId: (await alice.get('/api/agent/bootstrap')).body.idleReasons[0].id,
    });
    const leaving = await startCustomer(t.baseUrl);
    expect((await leaving.end()).status).toBe(204);

    // Waiting: a WhatsApp customer, counted on arrival like a live chat.
    const made = await ada.post('/api/admin/entry-points', {
      channel: 'whatsapp',
      name: 'WhatsApp',
      queueId: support,
      apiBaseUrl: 'http://127.0.0.1:9',
      ...WA,
    });
    expect(made.status).toBe(201);
    const inbound = await postMeta(
      t.baseUrl,
      `/webhooks/whatsapp/${made.body.id}`,
      whatsappText(WA.phoneNumberId, '4917000000077', 'wamid.R1', 'Hallo'),
      WA.appSecret,
    );
    expect(inbound.status).toBe(200);
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('counts arrivals, answered, abandoned and waiting per queue, with rates, waits and handle time', async () => {
    const res = await reportNow();
    expect(res.status).toBe(200);
    const support = res.body.queues.find((q: any) => q.name === 'Support');
    expect(support).toMatchObject({
      arrived: 3,
      answered: 1,
      abandoned: 1,
      waiting: 1,
      abandonRatePercent: 33.3,
      serviceLevelSeconds: 60,
      serviceLevelPercent: 50, // the answered one within 60 s, of answered and abandoned
    });
    expect(support.averageWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(res.body.queues.find((q: any) => q.name === 'Sales')).toMatchObject({
      arrived: 0,
      abandonRatePercent: null,
      serviceLevelPercent: null,
    });
    expect(res.body.agents).toEqual([
      {
        id: expect.any(String),
        name: 'Alice Agent',
        accepted: 1,
        wrappedUp: 1,
        averageHandleSeconds: expect.any(Number),
      },
    ]);
    expect(res.body.totals).toMatchObject({ arrived: 3, answered: 1, abandoned: 1, waiting: 1 });
  });

  it('reads only the period asked for', async () => {
    const before = new Date(Date.now() - 3_600_000);
    const res = await sam.get(
      `/api/supervisor/report?from=${new Date(before.getTime() - 3_600_000).toISOString()}&to=${before.toISOString()}`,
    );
    expect(res.body.totals).toMatchObject({ arrived: 0, answered: 0, averageHandleSeconds: null });
    expect(res.body.agents).toEqual([]);
  });

  it('refuses a period that ends before it begins, one over 31 days, and dates it cannot read', async () => {
    const now = Date.now();
    for (const [from, to, why] of [
      [new Date(now).toISOString(), new Date(now - 1).toISOString(), 'begin before it ends'],
      [new Date(now - 32 * 86_400_000).toISOString(), new Date(now).toISOString(), '31 days'],
      ['yesterday', new Date(now).toISOString(), 'from'],
    ]) {
      const res = await sam.get(
        `/api/supervisor/report?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(why);
    }
    expect((await sam.get('/api/supervisor/report')).body.code).toBe('VALIDATION_FAILED');
  });

  it('is for supervisors and administrators only', async () => {
    expect((await reportNow(alice)).status).toBe(403);
  });
});
