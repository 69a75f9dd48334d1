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

const CARD = '4111 1111 1111 1111';
const PHONE = '+447966197542';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The supervisor's history: the conversations of a period, and each one whole. */
describe.each(BACKENDS)('the supervisor history (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let alice: AgentClient;
  let sam: AgentClient;
  let ada: AgentClient;
  let answered: string;
  let waiting: string;
  const from = new Date(Date.now() - 60_000).toISOString();
  const period = () => `from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`;
  const list = async (query = '', client = sam) =>
    client.get(`/api/supervisor/conversations?${period()}${query}`);
  const ids = async (query = '') => (await list(query)).body.conversations.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    sam = await loginAgent(t.baseUrl, 'sam@example.com');
    ada = await loginAgent(t.baseUrl, 'ada@example.com');

    // Answered, ended and wrapped up by Alice, with a card in a message and a phone in her notes.
    const events = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    const customer = await startCustomer(t.baseUrl, {
      name: PHONE,
      message: `My card ${CARD} was charged twice`,
    });
    const offer = await events.next('offer.created');
    answered = offer.conversationId;
    await alice.post(`/api/offers/${offer.id}/accept`);
    await alice.post(`/api/conversations/${answered}/messages`, {
      body: 'Sorry! Refunding now.',
      clientMessageId: 'a1',
    });
    await customer.send('Thanks');
    await alice.post(`/api/conversations/${answered}/end`);
    const lists = (await alice.get('/api/agent/bootstrap')).body;
    expect(
      (
        await alice.post(`/api/conversations/${answered}/wrap-up`, {
          wrapUpReasonId: lists.wrapUpReasons[0].id,
          dispositionId: lists.dispositions[0].id,
          tagIds: [lists.tags[0].id],
          notes: `Call back on ${PHONE}`,
        })
      ).status,
    ).toBe(204);

    // Still waiting: nobody is Available.
    await alice.put('/api/agent/state', { state: 'idle', idleReasonId: lists.idleReasons[0].id });
    waiting = (await startCustomer(t.baseUrl, { name: 'Lars' })).conversationId;
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('lists a period’s conversations newest first, with queue, asset, agents and status', async () => {
    const page = await list();
    expect(page.status).toBe(200);
    expect(page.body.next).toBeNull();
    const [newest, older] = page.body.conversations;
    expect(newest).toMatchObject({
      id: waiting,
      status: 'queued',
      customerName: 'Lars',
      agents: [],
      endedAt: null,
    });
    expect(older).toMatchObject({
      id: answered,
      channel: 'livechat',
      status: 'ended',
      queueName: 'Support',
      customerName: PHONE,
      customerLeft: false,
      agents: [{ name: 'Alice Agent' }],
    });
    expect(Date.parse(older.endedAt)).toBeGreaterThanOrEqual(Date.parse(older.arrivedAt));
    // Administrators read it too.
    expect((await list('', ada)).body.conversations).toHaveLength(2);
  });

  it('filters by status, agent, channel and queue, and pages back with next', async () => {
    const aliceId = (await alice.get('/api/auth/me')).body.user.id;
    expect(await ids('&status=ended')).toEqual([answered]);
    expect(await ids('&status=open')).toEqual([waiting]);
    expect(await ids(`&agentId=${aliceId}`)).toEqual([answered]);
    expect(await ids('&channel=sms')).toEqual([]);
    expect(await ids(`&queueId=${UNKNOWN}`)).toEqual([]);

    const first = await list('&limit=1');
    expect(first.body.conversations.map((c: { id: string }) => c.id)).toEqual([waiting]);
    expect(first.body.next).toMatch(/^\d+~/);
    const second = await list(`&limit=1&before=${encodeURIComponent(first.body.next)}`);
    expect(second.body.conversations.map((c: { id: string }) => c.id)).toEqual([answered]);
    expect(second.body.next).toBeNull();
  });

  it('gives one conversation whole: messages, what happened, the wrap-up', async () => {
    const detail = await sam.get(`/api/supervisor/conversations/${answered}`);
    expect(detail.status).toBe(200);
    const { messages, events, wrapUps, moreMessages } = detail.body;
    expect(moreMessages).toBe(false);
    const bodies = messages.filter((m: any) => m.author !== 'system').map((m: any) => m.body);
    expect(bodies).toEqual([`My card ${CARD} was charged twice`, 'Sorry! Refunding now.', 'Thanks']);
    const types = events.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(['arrived', 'offered', 'accepted', 'ended', 'wrapped_up']));
    expect(types.indexOf('arrived')).toBeLessThan(types.indexOf('accepted'));
    expect(events.find((e: any) => e.type === 'accepted')).toMatchObject({
      agentName: 'Alice Agent',
      queueName: 'Support',
    });
    expect(wrapUps).toEqual([
      expect.objectContaining({
        agentName: 'Alice Agent',
        notes: `Call back on ${PHONE}`,
        tags: [expect.any(String)],
      }),
    ]);
    expect(wrapUps[0].reason).toEqual(expect.any(String));
    expect(wrapUps[0].disposition).toEqual(expect.any(String));

    // The transcript goes on from the last message shown.
    const last = messages[messages.length - 1].seq;
    const rest = await sam.get(`/api/supervisor/conversations/${answered}?after=${last}`);
    expect(rest.body.messages).toEqual([]);
  });

  it('masks the name, the messages and the notes when masking is on; a reveal is audited', async () => {
    expect((await ada.patch('/api/admin/settings', { maskSensitiveData: true })).status).toBe(200);
    try {
      const [row] = (await list('&status=ended')).body.conversations;
      expect(row.customerName).toBe('*********7542');
      const detail = (await sam.get(`/api/supervisor/conversations/${answered}`)).body;
      const wire = JSON.stringify(detail);
      for (const raw of [CARD, CARD.replaceAll(' ', ''), PHONE, PHONE.slice(1)]) {
        expect(wire).not.toContain(raw);
      }
      expect(detail.wrapUps[0].notes).toBe('Call back on *********7542');
      const first = detail.messages.find((m: any) => m.author === 'customer');
      expect(first.masked).toEqual([{ type: 'card', start: 8, end: 8 + CARD.length }]);

      const revealed = await sam.post('/api/supervisor/reveal', {
        messageId: first.id,
        spanIndex: 0,
        reason: 'Customer disputes the charge',
      });
      expect(revealed.body).toEqual({ type: 'card', value: CARD });
    } finally {
      await ada.patch('/api/admin/settings', { maskSensitiveData: false });
    }
  });

  it('refuses agents, and answers bad input with documented codes', async () => {
    expect((await list('', alice)).status).toBe(403);
    expect((await alice.get(`/api/supervisor/conversations/${answered}`)).body.code).toBe('FORBIDDEN');
    const now = Date.now();
    const range = (a: number, b: number) =>
      `from=${new Date(a).toISOString()}&to=${new Date(b).toISOString()}`;
    const backwards = await sam.get(`/api/supervisor/conversations?${range(now, now - 1000)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('VALIDATION_FAILED');
    const tooLong = await sam.get(`/api/supervisor/conversations?${range(now - 40 * 86_400_000, now)}`);
    expect(tooLong.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('31 days'),
    });
    for (const query of [
      '&before=yesterday',
      '&limit=0',
      '&limit=101',
      '&channel=fax',
      '&status=lost',
      '&agentId=1',
      '&q=x',
    ]) {
      const answer = await list(query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.code, query).toBe('VALIDATION_FAILED');
    }
    expect((await sam.get('/api/supervisor/conversations')).status).toBe(400);
    expect((await sam.get(`/api/supervisor/conversations/${UNKNOWN}`)).body.code).toBe(
      'CONVERSATION_NOT_FOUND',
    );
    expect((await sam.get('/api/supervisor/conversations/not-a-uuid')).status).toBe(400);
    expect((await sam.get(`/api/supervisor/conversations/${answered}?after=-1`)).status).toBe(400);
  });
});
