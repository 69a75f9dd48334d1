import { schema } from '@switchboard/store';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  createTestDatabase,
  loginAgent,
  record,
  request,
  serverForSuite,
  startCustomer,
  startServer,
  type TestServer,
} from './harness';

describe.each(BACKENDS)('routing across queues (%s)', (backend) => {
  const server = serverForSuite(backend, { CHAT_START_RATE_LIMIT: '1000' });
  let t: TestServer;
  let bob: AgentClient;

  beforeAll(async () => {
    t = server();
    // Sales gets a team of its own, with Bob alone, and an entry point of its own.
    const { db: d } = t.database;
    const [salesTeam] = await d.insert(schema.teams).values({ name: 'Sales team' }).returning();
    const [bobRow] = await d.select().from(schema.users).where(eq(schema.users.email, 'bob@example.com'));
    await d.insert(schema.teamMembers).values({ teamId: salesTeam!.id, userId: bobRow!.id });
    await d.delete(schema.teamMembers).where(eq(schema.teamMembers.userId, bobRow!.id));
    await d.insert(schema.teamMembers).values({ teamId: salesTeam!.id, userId: bobRow!.id });
    const [sales] = await d
      .update(schema.queues)
      .set({ teamId: salesTeam!.id })
      .where(eq(schema.queues.name, 'Sales'))
      .returning();
    await d
      .insert(schema.entryPoints)
      .values({ key: 'shop', name: 'Shop', channel: 'livechat', queueId: sales!.id });
    bob = await loginAgent(t.baseUrl, 'bob@example.com');
  });

  it('a crowded queue without free agents does not hold up another queue', async () => {
    // More Support chats wait than one routing run takes, and no Support agent is Available.
    for (let i = 0; i < 110; i++) {
      await startCustomer(t.baseUrl, { name: `Support ${i}` });
    }
    await bob.put('/api/agent/state', { state: 'available' });
    const events = record(await bob.socket());
    const sale = await request(t.baseUrl, 'POST', '/api/livechat/conversations', {
      body: { entryPoint: 'shop', name: 'Buyer', message: 'Do you ship to Norway?' },
    });
    expect(sale.status).toBe(201);
    const offer = await events.next('offer.created');
    expect(offer).toMatchObject({ customerName: 'Buyer', queueName: 'Sales', entryPointName: 'Shop' });
    // Bob is not in Support's team: none of its chats reach him.
    await t.server.settle();
    expect((await bob.get('/api/agent/bootstrap')).body.offers).toHaveLength(1);
  });

  it("offers a queue's conversations in their place order, up to the agent's limit", async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const aliceEvents = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    // Alice's team (Frontline) serves Support, where 110 chats wait: she gets up to her limit.
    await t.server.settle();
    const offers = (await alice.get('/api/agent/bootstrap')).body.offers;
    expect(offers).toHaveLength(3);
    expect(offers.map((o: any) => o.customerName).sort()).toEqual(['Support 0', 'Support 1', 'Support 2']);
    expect(aliceEvents.seen.filter((e) => e.event === 'offer.created')).toHaveLength(3);
  });
});

