import { AGENT_NAMESPACE, type TSupervisorOverview } from '@switchboard/contracts';
import { schema } from '@switchboard/store';
import { desc, eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  connect,
  createTestDatabase,
  loginAgent,
  record,
  serverForSuite,
  startCustomer,
  startServer,
  type TestServer,
} from './harness';

/**
 * An agent whose desktop is gone (browser closed, network lost) leaves routing after a grace
 * period: offline with reason `disconnected`, their pending offers back in the queue.
 */

const GRACE_MS = 1000;
// Past the grace, with room for the check and its transaction: long enough to see nothing happen.
const PAST_GRACE_MS = GRACE_MS + 700;
const env = { AGENT_DISCONNECT_GRACE_SECONDS: String(GRACE_MS / 1000), CHAT_START_RATE_LIMIT: '1000' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const closed = (socket: Socket) =>
  new Promise<void>((done) => {
    socket.once('disconnect', () => done());
    socket.close();
  });

const lastStateLogEntry = async (t: TestServer, userId: string) => {
  const [row] = await t.database.db
    .select()
    .from(schema.agentStateLog)
    .where(eq(schema.agentStateLog.userId, userId))
    .orderBy(desc(schema.agentStateLog.id))
    .limit(1);
  return row;
};

/** Alice Available with a socket and an offer pending; the offer is the one this call's customer started. */
const availableWithOffer = async (t: TestServer, alice: AgentClient, name: string) => {
  const socket = await alice.socket();
  const events = record(socket);
  expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
  const customer = await startCustomer(t.baseUrl, { name });
  const offer = await events.next('offer.created', (o: any) => o.conversationId === customer.conversationId);
  return { socket, events, offer };
};

/** After the grace: still Available, the offer still pending, nothing logged as `disconnected`. */
const expectUntouched = async (t: TestServer, alice: AgentClient, offerId: string) => {
  await t.server.settle();
  const boot = (await alice.get('/api/agent/bootstrap')).body;
  expect(boot.user.state).toBe('available');
  expect(boot.offers.map((o: any) => o.id)).toContain(offerId);
  expect(await lastStateLogEntry(t, alice.id)).toMatchObject({ state: 'available' });
  const [offer] = await t.database.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
  expect(offer?.status).toBe('pending');
};

describe.each(BACKENDS)('an agent whose desktop is gone (%s)', (backend) => {
  const server = serverForSuite(backend, env);
  let t: TestServer;
  let sam: AgentClient;

  beforeAll(async () => {
    t = server();
    sam = await loginAgent(t.baseUrl, 'sam@example.com');
  });

  it('goes offline after the grace; their offer is withdrawn and offered to another agent, keeping its place', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const { socket, offer } = await availableWithOffer(t, alice, 'Left hanging');
    const [before] = await t.database.db
      .select()
      .from(schema.conversations)
      .where(eq(schema.conversations.id, offer.conversationId));
    const bob = await loginAgent(t.baseUrl, 'bob@example.com');
    const bobEvents = record(await bob.socket());
    expect((await bob.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const board = record(await sam.socket());

    const closedAt = Date.now();
    await closed(socket);
    const toBob = await bobEvents.next(
      'offer.created',
      (o: any) => o.conversationId === offer.conversationId,
    );
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_MS);

    // The supervisor's board is pushed the change, and shows it on request too.
    const pushed = await board.next<TSupervisorOverview>('supervisor.overview', (o) =>
      o.agents.some((a) => a.id === alice.id && a.state === 'offline'),
    );
    expect(pushed.agents.find((a) => a.id === alice.id)?.stateReason).toBe('disconnected');
    const overview = (await sam.get<TSupervisorOverview>('/api/supervisor/overview')).body;
    expect(overview.agents.find((a) => a.id === alice.id)).toMatchObject({
      state: 'offline',
      stateReason: 'disconnected',
    });
    expect(await lastStateLogEntry(t, alice.id)).toMatchObject({ state: 'offline', reason: 'disconnected' });

    const [withdrawn] = await t.database.db
      .select()
      .from(schema.offers)
      .where(eq(schema.offers.id, offer.id));
    expect(withdrawn?.status).toBe('withdrawn');
    const [after] = await t.database.db
      .select()
      .from(schema.conversations)
      .where(eq(schema.conversations.id, offer.conversationId));
    expect(after?.status).toBe('offered');
    expect(after?.queuedAt).toEqual(before?.queuedAt);
    expect(toBob.id).not.toBe(offer.id);

    // Back on the desktop (the session is still live), Alice finds herself offline, without the offer.
    const boot = (await alice.get('/api/agent/bootstrap')).body;
    expect(boot.user).toMatchObject({ state: 'offline', stateReason: 'disconnected' });
    expect(boot.offers).toEqual([]);
    // Bob logs out, out of the next tests' way.
    expect((await bob.post('/api/auth/logout')).status).toBe(204);
    await t.server.settle();
  });

  it('keeps their state and offer when they reconnect within the grace', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const { socket, offer } = await availableWithOffer(t, alice, 'Reload');
    await closed(socket);
    const backSocket = await alice.socket();
    const back = record(backSocket);
    await sleep(PAST_GRACE_MS);
    await expectUntouched(t, alice, offer.id);
    expect(back.seen.filter((e) => e.event === 'agent.state' || e.event === 'offer.closed')).toEqual([]);
    await closed(backSocket);
  });

  it('changes nothing when one of two sockets closes', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const { socket, offer } = await availableWithOffer(t, alice, 'Two tabs');
    const otherSocket = await alice.socket();
    const other = record(otherSocket);
    await closed(socket);
    await sleep(PAST_GRACE_MS);
    await expectUntouched(t, alice, offer.id);
    expect(other.seen.filter((e) => e.event === 'agent.state' || e.event === 'offer.closed')).toEqual([]);
    await closed(otherSocket);
  });
});

