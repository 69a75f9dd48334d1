import { randomUUID } from 'node:crypto';
import { schema } from '@switchboard/store';
import { asc, eq } from 'drizzle-orm';
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

describe.each(BACKENDS)('transfer and conference (%s)', (backend) => {
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

  const idle = async (agent: AgentClient) => {
    const { idleReasons } = (await agent.get('/api/agent/bootstrap')).body;
    expect(
      (await agent.put('/api/agent/state', { state: 'idle', idleReasonId: idleReasons[0].id })).status,
    ).toBe(200);
  };

  /** Alice holds a new chat; she then goes on a break, so nothing else is offered to her. */
  const aliceHolds = async (message = 'Where is my parcel?') => {
    const aliceEvents = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    const customer = await startCustomer(t.baseUrl, { message });
    const offer = await aliceEvents.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId,
    );
    expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    await idle(alice);
    return { customer, aliceEvents, id: customer.conversationId };
  };

  const targets = async () => (await alice.get('/api/transfer-targets')).body;
  const queueId = async (name: string) => (await targets()).queues.find((q: any) => q.name === name).id;
  const history = async (conversationId: string) =>
    (
      await t.database.db
        .select()
        .from(schema.conversationEvents)
        .where(eq(schema.conversationEvents.conversationId, conversationId))
        .orderBy(asc(schema.conversationEvents.id))
    ).map((e) => e.type);
  const board = async () => {
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const { queues } = (await sam.get('/api/supervisor/overview')).body;
    return queues.find((q: any) => q.name === 'Support');
  };
  const row = async (conversationId: string) =>
    (
      await t.database.db
        .select()
        .from(schema.conversations)
        .where(eq(schema.conversations.id, conversationId))
    )[0]!;

  it('lists queues and agents with their current states for the dialog, never the asking agent', async () => {
    await bob.put('/api/agent/state', { state: 'available' });
    await alice.put('/api/agent/state', { state: 'available' });
    const lists = await targets();
    expect(lists.queues.map((q: any) => q.name)).toEqual(['Sales', 'Support']);
    // Alice asks: her team counts only Bob, and she is not among the agents.
    expect(lists.teams).toEqual([{ id: expect.any(String), name: 'Frontline', available: 1 }]);
    expect(lists.skills).toEqual([]);
    expect(lists.agents).toEqual([
      expect.objectContaining({ name: 'Bob Agent', state: 'available', load: 0, limit: 3 }),
    ]);
    // Bob asks: Alice is listed, he is not.
    const bobs = (await bob.get('/api/transfer-targets')).body;
    expect(bobs.agents).toEqual([
      expect.objectContaining({ name: 'Alice Agent', state: 'available', load: 0, limit: 3 }),
    ]);
    expect(bobs.teams[0].available).toBe(1);
    await alice.put('/api/agent/state', { state: 'offline' });
  });

  it('to a queue: the agent wraps up, it keeps its place ahead of later arrivals, and the next agent sees everything', async () => {
    const { customer, id } = await aliceHolds();
    const customerEvents = record(await customer.socket());
    const later = await startCustomer(t.baseUrl, { name: 'Later Customer' });
    const { queuedAt } = await row(id);

    const support = await queueId('Support');
    const moved = await alice.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'queue', queueId: support },
      comment: 'Wants a refund',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.participation.state).toBe('wrapup');
    expect(moved.body.status).toBe('queued');
    expect((await row(id)).queuedAt).toEqual(queuedAt);
    expect((await targets()).queues.find((q: any) => q.name === 'Support').waiting).toBe(2);

    // Bob has room for one: the transferred chat gets it, ahead of the later arrival.
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    expect((await ada.patch(`/api/admin/users/${bob.id}`, { limits: { livechat: 1 } })).status).toBe(200);
    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    const first = await bobEvents.next('offer.created');
    expect(first.conversationId).toBe(id);
    expect(first.request).toEqual({
      kind: 'transfer',
      requestedBy: 'Alice Agent',
      comment: 'Wants a refund',
    });
    await t.server.settle();
    expect((await row(later.conversationId)).status).toBe('queued');

    const accepted = await bob.post(`/api/offers/${first.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.messages.map((m: any) => m.body)).toEqual([
      'Where is my parcel?',
      'Alice Agent joined the chat',
      'Transferred by Alice Agent from Support',
      'Wants a refund',
      'Bob Agent joined the chat',
    ]);
    // Agents only: never the customer, neither pushed nor listed.
    await customerEvents.next('message.created', (e: any) => e.message.body === 'Bob Agent joined the chat');
    const seenByCustomer = customerEvents.seen.map((e) => JSON.stringify(e.payload)).join();
    expect(seenByCustomer).not.toContain('Transferred by');
    expect(seenByCustomer).not.toContain('Wants a refund');
    const listed = (await customer.get('/messages')).body.messages.map((m: any) => m.body);
    expect(listed).not.toContain('Wants a refund');
    expect(listed).not.toContain('Transferred by Alice Agent from Support');

    expect(await history(id)).toEqual([
      'arrived',
      'offered',
      'accepted',
      'transferred',
      'left',
      'offered',
      'accepted',
    ]);
  });

  it('to an agent who accepts; bad requests answer with a reason and change nothing', async () => {
    const { id } = await aliceHolds();
    const transfer = (target: unknown, who = alice) =>
      who.post(`/api/conversations/${id}/transfer`, { target });
    const bobTarget = { type: 'agent', agentId: bob.id };

    expect((await transfer(bobTarget, bob)).body.code).toBe('NOT_A_PARTICIPANT');
    expect((await transfer(bobTarget, bob)).status).toBe(403);
    const busy = await transfer(bobTarget);
    expect([busy.status, busy.body.code]).toEqual([409, 'AGENT_NOT_AVAILABLE']);
    expect(busy.body.message).toContain('Bob Agent is not Available (offline)');
    expect((await transfer({ type: 'agent', agentId: alice.id })).body.code).toBe('TRANSFER_TO_SELF');
    const unknown = await transfer({ type: 'agent', agentId: randomUUID() });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'USER_NOT_FOUND']);
    const gone = await transfer({ type: 'queue', queueId: randomUUID() });
    expect([gone.status, gone.body.code]).toEqual([404, 'QUEUE_NOT_FOUND']);
    expect((await transfer({ type: 'team', teamId: 'x' })).status).toBe(400);
    expect(
      (await alice.post(`/api/conversations/${randomUUID()}/transfer`, { target: bobTarget })).status,
    ).toBe(404);
    expect((await row(id)).status).toBe('active');
    expect(await history(id)).toEqual(['arrived', 'offered', 'accepted']);

    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    expect((await transfer(bobTarget)).status).toBe(200);
    // Twice: the first won; the agent is in wrap-up now.
    expect((await transfer(bobTarget)).body.code).toBe('ALREADY_ENDED');
    const offer = await bobEvents.next('offer.created', (o: any) => o.conversationId === id);
    expect(offer.request.kind).toBe('transfer');
    // The supervisor's board shows the transfer in progress.
    expect(await board()).toMatchObject({ offered: 1, transfers: 1, conferences: 0 });
    const accepted = await bob.post(`/api/offers/${offer.id}/accept`);
    expect(accepted.body.participation).toMatchObject({ state: 'active', role: 'owner' });
    expect(accepted.body.messages.map((m: any) => m.systemEvent)).toContain('transferred');
  });

  it('to an agent who rejects: back to its queue at its place, and the transferring agent is told', async () => {
    const { id, aliceEvents } = await aliceHolds();
    const { queuedAt } = await row(id);
    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    expect(
      (await alice.post(`/api/conversations/${id}/transfer`, { target: { type: 'agent', agentId: bob.id } }))
        .status,
    ).toBe(200);
    const offer = await bobEvents.next('offer.created', (o: any) => o.conversationId === id);
    expect((await bob.post(`/api/offers/${offer.id}/reject`)).status).toBe(204);

    const told = await aliceEvents.next('request.failed');
    expect(told).toEqual({
      conversationId: id,
      kind: 'transfer',
      agentName: 'Bob Agent',
      reason: 'rejected',
    });
    const back = await row(id);
    expect([back.status, back.queuedAt, back.requestId]).toEqual(['queued', queuedAt, null]);
    expect(await history(id)).toContain('rejected');
  });

  /** A new agent, created by the administrator with these teams and skills, logged in. */
  const newAgent = async (
    name: string,
    { teamIds, skills }: { teamIds: string[]; skills?: { skill: string; proficiency: number }[] },
  ) => {
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const email = `${name.toLowerCase()}@example.com`;
    const created = await ada.post('/api/admin/users', {
      email,
      name: `${name} Agent`,
      role: 'agent',
      password: 'demo-password',
      teamIds,
      skills: skills ?? [],
    });
    expect(created.status).toBe(201);
    return loginAgent(t.baseUrl, email);
  };
  const frontline = async () => {
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    return (await ada.get('/api/admin/teams')).body.teams.find((x: any) => x.name === 'Frontline').id;
  };
  const offersOf = async (conversationId: string) =>
    (
      await t.database.db.select().from(schema.offers).where(eq(schema.offers.conversationId, conversationId))
    ).map((o) => o.userId);

  it('to a team: it waits at its place for that team alone, and a member takes it', async () => {
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const billing = (await ada.post('/api/admin/teams', { name: 'Billing' })).body.id;
    // Carol serves Support (Frontline) but is not in Billing; Dora is in Billing only.
    const carol = await newAgent('Carol', { teamIds: [await frontline()] });
    const dora = await newAgent('Dora', { teamIds: [billing] });
    const { id } = await aliceHolds();
    const { queuedAt } = await row(id);
    const lists = await targets();
    expect(lists.teams).toEqual(expect.arrayContaining([{ id: billing, name: 'Billing', available: 0 }]));

    const unknown = await alice.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'team', teamId: randomUUID() },
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TEAM_NOT_FOUND']);
    const moved = await alice.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'team', teamId: billing },
      comment: 'Invoice question',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.participation.state).toBe('wrapup');
    expect((await row(id)).queuedAt).toEqual(queuedAt);

    // An Available agent of the queue who is not in the team is passed over.
    await carol.put('/api/agent/state', { state: 'available' });
    await t.server.settle();
    expect([(await row(id)).status, await offersOf(id)]).toEqual(['queued', [alice.id]]);

    const doraEvents = record(await dora.socket());
    await dora.put('/api/agent/state', { state: 'available' });
    const offer = await doraEvents.next('offer.created', (o: any) => o.conversationId === id);
    expect(offer.request).toEqual({
      kind: 'transfer',
      requestedBy: 'Alice Agent',
      comment: 'Invoice question',
    });
    expect((await dora.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    const taken = await row(id);
    expect([taken.status, taken.routeTeamId, taken.requestId]).toEqual(['active', null, null]);
    expect(await history(id)).toEqual([
      'arrived',
      'offered',
      'accepted',
      'transferred',
      'left',
      'offered',
      'accepted',
    ]);
  });

  it('to a skill: only an agent holding it takes it; an unknown skill is refused', async () => {
    const carol = await newAgent('Carol', { teamIds: [await frontline()] });
    const dora = await newAgent('Dora', { teamIds: [], skills: [{ skill: 'Refunds', proficiency: 3 }] });
    const { id } = await aliceHolds();
    expect((await targets()).skills).toEqual([{ name: 'Refunds', available: 0 }]);
    const unknown = await alice.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'skill', skill: 'Astrology' },
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'SKILL_NOT_FOUND']);
    expect((await row(id)).status).toBe('active');

    expect(
      (await alice.post(`/api/conversations/${id}/transfer`, { target: { type: 'skill', skill: 'Refunds' } }))
        .status,
    ).toBe(200);
    await carol.put('/api/agent/state', { state: 'available' });
    await t.server.settle();
    expect((await row(id)).routeSkill).toBe('Refunds');
    expect(await offersOf(id)).toEqual([alice.id]);

    const doraEvents = record(await dora.socket());
    await dora.put('/api/agent/state', { state: 'available' });
    const offer = await doraEvents.next('offer.created', (o: any) => o.conversationId === id);
    // Dora rejects: it goes back, still for the skill's holders, and nobody else gets it.
    expect((await dora.post(`/api/offers/${offer.id}/reject`)).status).toBe(204);
    await t.server.settle();
    const back = await row(id);
    expect([back.status, back.routeSkill]).toEqual(['queued', 'Refunds']);
    expect(await offersOf(id)).toEqual([alice.id, dora.id]);
  });

  it('to a queue that does not serve the channel: 409 with the reason; the dialog lists only queues that do', async () => {
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const sales = await queueId('Sales');
    expect((await ada.patch(`/api/admin/queues/${sales}`, { channels: ['whatsapp'] })).status).toBe(200);
    const { id } = await aliceHolds();
    const refused = await alice.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'queue', queueId: sales },
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'QUEUE_WRONG_CHANNEL']);
    expect(refused.body.details).toEqual({ queue: 'Sales', channel: 'livechat' });
    expect((await row(id)).status).toBe('active');
    expect((await targets()).queues.map((q: any) => q.name)).toEqual(['Support']);
    const forWhatsApp = (await alice.get('/api/transfer-targets?channel=whatsapp')).body;
    expect(forWhatsApp.queues.map((q: any) => q.name)).toEqual(['Sales', 'Support']);
  });

  it('conference with a queue: its strategy picks an Available agent of it; none free is a 409', async () => {
    const { id } = await aliceHolds();
    const support = await queueId('Support');
    const none = await alice.post(`/api/conversations/${id}/conference`, { queueId: support });
    expect([none.status, none.body.code]).toEqual([409, 'NO_AGENT_AVAILABLE']);
    expect(none.body.details).toEqual({ queue: 'Support' });
    expect(await history(id)).toEqual(['arrived', 'offered', 'accepted']);

    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    const requested = await alice.post(`/api/conversations/${id}/conference`, { queueId: support });
    expect(requested.status).toBe(200);
    expect(requested.body.conferenceRequest).toEqual({ agentName: 'Bob Agent' });
    const offer = await bobEvents.next('offer.created', (o: any) => o.conversationId === id);
    expect(offer.request).toEqual({ kind: 'conference', requestedBy: 'Alice Agent', comment: null });
    expect((await bob.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    expect((await bob.get(`/api/conversations/${id}`)).body).toMatchObject({
      conference: true,
      participation: { role: 'guest' },
    });
    expect(
      (await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id, queueId: support })).status,
    ).toBe(400);
  });

  it('conference: requested, joined, both agents write, End conference leaves it with the added agent', async () => {
    const { id, customer, aliceEvents } = await aliceHolds();
    const customerEvents = record(await customer.socket());
    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });

    const requested = await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id });
    expect(requested.status).toBe(200);
    expect(requested.body.conferenceRequest).toEqual({ agentName: 'Bob Agent' });
    expect((await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id })).body.code).toBe(
      'REQUEST_PENDING',
    );
    const offer = await bobEvents.next('offer.created', (o: any) => o.conversationId === id);
    expect(offer.request).toEqual({ kind: 'conference', requestedBy: 'Alice Agent', comment: null });
    // Counts against Bob's limit like any conversation.
    expect((await targets()).agents.find((a: any) => a.name === 'Bob Agent').load).toBe(1);

    expect((await bob.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    await aliceEvents.next('message.created', (e: any) => e.message.body === 'Bob Agent joined the chat');
    const inConference = await aliceEvents.next(
      'conversation.updated',
      (s: any) => s.id === id && s.conference,
    );
    expect(inConference.conferenceRequest).toBeNull();
    expect(await board()).toMatchObject({ active: 1, conferences: 1, transfers: 0 });

    await bob.post(`/api/conversations/${id}/messages`, { body: 'Bob here', clientMessageId: 'b-1' });
    await alice.post(`/api/conversations/${id}/messages`, { body: 'Alice here', clientMessageId: 'a-1' });
    await aliceEvents.next('message.created', (e: any) => e.message.body === 'Bob here');
    await bobEvents.next('message.created', (e: any) => e.message.body === 'Alice here');
    const fromBob = await customerEvents.next('message.created', (e: any) => e.message.body === 'Bob here');
    expect(fromBob.message.authorName).toBe('Bob Agent');
    await customer.send('Thanks both');
    await bobEvents.next('message.created', (e: any) => e.message.body === 'Thanks both');

    expect((await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id })).body.code).toBe(
      'ALREADY_IN_CONVERSATION',
    );
    const transfer = await alice.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'queue', queueId: await queueId('Sales') },
    });
    expect(transfer.body.code).toBe('CONFERENCE_IN_PROGRESS');
    expect((await bob.post(`/api/conversations/${id}/end-conference`)).body.code).toBe('NOT_IN_CONFERENCE');

    const ended = await alice.post(`/api/conversations/${id}/end-conference`);
    expect(ended.status).toBe(200);
    expect(ended.body.participation.state).toBe('wrapup');
    const bobNow = (await bob.get(`/api/conversations/${id}`)).body;
    expect(bobNow).toMatchObject({ status: 'active', conference: false, participation: { role: 'owner' } });
    await customerEvents.next('message.created', (e: any) => e.message.body === 'Alice Agent left the chat');
    expect((await bob.post(`/api/conversations/${id}/end`)).body.status).toBe('ended');
    expect(await history(id)).toEqual([
      'arrived',
      'offered',
      'accepted',
      'conference_requested',
      'offered',
      'accepted',
      'joined',
      'left',
      'left',
      'ended',
    ]);
  });

  it('conference: a rejected invitation tells the inviter; Exit conference leaves it with the first agent', async () => {
    const { id, aliceEvents } = await aliceHolds();
    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id });
    const first = await bobEvents.next('offer.created', (o: any) => o.conversationId === id);
    await bob.post(`/api/offers/${first.id}/reject`);
    expect(await aliceEvents.next('request.failed')).toMatchObject({
      kind: 'conference',
      reason: 'rejected',
    });
    const normal = (await alice.get(`/api/conversations/${id}`)).body;
    expect([normal.status, normal.conference, normal.conferenceRequest]).toEqual(['active', false, null]);

    // Bob is Refused now: he can't be invited until Available again.
    expect((await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id })).body.code).toBe(
      'AGENT_NOT_AVAILABLE',
    );
    await bob.put('/api/agent/state', { state: 'available' });
    await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id });
    const second = await bobEvents.next(
      'offer.created',
      (o: any) => o.id !== first.id && o.conversationId === id,
    );
    await bob.post(`/api/offers/${second.id}/accept`);
    expect((await alice.post(`/api/conversations/${id}/exit-conference`)).body.code).toBe(
      'NOT_IN_CONFERENCE',
    );
    const exited = await bob.post(`/api/conversations/${id}/exit-conference`);
    expect(exited.body.participation.state).toBe('wrapup');
    expect((await alice.get(`/api/conversations/${id}`)).body).toMatchObject({
      status: 'active',
      conference: false,
      participation: { state: 'active', role: 'owner' },
    });
  });

  it('an invitation left to time out tells the inviter and leaves the conversation with them', async () => {
    const { id, aliceEvents } = await aliceHolds();
    await bob.put('/api/agent/state', { state: 'available' });
    await alice.post(`/api/conversations/${id}/conference`, { agentId: bob.id });
    t.clock.advance(46_000);
    await t.server.scheduler.fireDue();
    expect(await aliceEvents.next('request.failed')).toMatchObject({
      kind: 'conference',
      reason: 'timed_out',
    });
    expect((await row(id)).status).toBe('active');
  });

  it('answers malformed, hostile and unauthorised requests with a documented code, never a 5xx', async () => {
    const { id } = await aliceHolds();
    const post = (path: string, body?: unknown) => alice.post(path, body);
    const answers = [
      await post('/api/conversations/not-a-uuid/transfer', {
        target: { type: 'queue', queueId: randomUUID() },
      }),
      await post(`/api/conversations/${id}/transfer`, {}),
      await post(`/api/conversations/${id}/transfer`, { target: { type: 'queue', queueId: 'x' } }),
      await post(`/api/conversations/${id}/transfer`, {
        target: { type: 'queue', queueId: randomUUID() },
        comment: 'x'.repeat(1001),
      }),
      await post(`/api/conversations/${id}/conference`, { agentId: 42 }),
      await post(`/api/conversations/${id}/conference`, { agentId: randomUUID() }),
      await post(`/api/conversations/${id}/end-conference`),
      await post(`/api/conversations/${id}/exit-conference`),
      await post(`/api/conversations/${randomUUID()}/end-conference`),
    ];
    expect(answers.map((a) => [a.status, a.body.code])).toEqual([
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [404, 'USER_NOT_FOUND'],
      [409, 'NOT_IN_CONFERENCE'],
      [409, 'NOT_IN_CONFERENCE'],
      [404, 'CONVERSATION_NOT_FOUND'],
    ]);
    const anonymous = await fetch(`${t.baseUrl}/api/conversations/${id}/transfer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: { type: 'agent', agentId: bob.id } }),
    });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${t.baseUrl}/api/conversations/${id}/transfer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: alice.cookie },
      body: JSON.stringify({ target: { type: 'agent', agentId: bob.id } }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await row(id)).status).toBe('active');
  });

  it('two transfers at once: one wins, the other gets a 409 and nothing of it is written', async () => {
    const { id } = await aliceHolds();
    await bob.put('/api/agent/state', { state: 'available' });
    const sales = await queueId('Sales');
    const answers = await Promise.all([
      alice.post(`/api/conversations/${id}/transfer`, { target: { type: 'agent', agentId: bob.id } }),
      alice.post(`/api/conversations/${id}/transfer`, { target: { type: 'queue', queueId: sales } }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('ALREADY_ENDED');
    expect((await history(id)).filter((type) => type === 'transferred')).toHaveLength(1);
  });

  it('a transfer racing the customer leaving ends in one consistent state', async () => {
    const { id, customer } = await aliceHolds();
    await bob.put('/api/agent/state', { state: 'available' });
    const [transfer, left] = await Promise.all([
      alice.post(`/api/conversations/${id}/transfer`, { target: { type: 'agent', agentId: bob.id } }),
      customer.end(),
    ]);
    expect(left.status).toBe(204);
    expect([200, 409]).toContain(transfer.status);
    await t.server.settle();
    const now = await row(id);
    const pending = await t.database.db
      .select()
      .from(schema.offers)
      .where(eq(schema.offers.conversationId, id));
    // Either the transfer came first (its offer withdrawn, the conversation ended) or the
    // customer did (Alice still holds it, and can only end it): never an offer for a chat nobody is in.
    expect(pending.filter((o) => o.status === 'pending')).toEqual([]);
    if (transfer.status === 200) {
      expect(now.status).toBe('ended');
    } else {
      expect(transfer.body.code).toBe('CUSTOMER_LEFT');
      expect([now.status, now.customerLeft]).toEqual(['active', true]);
    }
  });

  it('with masking on, the agent a conversation is transferred to sees it masked', async () => {
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    expect((await ada.patch('/api/admin/settings', { maskSensitiveData: true })).status).toBe(200);
    const { id } = await aliceHolds('Call me on +447966197542');
    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    await alice.post(`/api/conversations/${id}/transfer`, { target: { type: 'agent', agentId: bob.id } });
    const offer = await bobEvents.next('offer.created', (o: any) => o.conversationId === id);
    expect(JSON.stringify(offer)).not.toContain('447966197542');
    const accepted = await bob.post(`/api/offers/${offer.id}/accept`);
    expect(JSON.stringify(accepted.body)).not.toContain('447966197542');
    expect(accepted.body.messages[0].body).toBe('Call me on *********7542');
  });
});