describe.each(BACKENDS)('skills and per-channel limits (%s)', (backend) => {
  const server = serverForSuite(backend, { CHAT_START_RATE_LIMIT: '1000' });

  it('offers only to agents holding every required skill at the required proficiency, within their channel limit', async () => {
    const t = server();
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const bob = await loginAgent(t.baseUrl, 'bob@example.com');
    const { queues } = (await ada.get('/api/admin/queues')).body;
    const support = queues.find((q: any) => q.name === 'Support');
    // Alice knows billing, but not well enough; Bob well enough, with room for one live chat.
    expect(
      (await ada.patch(`/api/admin/users/${alice.id}`, { skills: [{ skill: 'billing', proficiency: 3 }] }))
        .status,
    ).toBe(200);
    expect(
      (
        await ada.patch(`/api/admin/users/${bob.id}`, {
          skills: [{ skill: 'billing', proficiency: 7 }],
          limits: { livechat: 1 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await ada.patch(`/api/admin/queues/${support.id}`, {
          skills: [{ skill: 'billing', minProficiency: 5 }],
        })
      ).status,
    ).toBe(200);

    const aliceEvents = record(await alice.socket());
    const bobEvents = record(await bob.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    await bob.put('/api/agent/state', { state: 'available' });
    await startCustomer(t.baseUrl, { name: 'First' });
    await startCustomer(t.baseUrl, { name: 'Second' });
    expect((await bobEvents.next('offer.created')).customerName).toBe('First');
    await t.server.settle();
    expect(bobEvents.seen.filter((e) => e.event === 'offer.created')).toHaveLength(1);
    expect(aliceEvents.seen.filter((e) => e.event === 'offer.created')).toHaveLength(0);

    // Lowering the requirement lets Alice in, and the waiting chat reaches her at once.
    expect(
      (
        await ada.patch(`/api/admin/queues/${support.id}`, {
          skills: [{ skill: 'billing', minProficiency: 3 }],
        })
      ).status,
    ).toBe(200);
    expect((await aliceEvents.next('offer.created')).customerName).toBe('Second');
  });
});

describe('a supervisor sets an agent Available again', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ database: await (await createTestDatabase('pglite')).open() });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
  });

  it('from Refused, logged and pushed to the agent; agents may not', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const bob = await loginAgent(t.baseUrl, 'bob@example.com');
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    await alice.put('/api/agent/state', { state: 'available' });
    const events = record(await alice.socket());
    await startCustomer(t.baseUrl);
    const offer = await events.next('offer.created');
    await alice.post(`/api/offers/${offer.id}/reject`);
    await events.next('agent.state', (s: any) => s.state === 'refused');

    const byBob = await bob.put(`/api/supervisor/agents/${alice.id}/state`, { state: 'available' });
    expect(byBob.status).toBe(403);
    const bySam = await sam.put(`/api/supervisor/agents/${alice.id}/state`, { state: 'available' });
    expect(bySam.status).toBe(200);
    expect(bySam.body.state).toBe('available');
    await events.next('agent.state', (s: any) => s.state === 'available');
    // Available again, she is offered the chat she refused.
    expect((await events.next('offer.created', (o: any) => o.id !== offer.id)).conversationId).toBe(
      offer.conversationId,
    );
    const unknown = await sam.put(`/api/supervisor/agents/${crypto.randomUUID()}/state`, {
      state: 'available',
    });
    expect(unknown.status).toBe(404);
    // Logged out, Alice is offline: nobody but she makes her Available again.
    // Logging out signs her out in the request's own transaction (sign-out-agent.ts).
    expect((await alice.post('/api/auth/logout')).status).toBe(204);
    const offline = await sam.put(`/api/supervisor/agents/${alice.id}/state`, { state: 'available' });
    expect(offline).toMatchObject({ status: 409, body: { code: 'AGENT_OFFLINE' } });
  });
});

describe.each(BACKENDS)('an arrival where nothing waits (%s)', (backend) => {
  const server = serverForSuite(backend, { CHAT_START_RATE_LIMIT: '1000' });

  it('goes to a free agent in the same step, and one arriving behind a waiting chat keeps its turn', async () => {
    const t = server();
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const events = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    // The routing run her state change started is over (on PostgreSQL it could otherwise still hold
    // the routing lock, and the arrival would wait for it).
    await t.server.settle();
    // Nothing waits and Alice is free: the chat is offered before the start is even answered.
    const first = await startCustomer(t.baseUrl, { name: 'First' });
    expect(first.start.conversation.status).toBe('offered');
    expect((await events.next('offer.created')).customerName).toBe('First');

    // Room for one more; Alice goes Idle and two chats wait. Back Available, she is offered the
    // one that came first; the later one is not offered ahead of it and waits.
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    expect((await ada.patch(`/api/admin/users/${alice.id}`, { limits: { livechat: 2 } })).status).toBe(200);
    const { idleReasons } = (await alice.get('/api/agent/bootstrap')).body;
    await alice.put('/api/agent/state', { state: 'idle', idleReasonId: idleReasons[0].id });
    const second = await startCustomer(t.baseUrl, { name: 'Second' });
    const third = await startCustomer(t.baseUrl, { name: 'Third' });
    expect(second.start.conversation.status).toBe('queued');
    expect(third.start.conversation.status).toBe('queued');
    await alice.put('/api/agent/state', { state: 'available' });
    expect((await events.next('offer.created', (o) => o.customerName !== 'First')).customerName).toBe(
      'Second',
    );
    await t.server.settle();
    const offers = (await alice.get('/api/agent/bootstrap')).body.offers;
    expect(offers.map((o: any) => o.customerName).sort()).toEqual(['First', 'Second']);
  });
});