describe('an agent whose desktop is gone, with two server processes on PostgreSQL and Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase('postgres');
    drop = db.drop;
    // A Redis database of its own, so that no other test's processes answer on its streams.
    const redis = new URL(inject('redisUrl'));
    redis.pathname = '/9';
    const clustered = { ...env, REDIS_URL: redis.toString() };
    a = await startServer({ database: await db.open(), env: clustered });
    b = await startServer({ database: await db.open(), env: clustered });
    // Each process has heard the other's heartbeat, so a cluster-wide count includes it.
    const servers = (t: TestServer) => t.server.realtime.agents.adapter.serverCount();
    while ((await servers(a)) < 2 || (await servers(b)) < 2) {
      await sleep(50);
    }
  });
  afterAll(async () => {
    for (const t of [a, b]) {
      await t?.stop();
      await t?.database.close();
    }
    await drop?.();
  });

  it('counts the sockets on the other process, waits for a reconnect there, and acts when none is left', async () => {
    const alice = await loginAgent(a.baseUrl, 'alice@example.com');
    // The same session's desktop on the other process, as behind a load balancer.
    const onB = () => connect(`${b.baseUrl}${AGENT_NAMESPACE}`, { extraHeaders: { cookie: alice.cookie } });
    const { socket: onA, offer } = await availableWithOffer(a, alice, 'Cluster');

    // A keeps no socket of hers, B does: A's timer finds it there.
    const kept = await onB();
    await closed(onA);
    await sleep(PAST_GRACE_MS);
    await expectUntouched(a, alice, offer.id);

    // Her only socket, on B, closes; she is back on A within the grace: B's timer finds it there.
    await closed(kept);
    const back = await alice.socket();
    await sleep(PAST_GRACE_MS);
    await b.server.settle();
    await expectUntouched(a, alice, offer.id);

    // Gone from both: offline, the offer withdrawn.
    await closed(back);
    const deadline = Date.now() + 5000;
    while ((await lastStateLogEntry(a, alice.id))?.reason !== 'disconnected' && Date.now() < deadline) {
      await sleep(50);
    }
    expect(await lastStateLogEntry(a, alice.id)).toMatchObject({ state: 'offline', reason: 'disconnected' });
    const [withdrawn] = await a.database.db
      .select()
      .from(schema.offers)
      .where(eq(schema.offers.id, offer.id));
    expect(withdrawn?.status).toBe('withdrawn');
  });
});
