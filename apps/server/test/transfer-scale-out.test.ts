import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AgentClient,
  type HttpAnswer,
  loginAgent,
  record,
  request,
  startCustomer,
  TEST_SECRETS_KEY,
} from './harness';
import { freePort, startMain } from './processes';

/**
 * Transfer and conference with two real server processes (the entry point, as `npm start` runs
 * it) on one PostgreSQL and one Redis: a request decided on one process reaches its agent's socket
 * on the other; two requests on one conversation at once, or a request racing the agent's End or
 * the customer leaving, sent through different processes, end in one consistent state: one
 * owner or one live conference, never none by accident and never two, nobody over their limit.
 */

const AGENTS = 8;
const RACES = 24;

type Proc = ReturnType<typeof startMain> & { base: string };

/** Every invariant of one owner at a time, as SQL that lists what breaks it. */
const BROKEN = {
  twoOwners: `select conversation_id from participants where state = 'active' and role = 'owner'
    group by conversation_id having count(*) > 1`,
  guestAlone: `select g.conversation_id from participants g where g.state = 'active' and g.role = 'guest'
    and not exists (select 1 from participants o where o.conversation_id = g.conversation_id
      and o.state = 'active' and o.role = 'owner')`,
  activeWithNobody: `select c.id from conversations c where c.status = 'active'
    and not exists (select 1 from participants p where p.conversation_id = c.id and p.state = 'active')`,
  waitingWithSomebody: `select c.id from conversations c where c.status in ('queued', 'offered')
    and exists (select 1 from participants p where p.conversation_id = c.id and p.state = 'active')`,
  twoPendingOffers: `select conversation_id from offers where status = 'pending'
    group by conversation_id having count(*) > 1`,
  offerForAGoneCustomer: `select o.id from offers o join conversations c on c.id = o.conversation_id
    where o.status = 'pending' and (c.customer_left or c.status = 'ended')`,
  overLimit: `select u.id from users u where u.role = 'agent' and coalesce((select max from agent_limits m
      where m.user_id = u.id and m.channel = 'livechat'), u.chat_limit) < (
    (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))
    + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending'))`,
  loadsDrift: `select coalesce(l.user_id, c.user_id) as user_id from agent_loads l full join (
      select user_id, channel, count(*)::int as n from (
        select user_id, channel from offers where status = 'pending'
        union all select user_id, channel from participants where state in ('active', 'wrapup')
      ) live group by user_id, channel
    ) c on c.user_id = l.user_id and c.channel = l.channel
    where coalesce(l.held, 0) <> coalesce(c.n, 0)`,
  openRequestWithoutOffer: `select r.id from routing_requests r where r.status = 'open' and r.target_type = 'agent'
    and not exists (select 1 from offers o where o.request_id = r.id and o.status = 'pending')`,
};

