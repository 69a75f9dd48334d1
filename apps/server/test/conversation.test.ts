import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe.each(BACKENDS)('a live-chat conversation end to end (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let alice: AgentClient;
  let bob: AgentClient;

  beforeEach(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    bob = await loginAgent(t.baseUrl, 'bob@example.com');
  });

  afterEach(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  const reasons = async (agent: AgentClient) => (await agent.get('/api/agent/bootstrap')).body;

  it('offers, accepts, converses both ways, ends and wraps up', async () => {
    const aliceSocket = await alice.socket();
    const aliceEvents = record(aliceSocket);
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    await aliceEvents.next('agent.state', (s: any) => s.state === 'available');

    const customer = await startCustomer(t.baseUrl, {
      name: 'Melissa Jones',
      message: 'Where is my parcel?',
    });
    const customerEvents = record(await customer.socket());
    const offer = await aliceEvents.next('offer.created');
    expect(offer).toMatchObject({
      conversationId: customer.conversationId,
      customerName: 'Melissa Jones',
      queueName: 'Support',
      agentName: 'Alice Agent',
      channel: 'livechat',
    });
    expect(offer.preview.map((m: any) => m.body)).toEqual(['Where is my parcel?']);
    expect(new Date(offer.deadlineAt).getTime() - new Date(offer.offeredAt).getTime()).toBe(45_000);

    // The customer writes while the offer waits: the popover's thread preview follows.
    expect((await customer.send('Order 1234')).status).toBe(201);
    const updated = await aliceEvents.next('offer.updated', (o: any) => o.preview.length === 2);
    expect(updated.id).toBe(offer.id);
    expect(updated.preview.map((m: any) => m.body)).toEqual(['Where is my parcel?', 'Order 1234']);

    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');
    expect(accepted.body.composeLimit).toBe(1000);
    // The queue's response-time target, for the urgent tab (120 s unless the administrator sets one).
    expect(accepted.body.responseTargetSeconds).toBe(120);
    expect(accepted.body.messages.map((m: any) => m.body)).toEqual([
      'Where is my parcel?',
      'Order 1234',
      'Alice Agent joined the chat',
    ]);
    await aliceEvents.next('offer.closed', (e: any) => e.reason === 'accepted');
    const joined = await customerEvents.next('conversation.updated', (e: any) => e.status === 'active');
    expect(joined.agentName).toBe('Alice Agent');

    const sent = await alice.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: 'Hello Melissa,\nlet me check.',
      clientMessageId: 'a-1',
    });
    expect(sent.status).toBe(201);
    const atCustomer = await customerEvents.next('message.created', (e: any) => e.message.author === 'agent');
    expect(atCustomer.message.body).toBe('Hello Melissa,\nlet me check.');
    expect(atCustomer.message.authorName).toBe('Alice Agent');

    expect((await customer.send('Thanks!')).status).toBe(201);
    const atAgent = await aliceEvents.next('message.created', (e: any) => e.message.body === 'Thanks!');
    expect(atAgent.conversationId).toBe(customer.conversationId);

    // A retried send with the same clientMessageId is stored once.
    const again = await alice.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: 'Hello Melissa,\nlet me check.',
      clientMessageId: 'a-1',
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(sent.body.id);

    const ended = await alice.post(`/api/conversations/${customer.conversationId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.participation.state).toBe('wrapup');
    await customerEvents.next('conversation.updated', (e: any) => e.status === 'ended');
    expect((await customer.send('Hello?')).body.code).toBe('CONVERSATION_ENDED');

    const { wrapUpReasons } = await reasons(alice);
    expect(wrapUpReasons.map((r: any) => r.name)).toEqual(['Resolved', 'Follow-up needed', 'Spam']);
    const wrapped = await alice.post(`/api/conversations/${customer.conversationId}/wrap-up`, {
      wrapUpReasonId: wrapUpReasons[0].id,
      notes: 'Parcel found',
    });
    expect(wrapped.status).toBe(204);
    expect((await reasons(alice)).conversations).toEqual([]);
    const history = await customer.get();
    expect(history.body.messages.map((m: any) => m.author)).toEqual([
      'customer',
      'customer',
      'system',
      'agent',
      'customer',
      'system',
    ]);
  });

  it('lets the customer leave first: the agent is told and can only end', async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const aliceEvents = record(await alice.socket());
    const customer = await startCustomer(t.baseUrl);
    const offer = await aliceEvents.next('offer.created');
    await alice.post(`/api/offers/${offer.id}/accept`);

    expect((await customer.end()).status).toBe(204);
    const left = await aliceEvents.next(
      'message.created',
      (e: any) => e.message.systemEvent === 'customer_left',
    );
    expect(left.message.body).toBe('Customer has left the chat');
    const updated = await aliceEvents.next('conversation.updated', (e: any) => e.customerLeft);
    expect(updated.status).toBe('active');

    const refused = await alice.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: 'Are you there?',
      clientMessageId: 'x',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CUSTOMER_LEFT');
    expect((await alice.post(`/api/conversations/${customer.conversationId}/end`)).status).toBe(200);
    const { wrapUpReasons } = await reasons(alice);
    expect(
      (
        await alice.post(`/api/conversations/${customer.conversationId}/wrap-up`, {
          wrapUpReasonId: wrapUpReasons[2].id,
        })
      ).status,
    ).toBe(204);
  });

  it("refuses an agent another agent's conversation", async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const aliceEvents = record(await alice.socket());
    const customer = await startCustomer(t.baseUrl);
    const offer = await aliceEvents.next('offer.created');

    // Bob cannot take Alice's offer, nor read or write the conversation.
    expect((await bob.post(`/api/offers/${offer.id}/accept`)).status).toBe(404);
    await alice.post(`/api/offers/${offer.id}/accept`);
    const read = await bob.get(`/api/conversations/${customer.conversationId}`);
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('NOT_A_PARTICIPANT');
    expect(JSON.stringify(read.body)).not.toContain('Hello, my order');
    expect((await bob.get(`/api/conversations/${customer.conversationId}/messages`)).status).toBe(403);
    const write = await bob.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: 'hi',
      clientMessageId: 'b',
    });
    expect(write.status).toBe(403);
    // Bob's socket never hears of it.
    const bobEvents = record(await bob.socket());
    await customer.send('Only Alice should see this');
    await aliceEvents.next('message.created', (e: any) => e.message.body === 'Only Alice should see this');
    expect(bobEvents.seen.filter((e) => e.event === 'message.created')).toEqual([]);
  });

  it('rejecting puts the agent in Refused and offers the conversation to the next agent', async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const aliceEvents = record(await alice.socket());
    const customer = await startCustomer(t.baseUrl);
    const first = await aliceEvents.next('offer.created');
    await bob.put('/api/agent/state', { state: 'available' });
    const bobEvents = record(await bob.socket());

    expect((await alice.post(`/api/offers/${first.id}/reject`)).status).toBe(204);
    expect((await aliceEvents.next('agent.state', (s: any) => s.state === 'refused')).state).toBe('refused');
    const second = await bobEvents.next('offer.created');
    expect(second.conversationId).toBe(customer.conversationId);
    expect((await alice.post(`/api/offers/${first.id}/accept`)).body.code).toBe('OFFER_CLOSED');
    expect((await alice.get('/api/agent/bootstrap')).body.user.state).toBe('refused');
  });

  it('an unanswered offer times out: the agent goes to RONA and the conversation keeps its place', async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const aliceEvents = record(await alice.socket());
    const customer = await startCustomer(t.baseUrl);
    await aliceEvents.next('offer.created');

    t.clock.advance(46_000);
    await t.server.scheduler.fireDue();
    expect((await aliceEvents.next('offer.closed')).reason).toBe('timed_out');
    expect((await aliceEvents.next('agent.state', (s: any) => s.state === 'rona')).state).toBe('rona');

    // Only the agent leaves RONA; then the same conversation is offered again.
    await alice.put('/api/agent/state', { state: 'available' });
    const again = await aliceEvents.next(
      'offer.created',
      (o: any) => o.offeredAt !== undefined && o.id !== undefined,
      5000,
    );
    expect(again.conversationId).toBe(customer.conversationId);
  });

  it('never offers an agent more than their limit', async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const aliceEvents = record(await alice.socket());
    for (let i = 0; i < 4; i++) {
      await startCustomer(t.baseUrl, { name: `Customer ${i}` });
    }
    await t.server.settle();
    const bootstrap = (await alice.get('/api/agent/bootstrap')).body;
    expect(bootstrap.offers).toHaveLength(3);
    expect(aliceEvents.seen.filter((e) => e.event === 'offer.created')).toHaveLength(3);

    // Capacity freed by a wrap-up brings the fourth.
    const offer = bootstrap.offers[0];
    await alice.post(`/api/offers/${offer.id}/accept`);
    await alice.post(`/api/conversations/${offer.conversationId}/end`);
    await alice.post(`/api/conversations/${offer.conversationId}/wrap-up`, {
      wrapUpReasonId: bootstrap.wrapUpReasons[0].id,
    });
    const fourth = await aliceEvents.next('offer.created', (o: any) => o.customerName === 'Customer 3');
    expect(fourth.queueName).toBe('Support');
  });

  it('idle with a reason gets no offers; the reason must exist', async () => {
    const { idleReasons } = await reasons(alice);
    expect(idleReasons.map((r: any) => r.name)).toEqual(['Break', 'Lunch', 'Training']);
    const idle = await alice.put('/api/agent/state', { state: 'idle', idleReasonId: idleReasons[1].id });
    expect(idle.body).toMatchObject({ state: 'idle', stateReason: 'Lunch' });
    const missing = await alice.put('/api/agent/state', { state: 'idle', idleReasonId: crypto.randomUUID() });
    expect(missing.status).toBe(404);
    const customer = await startCustomer(t.baseUrl);
    await t.server.settle();
    expect((await alice.get('/api/agent/bootstrap')).body.offers).toEqual([]);
    expect((await customer.get()).body.status).toBe('queued');
  });
});
