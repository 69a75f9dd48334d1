import type { TSupervisorAgent, TSupervisorOverview, TSupervisorQueue } from '@switchboard/contracts';
import { schema } from '@switchboard/store';
import { eq } from 'drizzle-orm';
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

const queueOf = (o: TSupervisorOverview, name: string): TSupervisorQueue => {
  const q = o.queues.find((x) => x.name === name);
  if (!q) {
    throw new Error(`no queue ${name}`);
  }
  return q;
};
const agentOf = (o: TSupervisorOverview, name: string): TSupervisorAgent => {
  const a = o.agents.find((x) => x.name === name);
  if (!a) {
    throw new Error(`no agent ${name}`);
  }
  return a;
};

describe.each(BACKENDS)('supervisor live view (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let sam: AgentClient;
  let alice: AgentClient;
  let bob: AgentClient;

  const overview = async (): Promise<TSupervisorOverview> => {
    await t.server.settle();
    const res = await sam.get<TSupervisorOverview>('/api/supervisor/overview');
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open(), env: { CHAT_START_RATE_LIMIT: '1000' } });
    sam = await loginAgent(t.baseUrl, 'sam@example.com');
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    bob = await loginAgent(t.baseUrl, 'bob@example.com');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('is for supervisors and administrators only', async () => {
    const denied = await alice.get('/api/supervisor/overview');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    expect((await ada.get('/api/supervisor/overview')).status).toBe(200);

    const o = await overview();
    expect(o.queues.map((q) => q.name).sort()).toEqual(['Sales', 'Support']);
    expect(queueOf(o, 'Support')).toMatchObject({
      waiting: 0,
      longestWaitSince: null,
      offered: 0,
      active: 0,
      transfers: 0,
      conferences: 0,
      serviceLevelSeconds: 60,
    });
    // Agents only: the supervisor and the administrator do not take conversations.
    expect(o.agents.map((a) => a.name)).toEqual(['Alice Agent', 'Bob Agent']);
    expect(agentOf(o, 'Alice Agent')).toMatchObject({
      state: 'offline',
      held: 0,
      limit: 3,
      channels: [{ channel: 'livechat', held: 0, limit: 3 }],
      conversations: 0,
      teams: ['Frontline'],
    });
  });

  it('counts arrivals and pushes a fresh board to supervisors, not to agents', async () => {
    const samEvents = record(await sam.socket());
    const aliceEvents = record(await alice.socket());
    const before = t.clock.now().getTime();
    await startCustomer(t.baseUrl, { name: 'First' });
    const after = t.clock.now().getTime();
    await startCustomer(t.baseUrl, { name: 'Second' });

    const pushed = await samEvents.next<TSupervisorOverview>(
      'supervisor.overview',
      (o) => queueOf(o, 'Support').waiting === 2,
    );
    const support = queueOf(pushed, 'Support');
    // The first arrival's place in the queue.
    const since = Date.parse(support.longestWaitSince ?? '');
    expect(since).toBeGreaterThanOrEqual(before);
    expect(since).toBeLessThanOrEqual(after);
    expect(queueOf(await overview(), 'Support')).toEqual(support);
    expect(aliceEvents.seen.some((e) => e.event === 'supervisor.overview')).toBe(false);
  });

  it('shows offers against the limit, and RONA after an offer timed out', async () => {
    const before = queueOf(await overview(), 'Support').longestWaitSince;
    await alice.put('/api/agent/state', { state: 'available' });
    let o = await overview();
    expect(queueOf(o, 'Support')).toMatchObject({ waiting: 0, offered: 2, active: 0 });
    expect(agentOf(o, 'Alice Agent')).toMatchObject({ state: 'available', held: 2, limit: 3 });

    t.clock.advance(46_000);
    await t.server.scheduler.fireDue();
    o = await overview();
    expect(agentOf(o, 'Alice Agent')).toMatchObject({ state: 'rona', held: 0, conversations: 0 });
    // Back in the queue, keeping their place: the longest wait still counts from the first arrival.
    expect(queueOf(o, 'Support')).toMatchObject({ waiting: 2, offered: 0, longestWaitSince: before });
  });

  it('shows Refused after a reject', async () => {
    const bobEvents = record(await bob.socket());
    await bob.put('/api/agent/state', { state: 'available' });
    const offer = await bobEvents.next('offer.created');
    expect((await bob.post(`/api/offers/${offer.id}/reject`)).status).toBe(204);
    const o = await overview();
    const pending = (await bob.get('/api/agent/bootstrap')).body.offers.length;
    expect(agentOf(o, 'Bob Agent')).toMatchObject({ state: 'refused', held: pending, stateReason: null });
    expect(agentOf(o, 'Alice Agent').state).toBe('rona');
  });

  it('shows an agent at their limit, with what they hold and what is active', async () => {
    for (const name of ['Third', 'Fourth', 'Fifth']) {
      await startCustomer(t.baseUrl, { name });
    }
    const aliceEvents = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    const offer = await aliceEvents.next('offer.created');
    expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);

    const o = await overview();
    expect(agentOf(o, 'Alice Agent')).toMatchObject({
      state: 'available',
      held: 3,
      limit: 3,
      conversations: 1,
    });
    const support = queueOf(o, 'Support');
    expect(support.active).toBe(1);
    // Five arrivals: one active, the rest offered (Alice's two, Bob's) or waiting.
    expect(support.waiting + support.offered + support.active).toBe(5);
    expect(queueOf(o, 'Sales')).toMatchObject({ waiting: 0, offered: 0, active: 0 });
  });

  it('coalesces a burst of events into few snapshots', async () => {
    const samEvents = record(await sam.socket());
    for (let i = 0; i < 20; i++) {
      await startCustomer(t.baseUrl, { name: `Burst ${i}` });
    }
    const last = await samEvents.next<TSupervisorOverview>(
      'supervisor.overview',
      (o) =>
        queueOf(o, 'Support').waiting + queueOf(o, 'Support').offered + queueOf(o, 'Support').active === 25,
    );
    expect(last.generatedAt).toBeTruthy();
    const pushes = samEvents.seen.filter((e) => e.event === 'supervisor.overview').length;
    // 20 arrivals publish at least 20 events (queued, plus message and updates); one snapshot per
    // 250 ms after the first would allow a handful, not one per event.
    expect(pushes).toBeLessThan(10);
  });
});

