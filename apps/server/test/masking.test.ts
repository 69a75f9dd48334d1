import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Values planted in a conversation; none may reach a desktop while masking is on. */
const PLANTED = {
  phone: '+447966197542',
  email: 'melissa@gmail.com',
  card: '4111 1111 1111 1111',
  iban: 'DE89 3704 0044 0532 0130 00',
  agentIban: 'GB82 WEST 1234 5698 7654 32',
};
/** Each value as its digits alone too, so that no regrouping of it slips through either. */
const forbidden = Object.values(PLANTED)
  .flatMap((v) => [v, v.replace(/\D/g, '')])
  .filter((v) => v.length >= 8);
const leaks = (wire: string[]) => forbidden.filter((v) => wire.some((frame) => frame.includes(v)));

describe.each(BACKENDS)('sensitive data masked on the server (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let ada: AgentClient;

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('lets only an administrator change the setting, with clear errors', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    expect((await alice.patch('/api/admin/settings', { maskSensitiveData: true })).status).toBe(403);
    expect((await sam.patch('/api/admin/settings', { maskSensitiveData: true })).body.code).toBe('FORBIDDEN');
    expect((await alice.get('/api/admin/settings')).status).toBe(403);
    const wrongType = await ada.patch('/api/admin/settings', { maskSensitiveData: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toContain('maskSensitiveData');
    expect((await ada.patch('/api/admin/settings', { unknownSetting: true })).status).toBe(400);
    expect((await ada.get('/api/admin/settings')).body).toEqual({
      maskSensitiveData: false,
      acceptCustomerFiles: true,
    });
  });

  it('sends an agent no planted value in any REST body or socket frame of a whole conversation', async () => {
    const on = await ada.patch('/api/admin/settings', { maskSensitiveData: true });
    expect(on.body).toEqual({ maskSensitiveData: true, acceptCustomerFiles: true });

    const wire: string[] = [];
    const alice = await loginAgent(t.baseUrl, 'alice@example.com', wire);
    const events = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    // The customer's name is their phone number: it is masked too.
    const customer = await startCustomer(t.baseUrl, {
      name: PLANTED.phone,
      message: `My card ${PLANTED.card} was charged twice, mail me at ${PLANTED.email}`,
    });
    const offer = await events.next('offer.created');
    expect(offer.customerName).toBe('*********7542');
    expect(offer.preview[0].body).toContain('m******@gmail.com');
    await customer.send(`Refund to ${PLANTED.iban} please`);
    await events.next('offer.updated', (o: any) => o.preview.length === 2);

    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect(accepted.status).toBe(200);
    const bodies = accepted.body.messages.map((m: any) => m.body);
    expect(bodies[0]).toBe(
      'My card ****-****-****-1111 was charged twice, mail me at m******@gmail.com'.replace(
        '****-****-****-1111',
        '***************1111',
      ),
    );
    expect(accepted.body.messages[0].masked.map((s: any) => s.type).sort()).toEqual(['card', 'email']);

    await customer.send(`Call me on ${PLANTED.phone}`);
    const live = await events.next('message.created', (e: any) => e.message.body.startsWith('Call me on'));
    expect(live.message.body).toBe('Call me on *********7542');

    const sent = await alice.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: `We refund to ${PLANTED.agentIban}, is that right?`,
      clientMessageId: 'm-1',
    });
    expect(sent.status).toBe(201);
    await alice.get(`/api/conversations/${customer.conversationId}`);
    await alice.get(`/api/conversations/${customer.conversationId}/messages?after=0`);
    await alice.get('/api/agent/bootstrap');
    await alice.post(`/api/conversations/${customer.conversationId}/end`);
    await t.server.settle();

    expect(wire.length).toBeGreaterThan(10);
    const leaked = leaks(wire);
    expect(leaked, wire.filter((f) => leaked.some((v) => f.includes(v))).join('\n')).toEqual([]);

    // The stored messages keep the originals: the customer's own view shows them.
    const own = await customer.get();
    const text = JSON.stringify(own.body);
    expect(text).toContain(PLANTED.card);
    expect(text).toContain(PLANTED.agentIban);
  });

  it('lets a supervisor reveal one value with a reason, written to the audit log', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    await alice.put('/api/agent/state', { state: 'available' });
    const events = record(await alice.socket());
    const customer = await startCustomer(t.baseUrl, { name: 'Lars', message: `IBAN ${PLANTED.iban}` });
    const offer = await events.next('offer.created', (o: any) => o.customerName === 'Lars');
    const message = offer.preview[0];
    expect(message.masked).toEqual([{ type: 'iban', start: 5, end: 5 + PLANTED.iban.length }]);

    const reveal = { messageId: message.id, spanIndex: 0, reason: 'Customer disputes the refund account' };
    expect((await alice.post('/api/supervisor/reveal', reveal)).status).toBe(403);
    expect((await sam.post('/api/supervisor/reveal', { ...reveal, reason: '' })).status).toBe(400);
    expect((await sam.post('/api/supervisor/reveal', { ...reveal, spanIndex: 3 })).status).toBe(404);
    const revealed = await sam.post('/api/supervisor/reveal', reveal);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ type: 'iban', value: PLANTED.iban });

    const log = (await ada.get('/api/admin/audit-log')).body.entries;
    expect(log[0]).toMatchObject({
      actorName: 'Sam Supervisor',
      action: 'masked_value.revealed',
      subjectType: 'message',
      subjectId: message.id,
      details: {
        reason: 'Customer disputes the refund account',
        type: 'iban',
        conversationId: customer.conversationId,
      },
    });
    expect(log.find((e: any) => e.action === 'settings.changed')).toMatchObject({
      subjectId: 'maskSensitiveData',
      details: { from: false, to: true },
    });
    expect((await alice.get('/api/admin/audit-log')).status).toBe(403);

    // Paging back: `before` an entry's id gives the entries older than it, newest first.
    const newest = (await ada.get('/api/admin/audit-log?limit=1')).body.entries;
    expect(newest.map((e: any) => e.id)).toEqual([log[0].id]);
    const older = (await ada.get(`/api/admin/audit-log?limit=500&before=${log[0].id}`)).body.entries;
    expect(older.map((e: any) => e.id)).toEqual(log.slice(1).map((e: any) => e.id));
    expect((await ada.get('/api/admin/audit-log?before=0')).body.code).toBe('VALIDATION_FAILED');
    expect((await ada.get('/api/admin/audit-log?before=soon')).status).toBe(400);
  });

  it('tells open desktops to reload when the setting changes, and then sends values unmasked', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const { idleReasons } = (await alice.get('/api/agent/bootstrap')).body;
    await alice.put('/api/agent/state', { state: 'idle', idleReasonId: idleReasons[0].id });
    const bob = await loginAgent(t.baseUrl, 'bob@example.com');
    const events = record(await bob.socket());
    expect((await ada.patch('/api/admin/settings', { maskSensitiveData: false })).status).toBe(200);
    expect(await events.next('settings.changed')).toEqual({
      maskSensitiveData: false,
      acceptCustomerFiles: true,
    });
    await bob.put('/api/agent/state', { state: 'available' });
    await startCustomer(t.baseUrl, { name: 'Nora', message: `Mail ${PLANTED.email}` });
    const offer = await events.next('offer.created', (o: any) => o.customerName === 'Nora');
    expect(offer.preview[0].body).toBe(`Mail ${PLANTED.email}`);
    expect(offer.preview[0].masked).toBeUndefined();
  });
});