describe('transfer and conference with two server processes on one PostgreSQL and one Redis', () => {
  let admin: pg.Client;
  let db: pg.Client;
  let dbName: string;
  let A: Proc;
  let B: Proc;
  const agents: { email: string; onA: AgentClient; onB: AgentClient; id: string }[] = [];
  let wrapUpReasonId: string;
  let idleReasonId: string;
  let salesId: string;
  type Relay = (typeof agents)[number];

  /** On a break: nothing more is offered to them. */
  const away = async (a: Relay) =>
    expect((await a.onA.put('/api/agent/state', { state: 'idle', idleReasonId })).status).toBe(200);

  /**
   * The customer leaves, and everyone still in the conversation ends and wraps up; then every
   * relay agent goes on a break: the next chat starts from nothing.
   */
  const finish = async (id: string, customer: { end(): Promise<HttpAnswer> }) => {
    expect([204, 409]).toContain((await customer.end()).status);
    const { rows } = await db.query<{ email: string; state: string }>(
      `select u.email, p.state from participants p join users u on u.id = p.user_id
        where p.conversation_id = $1 and p.state <> 'done' order by p.joined_at`,
      [id],
    );
    for (const r of rows) {
      const a = agents.find((x) => x.email === r.email)!;
      if (r.state === 'active') {
        expect((await a.onA.post(`/api/conversations/${id}/end`)).status).toBe(200);
      }
      expect((await a.onB.post(`/api/conversations/${id}/wrap-up`, { wrapUpReasonId })).status).toBe(204);
    }
    for (const a of agents) {
      await away(a);
    }
  };

  const broken = async () => {
    const found: Record<string, unknown[]> = {};
    for (const [name, query] of Object.entries(BROKEN)) {
      const { rows } = await db.query(query);
      if (rows.length > 0) {
        found[name] = rows;
      }
    }
    return found;
  };

  beforeAll(async () => {
    const adminUrl = inject('postgresUrl');
    dbName = `sb_transfer_${randomUUID().replaceAll('-', '')}`;
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    // A Redis database of its own, so that no other test's processes answer on its streams.
    const redis = new URL(inject('redisUrl'));
    redis.pathname = '/7';
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: redis.toString(),
      SEED_DEMO: 'true',
      SIMULATOR: 'false',
      // The key both processes share, rather than one made in the repository's ./data.
      SECRETS_KEY: TEST_SECRETS_KEY,
      CHAT_START_RATE_LIMIT: '100000',
      LOGIN_RATE_LIMIT: '100000',
    };
    const [pa, pb] = [await freePort(), await freePort()];
    A = { ...startMain({ ...env, PORT: String(pa) }), base: `http://127.0.0.1:${pa}` };
    B = { ...startMain({ ...env, PORT: String(pb) }), base: `http://127.0.0.1:${pb}` };
    await Promise.all([A.ready, B.ready]);
    db = new pg.Client({ connectionString: url.toString() });
    await db.connect();

    const ada = await loginAgent(A.base, 'ada@example.com');
    const frontline = (await ada.get('/api/admin/teams')).body.teams[0].id;
    for (let i = 0; i < AGENTS; i++) {
      const email = `relay${i}@example.com`;
      const created = await ada.post('/api/admin/users', {
        email,
        name: `Relay ${i}`,
        role: 'agent',
        password: 'demo-password',
        teamIds: [frontline],
        limits: { livechat: 4 },
      });
      expect(created.status).toBe(201);
    }
    for (let i = 0; i < AGENTS; i++) {
      const email = `relay${i}@example.com`;
      const onA = await loginAgent(A.base, email);
      // The same session on the other process, as behind a load balancer.
      const onB = await loginAgent(B.base, email);
      agents.push({ email, onA, onB, id: onA.id });
    }
    idleReasonId = (await db.query('select id from idle_reasons order by position limit 1')).rows[0].id;
    wrapUpReasonId = (await db.query('select id from wrap_up_reasons order by position limit 1')).rows[0].id;
    salesId = (await db.query(`select id from queues where name = 'Sales'`)).rows[0].id;
  }, 120_000);

  afterAll(async () => {
    for (const p of [A, B]) {
      p?.child.kill('SIGKILL');
    }
    await db?.end();
    await admin?.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin?.end();
  });

  /** A chat arriving on `via`, offered to and accepted by `holder` (the only one Available). */
  const holds = async (holder: Relay, via: Proc, name: string) => {
    const events = record(await holder.onA.socket());
    expect((await holder.onB.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const customer = await startCustomer(via.base, { name, message: 'Hello' });
    const offer = await events.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId,
      15_000,
    );
    expect((await holder.onB.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    return { customer, events, id: customer.conversationId };
  };

  it('a transfer and a conference decided on one process reach their agent on the other', async () => {
    const [x, y, z] = agents as [(typeof agents)[0], (typeof agents)[0], (typeof agents)[0]];
    const { id, customer } = await holds(x, A, 'Cross Process');
    await away(x);

    // Y's desktop is on B; X transfers through A.
    const yEvents = record(await y.onB.socket());
    await y.onB.put('/api/agent/state', { state: 'available' });
    const moved = await x.onA.post(`/api/conversations/${id}/transfer`, {
      target: { type: 'agent', agentId: y.id },
      comment: 'Over to you',
    });
    expect(moved.status).toBe(200);
    const offer = await yEvents.next('offer.created', (o: any) => o.conversationId === id, 15_000);
    expect(offer.request).toEqual({ kind: 'transfer', requestedBy: 'Relay 0', comment: 'Over to you' });
    expect((await y.onA.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);

    // Y invites Z through B; Z's desktop is on A and accepts through B.
    const zEvents = record(await z.onA.socket());
    await z.onA.put('/api/agent/state', { state: 'available' });
    expect((await y.onB.post(`/api/conversations/${id}/conference`, { agentId: z.id })).status).toBe(200);
    const invitation = await zEvents.next('offer.created', (o: any) => o.conversationId === id, 15_000);
    expect(invitation.request.kind).toBe('conference');
    expect((await z.onB.post(`/api/offers/${invitation.id}/accept`)).status).toBe(200);
    await yEvents.next('conversation.updated', (s: any) => s.id === id && s.conference, 15_000);

    // End conference through A: Z holds it on, alone.
    expect((await y.onA.post(`/api/conversations/${id}/end-conference`)).status).toBe(200);
    const { rows } = await db.query(
      `select u.email, p.state, p.role from participants p join users u on u.id = p.user_id
        where p.conversation_id = $1 order by p.joined_at`,
      [id],
    );
    expect(rows).toEqual([
      { email: x.email, state: 'wrapup', role: 'owner' },
      { email: y.email, state: 'wrapup', role: 'owner' },
      { email: z.email, state: 'active', role: 'owner' },
    ]);
    expect(await broken()).toEqual({});
    await finish(id, customer);
  }, 60_000);

  it(`${RACES} races through different processes each end in one consistent state`, async () => {
    const answers: { race: string; first: HttpAnswer; second: HttpAnswer }[] = [];
    const races = [
      'two transfers',
      'transfer and End',
      'transfer and customer leaves',
      'invite and transfer',
    ];
    for (let i = 0; i < RACES; i++) {
      const kind = races[i % races.length]!;
      const holder = agents[i % AGENTS]!;
      const target = agents[(i + 1) % AGENTS]!;
      const other = agents[(i + 2) % AGENTS]!;
      const { customer, id } = await holds(holder, i % 2 === 0 ? A : B, `Race ${i}`);
      await away(holder);
      for (const a of [target, other]) {
        expect((await a.onB.put('/api/agent/state', { state: 'available' })).status).toBe(200);
      }
      const toAgent = (a: Relay, via: AgentClient) =>
        via.post(`/api/conversations/${id}/transfer`, { target: { type: 'agent', agentId: a.id } });
      const toSales = (via: AgentClient) =>
        via.post(`/api/conversations/${id}/transfer`, { target: { type: 'queue', queueId: salesId } });
      const [first, second] = await Promise.all(
        kind === 'two transfers'
          ? [toAgent(target, holder.onA), toSales(holder.onB)]
          : kind === 'transfer and End'
            ? [toAgent(target, holder.onA), holder.onB.post(`/api/conversations/${id}/end`)]
            : kind === 'transfer and customer leaves'
              ? [
                  toAgent(target, holder.onA),
                  request(B.base, 'POST', `/api/livechat/conversations/${id}/end`, {
                    body: {},
                    headers: { authorization: `Bearer ${customer.token}` },
                  }),
                ]
              : [
                  holder.onA.post(`/api/conversations/${id}/conference`, { agentId: other.id }),
                  toSales(holder.onB),
                ],
      );
      answers.push({ race: kind, first, second });
      expect(await broken(), `after race ${i} (${kind})`).toEqual({});
      await finish(id, customer);
      expect(await broken(), `after race ${i} (${kind}) was finished`).toEqual({});
    }
    const statuses = answers.map((a) => [a.race, a.first.status, a.second.status]);
    // Never a 5xx; of two requests by one agent on one conversation, exactly one wins.
    expect(statuses.filter(([, s1, s2]) => Number(s1) >= 500 || Number(s2) >= 500)).toEqual([]);
    for (const { race, first, second } of answers) {
      if (race === 'transfer and customer leaves') {
        // The customer may always leave; the transfer may win or find the chat left.
        expect(second.status).toBe(204);
        expect([200, 409]).toContain(first.status);
      } else {
        expect([first.status, second.status].sort()).toEqual([200, 409]);
      }
    }
  }, 180_000);
});