describe.each(BACKENDS)('supervisor live view, per channel (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let sam: AgentClient;
  let alice: AgentClient;

  const aliceOnBoard = async (): Promise<TSupervisorAgent> => {
    await t.server.settle();
    const res = await sam.get<TSupervisorOverview>('/api/supervisor/overview');
    expect(res.status).toBe(200);
    return agentOf(res.body, 'Alice Agent');
  };

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open(), env: { CHAT_START_RATE_LIMIT: '1000' } });
    sam = await loginAgent(t.baseUrl, 'sam@example.com');
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('lists live chat alone while the agent has no other limit and holds nothing elsewhere', async () => {
    expect(await aliceOnBoard()).toMatchObject({
      held: 0,
      limit: 3,
      channels: [{ channel: 'livechat', held: 0, limit: 3 }],
    });
  });

  it('shows a WhatsApp limit set by an administrator, and live chat holding an offer and a chat', async () => {
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const patched = await ada.patch(`/api/admin/users/${alice.id}`, { limits: { whatsapp: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.body.limits).toMatchObject({ livechat: 3, whatsapp: 5 });
    expect((await aliceOnBoard()).channels).toEqual([
      { channel: 'livechat', held: 0, limit: 3 },
      { channel: 'whatsapp', held: 0, limit: 5 },
    ]);

    await startCustomer(t.baseUrl, { name: 'First' });
    await startCustomer(t.baseUrl, { name: 'Second' });
    const aliceEvents = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    const offer = await aliceEvents.next('offer.created');
    expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);

    // One active conversation and one pending offer, both on live chat; nothing on WhatsApp.
    expect(await aliceOnBoard()).toMatchObject({
      state: 'available',
      held: 2,
      limit: 3,
      conversations: 1,
      channels: [
        { channel: 'livechat', held: 2, limit: 3 },
        { channel: 'whatsapp', held: 0, limit: 5 },
      ],
    });
  });

  it('lists every channel the agent holds something on, in channel order, at the default limit', async () => {
    // Her live participation moved to SMS and her pending offer to Messenger, with their counters,
    // as one of each on those channels would count.
    const d = t.database.db;
    await d
      .update(schema.participants)
      .set({ channel: 'sms' })
      .where(eq(schema.participants.userId, alice.id));
    await d.update(schema.offers).set({ channel: 'messenger' }).where(eq(schema.offers.userId, alice.id));
    await d.delete(schema.agentLoads).where(eq(schema.agentLoads.userId, alice.id));
    await d.insert(schema.agentLoads).values([
      { userId: alice.id, channel: 'sms', held: 1 },
      { userId: alice.id, channel: 'messenger', held: 1 },
    ]);

    expect(await aliceOnBoard()).toMatchObject({
      held: 0,
      limit: 3,
      conversations: 1,
      channels: [
        { channel: 'livechat', held: 0, limit: 3 },
        { channel: 'whatsapp', held: 0, limit: 5 },
        { channel: 'sms', held: 1, limit: 3 },
        { channel: 'messenger', held: 1, limit: 3 },
      ],
    });
  });
});
