import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { AGENT_NAMESPACE, CSRF_HEADER } from '@switchboard/contracts';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../src/http/passwords';
import { type AgentClient, connect, loginAgent, request, TEST_SECRETS_KEY } from './harness';

/**
 * Two real server processes on one PostgreSQL and one Redis: routing stays correct across them
 * (no double assignment, no agent over their limit, nothing left waiting next to a free agent),
 * pushes fan out between them, and offer deadlines survive the process that created them.
 */

const root = resolve(import.meta.dirname, '../../..');
const AGENTS = 30;
const ARRIVALS = 1000;
const ARRIVAL_CONCURRENCY = 40;
const OFFER_TIMEOUT_SECONDS = 15;
const DRAIN_MS = 60_000;

const freePort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

interface Proc {
  name: 'A' | 'B';
  base: string;
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<number | null>;
  output: () => string;
}

const startMain = (name: 'A' | 'B', port: number, env: Record<string, string>): Proc => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const ready = new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name}: no start within 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      if (output.includes('Switchboard is running')) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', (code) => fail(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { name, base: `http://127.0.0.1:${port}`, child, ready, exited, output: () => output };
};

/** offer.created events this process published, from its Prometheus counter. */
const offersCreatedBy = async (proc: Proc): Promise<number> => {
  const text = await fetch(`${proc.base}/metrics`).then((r) => r.text());
  const line = text
    .split('\n')
    .find((l) => l.startsWith('switchboard_domain_events_total{type="offer.created"}'));
  return line ? Number(line.split(' ').pop()) : 0;
};

interface Agent {
  email: string;
  limit: number;
  proc: Proc;
  client: AgentClient;
  socket: Socket;
  offers: { id: string; conversationId: string }[];
  states: string[];
}

const LOAD_SQL = `
  select u.id, u.chat_limit as "limit",
    (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))::int
    + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending')::int as load
  from users u where u.role = 'agent'`;

// Queued conversations next to an Available agent of the queue's team with room for one more.
const STRANDED_SQL = `
  select c.id from conversations c
  join queues q on q.id = c.queue_id
  where c.status = 'queued' and exists (
    select 1 from users u join team_members tm on tm.user_id = u.id and tm.team_id = q.team_id
    where u.state = 'available'
      and u.chat_limit > (select count(*) from participants p where p.user_id = u.id and p.state in ('active', 'wrapup'))
        + (select count(*) from offers o where o.user_id = u.id and o.status = 'pending')
      and not exists (select 1 from participants p2 where p2.conversation_id = c.id and p2.user_id = u.id and p2.state <> 'done'))`;

describe('two server processes on one PostgreSQL and one Redis', () => {
  let db: pg.Client;
  let admin: pg.Client;
  let dbName: string;
  const procs: Proc[] = [];
  let A: Proc;
  let B: Proc;
  const agents: Agent[] = [];
  let idleReasonId: string;
  let wrapUpReasonId: string;

  beforeAll(async () => {
    const adminUrl = inject('postgresUrl');
    dbName = `sb_scale_${randomUUID().replaceAll('-', '')}`;
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: inject('redisUrl'),
      SEED_DEMO: 'true',
      // The key both processes share, rather than one made in the repository's ./data.
      SECRETS_KEY: TEST_SECRETS_KEY,
      CHAT_START_RATE_LIMIT: '100000',
      LOGIN_RATE_LIMIT: '100000',
    };
    const [pa, pb] = [await freePort(), await freePort()];
    // Both first starts at once: migrations and the demo seed must happen once.
    A = startMain('A', pa, env);
    B = startMain('B', pb, env);
    procs.push(A, B);
    await Promise.all([A.ready, B.ready]);
    db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    for (const a of agents) {
      a.socket.close();
    }
    for (const p of procs) {
      p.child.kill('SIGKILL');
    }
    await db?.end();
    await admin?.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin?.end();
  });

  it('seeds once when both start at once, and logs agents in and out of either process', async () => {
    const seededBy = procs.filter((p) => p.output().includes('with demo data'));
    expect(seededBy).toHaveLength(1);
    const { rows: teams } = await db.query<{ id: string }>('select id from teams');
    expect(teams).toHaveLength(1);
    const { rows: users } = await db.query('select id from users');
    expect(users).toHaveLength(4);

    // Extra agents with limits 1-5 in the demo team, each logged in on either process.
    const passwordHash = await hashPassword('demo-password', { cost: 1024 });
    for (let i = 0; i < AGENTS; i++) {
      const limit = 1 + (i % 5);
      const {
        rows: [u],
      } = await db.query<{ id: string }>(
        `insert into users (email, name, role, password_hash, chat_limit) values ($1, $2, 'agent', $3, $4) returning id`,
        [`scale${i}@example.com`, `Scale Agent ${i}`, passwordHash, limit],
      );
      await db.query('insert into team_members (team_id, user_id) values ($1, $2)', [teams[0]!.id, u!.id]);
      await db.query(`insert into agent_limits (user_id, channel, max) values ($1, 'livechat', $2)`, [
        u!.id,
        limit,
      ]);
    }
    await db.query('update queues set offer_timeout_seconds = $1', [OFFER_TIMEOUT_SECONDS]);
    idleReasonId = (await db.query('select id from idle_reasons order by position limit 1')).rows[0].id;
    wrapUpReasonId = (await db.query('select id from wrap_up_reasons order by position limit 1')).rows[0].id;

    await Promise.all(
      Array.from({ length: AGENTS }, async (_, i) => {
        const email = `scale${i}@example.com`;
        const proc = i % 2 === 0 ? A : B;
        const client = await loginAgent(pick(procs).base, email);
        // The session works on both processes: the socket goes to a fixed one, half on each.
        const socket = await connectAgentSocket(proc.base, client.cookie);
        const agent: Agent = { email, limit: 1 + (i % 5), proc, client, socket, offers: [], states: [] };
        socket.on('disconnect', (reason) => {
          if (process.env.SCALE_DEBUG) {
            console.log(`socket of ${email} on ${proc.name} disconnected: ${reason}`);
          }
        });
        socket.on('offer.created', (offer: { id: string; conversationId: string }) => {
          agent.offers.push({ id: offer.id, conversationId: offer.conversationId });
        });
        socket.on('agent.state', (s: { state: string }) => agent.states.push(s.state));
        agents.push(agent);
      }),
    );
    expect(agents.every((a) => a.socket.connected)).toBe(true);
  }, 60_000);

  it('delivers an offer decided on one process to an agent socket on the other', async () => {
    const x = agents.find((a) => a.proc === B)!;
    const before = [await offersCreatedBy(A), await offersCreatedBy(B)];
    // Made Available through A too: only A routes, so the offer is A's decision. (Through B, B's
    // routing run for the state change could still be running when the chat arrives and take it.)
    expect((await request(A.base, 'PUT', '/api/agent/state', authed(x, { state: 'available' }))).status).toBe(
      200,
    );
    const got = waitFor(x.socket, 'offer.created', 5000);
    const chat = await request(A.base, 'POST', '/api/livechat/conversations', {
      body: { entryPoint: 'website', name: 'Probe', message: 'cross-process?' },
    });
    expect(chat.status).toBe(201);
    const offer = (await got) as { id: string; conversationId: string };
    expect(offer.conversationId).toBe(chat.body.conversation.id);
    expect([(await offersCreatedBy(A)) - before[0]!, (await offersCreatedBy(B)) - before[1]!]).toEqual([
      1, 0,
    ]);
    expect((await x.client.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    expect((await x.client.post(`/api/conversations/${offer.conversationId}/end`)).status).toBe(200);
    expect(
      (await x.client.post(`/api/conversations/${offer.conversationId}/wrap-up`, { wrapUpReasonId })).status,
    ).toBe(204);
  }, 20_000);

  it(`keeps every routing invariant under ${ARRIVALS} concurrent arrivals and agent state flips`, async () => {
    const started = Date.now();
    let phase = 'storm' as 'storm' | 'drain' | 'done';
    const violations: string[] = [];
    const errors: string[] = [];
    let samples = 0;
    let maxWaiting = 0;

    // Sampled from the database while everything runs: one statement, one snapshot.
    const sampler = (async () => {
      while (phase !== 'done') {
        const { rows } = await db.query<{ id: string; limit: number; load: number }>(LOAD_SQL);
        for (const r of rows) {
          if (r.load > r.limit) {
            violations.push(`agent ${r.id}: load ${r.load} over limit ${r.limit}`);
          }
        }
        const twice = await db.query(
          `select conversation_id from participants where state <> 'done' group by conversation_id having count(*) > 1`,
        );
        for (const r of twice.rows) {
          violations.push(`conversation ${r.conversation_id}: two live participants`);
        }
        const waiting = await db.query(
          `select count(*)::int as n from conversations where status = 'queued'`,
        );
        maxWaiting = Math.max(maxWaiting, waiting.rows[0].n);
        samples++;
        await sleep(200);
      }
    })();

    const trace = new Map<string, string[]>();
    const handle = async (agent: Agent, offer: { id: string; conversationId: string }) => {
      await sleep(20 + Math.random() * 200);
      const r = phase === 'storm' ? Math.random() : 1; // draining: accept all
      const via = pick(procs);
      const steps = trace.get(offer.conversationId) ?? [];
      trace.set(offer.conversationId, steps);
      const call = (path: string, body: unknown = {}) =>
        request(via.base, 'POST', path, authed(agent, body)).then(
          (res) => {
            steps.push(
              `${agent.email} ${path.split('/').pop()} via ${via.name}: ${res.status} ${res.status >= 300 ? JSON.stringify(res.body) : ''}`,
            );
            if (res.status >= 500) {
              errors.push(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
            }
            return res;
          },
          (err) => {
            steps.push(
              `${agent.email} ${path.split('/').pop()} via ${via.name}: threw ${String(err)} ${String(err?.cause)}`,
            );
            throw err;
          },
        );
      if (r < 0.08) {
        return; // let it time out: the deadline fires, the agent goes to RONA
      }
      if (r < 0.2) {
        await call(`/api/offers/${offer.id}/reject`);
        return;
      }
      const accepted = await call(`/api/offers/${offer.id}/accept`);
      if (accepted.status !== 200) {
        return; // it timed out meanwhile
      }
      await sleep(Math.random() * 300);
      await call(`/api/conversations/${offer.conversationId}/end`);
      await call(`/api/conversations/${offer.conversationId}/wrap-up`, { wrapUpReasonId });
    };
    // Offers from before (the probe) are already dealt with.
    const handled = new Set<string>(agents.flatMap((a) => a.offers.map((o) => o.id)));
    const handlers: Promise<void>[] = [];
    const handleNew = () => {
      for (const a of agents) {
        for (const o of a.offers) {
          if (!handled.has(o.id)) {
            handled.add(o.id);
            handlers.push(handle(a, o).catch((err) => void errors.push(String(err))));
          }
        }
      }
    };

    // State flips: Available or Idle at random while arrivals run; RONA and Refused are left by hand.
    const setState = (a: Agent, state: 'available' | 'idle') =>
      request(
        pick(procs).base,
        'PUT',
        '/api/agent/state',
        authed(a, state === 'idle' ? { state, idleReasonId } : { state }),
      ).then((res) => {
        if (res.status !== 200) {
          errors.push(`state ${state}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      });
    const flippers = agents.map(async (a) => {
      while (phase === 'storm') {
        await setState(a, Math.random() < 0.7 ? 'available' : 'idle');
        await sleep(300 + Math.random() * 1200);
      }
    });

    // Arrivals, spread over both processes, a bounded number in flight.
    let next = 0;
    const conversationIds: string[] = [];
    const arrivals = Array.from({ length: ARRIVAL_CONCURRENCY }, async () => {
      while (next < ARRIVALS) {
        next++;
        const res = await request(pick(procs).base, 'POST', '/api/livechat/conversations', {
          body: { entryPoint: 'website', name: `Customer ${next}`, message: 'Hello' },
        });
        if (res.status === 201) {
          conversationIds.push(res.body.conversation.id);
        } else {
          errors.push(`start chat: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    });
    const offerPump = setInterval(handleNew, 20);
    await Promise.all(arrivals);
    const stormMs = Date.now() - started;
    phase = 'drain';
    await Promise.all(flippers);

    // Drain: everyone Available (again, after RONA/Refused too), every offer accepted and closed.
    const drainUntil = Date.now() + DRAIN_MS;
    while (Date.now() < drainUntil) {
      const notAvailable = await db.query<{ email: string }>(
        `select email from users where email like 'scale%' and state <> 'available'`,
      );
      await Promise.all(
        notAvailable.rows.map((r) => setState(agents.find((a) => a.email === r.email)!, 'available')),
      );
      const open = await db.query(
        `select count(*)::int as n from conversations where status <> 'ended' and id = any($1::uuid[])`,
        [conversationIds],
      );
      if (open.rows[0].n === 0) {
        break;
      }
      if (process.env.SCALE_DEBUG) {
        const st = await db.query('select status, count(*)::int n from conversations group by status');
        const us = await db.query(
          `select state, count(*)::int n from users where email like 'scale%' group by state`,
        );
        const lo = await db.query(LOAD_SQL);
        const stranded = await db.query(STRANDED_SQL);
        console.log(
          JSON.stringify({
            t: Date.now() - started,
            conv: st.rows,
            users: us.rows,
            load: lo.rows.reduce((s: number, r: { load: number }) => s + r.load, 0),
            stranded: stranded.rows.length,
            handlers: handlers.length,
            handled: handled.size,
          }),
        );
      }
      await sleep(250);
    }
    clearInterval(offerPump);
    await Promise.all(handlers);
    // Quiescence: every decision has been pushed and handled.
    await sleep(1000);
    phase = 'done';
    await sampler;

    const { rows: offerRows } = await db.query<{
      id: string;
      user_id: string;
      conversation_id: string;
      status: string;
    }>('select id, user_id, conversation_id, status from offers');
    const userIds = new Map(
      (await db.query<{ id: string; email: string }>('select id, email from users')).rows.map((r) => [
        r.email,
        r.id,
      ]),
    );
    const byId = new Map(offerRows.map((o) => [o.id, o]));

    // No conversation accepted twice or with two live participants; nobody over their limit.
    const acceptedTwice = await db.query(
      `select conversation_id from offers where status = 'accepted' group by conversation_id having count(*) > 1`,
    );
    expect(acceptedTwice.rows).toEqual([]);
    const pendingTwice = await db.query(
      `select conversation_id from offers where status = 'pending' group by conversation_id having count(*) > 1`,
    );
    expect(pendingTwice.rows).toEqual([]);
    const liveTwice = await db.query(
      `select conversation_id from participants where state <> 'done' group by conversation_id having count(*) > 1`,
    );
    expect(liveTwice.rows).toEqual([]);
    const { rows: loads } = await db.query<{ limit: number; load: number }>(LOAD_SQL);
    expect(loads.filter((r) => r.load > r.limit)).toEqual([]);
    expect(violations).toEqual([]);

    // Every offer an agent's socket received is an offer row for that agent, received once, and
    // every offer row reached its agent's socket, whichever process decided it.
    let received = 0;
    const receivedOn = { A: 0, B: 0 };
    for (const a of agents) {
      const id = userIds.get(a.email);
      const ids = a.offers.map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const o of a.offers) {
        const row = byId.get(o.id);
        expect(row, `offer ${o.id} pushed to ${a.email} has no row`).toBeDefined();
        expect(row!.user_id).toBe(id);
        expect(row!.conversation_id).toBe(o.conversationId);
      }
      received += a.offers.length;
      receivedOn[a.proc.name] += a.offers.length;
    }
    const scaleIds = new Set(agents.map((a) => userIds.get(a.email)));
    const rowsForScaleAgents = offerRows.filter((o) => scaleIds.has(o.user_id)).length;
    expect(received).toBe(rowsForScaleAgents);
    const createdBy = { A: await offersCreatedBy(A), B: await offersCreatedBy(B) };
    expect(createdBy.A + createdBy.B).toBe(offerRows.length);
    // Offers that one process decided and the other's sockets received: at least this many.
    const crossAtLeast = Math.max(0, createdBy.A - receivedOn.A) + Math.max(0, createdBy.B - receivedOn.B);
    // Only a lower bound (the probe test above proves one delivery exactly), so printed, not asserted.

    // Quiescence: nothing waits while an eligible agent is Available with room.
    expect((await db.query(STRANDED_SQL)).rows).toEqual([]);
    const ended = await db.query(
      `select count(*)::int as n from conversations where status = 'ended' and id = any($1::uuid[])`,
      [conversationIds],
    );
    const statuses = Object.fromEntries(
      (
        await db.query<{ status: string; n: number }>(
          'select status, count(*)::int as n from offers group by status',
        )
      ).rows.map((r) => [r.status, r.n]),
    );
    expect(statuses.timed_out ?? 0).toBeGreaterThan(0);
    expect(statuses.rejected ?? 0).toBeGreaterThan(0);
    expect(conversationIds).toHaveLength(ARRIVALS);
    if (ended.rows[0].n !== ARRIVALS) {
      const stuck = await db.query(
        `select c.id, c.status, c.queued_at, (select json_agg(json_build_object('s', o.status, 'u', o.user_id, 'at', o.offered_at, 'dl', o.deadline_at, 'closed', o.closed_at)) from offers o where o.conversation_id = c.id) offers, (select json_agg(json_build_object('s', p.state, 'u', p.user_id)) from participants p where p.conversation_id = c.id) parts, (select json_agg(t) from timers t) timers, now() from conversations c where c.status <> 'ended' and c.id = any($1::uuid[])`,
        [conversationIds],
      );
      console.log('STUCK', JSON.stringify(stuck.rows, null, 1));
      const users = await db.query(
        `select u.email, u.state, u.chat_limit from users u where u.id in (select user_id from offers where conversation_id = any($1::uuid[]) and status = 'pending')`,
        [stuck.rows.map((r: { id: string }) => r.id)],
      );
      console.log('USERS', JSON.stringify(users.rows));
      console.log('TRACE', JSON.stringify(stuck.rows.map((r: { id: string }) => trace.get(r.id))));
      console.log('ERRORS', JSON.stringify(errors));
    }
    if (errors.length > 0) {
      for (const p of procs) {
        console.log(
          `LOG ${p.name}`,
          p
            .output()
            .split('\n')
            .filter((l) => /"level":(50|60)/.test(l))
            .join('\n'),
        );
      }
    }
    expect(ended.rows[0].n).toBe(ARRIVALS);
    expect(errors).toEqual([]);
    expect(agents.every((a) => a.socket.connected)).toBe(true);
    console.info(
      JSON.stringify({
        scaleOut: {
          arrivals: ARRIVALS,
          stormMs,
          totalMs: Date.now() - started,
          offers: offerRows.length,
          offerStatuses: statuses,
          createdBy,
          receivedOn,
          crossProcessDeliveriesAtLeast: crossAtLeast,
          samples,
          maxWaiting,
        },
      }),
    );
  }, 150_000);

  it('fires an offer deadline on the other process when the one that created it has stopped', async () => {
    // A team, queue and entry point of their own, whatever the storm left: one agent, socket on B.
    const {
      rows: [team],
    } = await db.query<{ id: string }>(`insert into teams (name) values ('Deadline') returning id`);
    const {
      rows: [queue],
    } = await db.query<{ id: string }>(
      `insert into queues (name, team_id, priority, offer_timeout_seconds) values ('Deadline', $1, 0, 3) returning id`,
      [team!.id],
    );
    await db.query(
      `insert into entry_points (key, name, channel, queue_id) values ('deadline', 'Deadline', 'livechat', $1)`,
      [queue!.id],
    );
    const {
      rows: [z],
    } = await db.query<{ id: string }>(
      `insert into users (email, name, role, password_hash, chat_limit) values ('deadline@example.com', 'Dee', 'agent', $1, 1) returning id`,
      [await hashPassword('demo-password', { cost: 1024 })],
    );
    await db.query('insert into team_members (team_id, user_id) values ($1, $2)', [team!.id, z!.id]);
    const client = await loginAgent(B.base, 'deadline@example.com');
    const y: Agent = {
      email: 'deadline@example.com',
      limit: 1,
      proc: B,
      client,
      socket: await connectAgentSocket(B.base, client.cookie),
      offers: [],
      states: [],
    };
    y.socket.on('agent.state', (st: { state: string }) => y.states.push(st.state));
    agents.push(y);
    const before = await offersCreatedBy(A);
    // Available through A as well, and the arrival through A: A alone routes, so A decides.
    expect((await request(A.base, 'PUT', '/api/agent/state', authed(y, { state: 'available' }))).status).toBe(
      200,
    );
    const got = waitFor(y.socket, 'offer.created', 5000);
    const chat = await request(A.base, 'POST', '/api/livechat/conversations', {
      body: { entryPoint: 'deadline', name: 'Deadline', message: 'who fires me?' },
    });
    expect(chat.status).toBe(201);
    const offer = (await got) as { id: string };
    expect(await offersCreatedBy(A)).toBe(before + 1);

    // A stops with the deadline armed in its memory only; B's sweep must find the row.
    A.child.kill('SIGTERM');
    expect(await A.exited).toBe(0);
    const aSockets = agents.filter((a) => a.proc === A);
    const bSockets = agents.filter((a) => a.proc === B);
    await sleep(200);
    expect(aSockets.every((a) => !a.socket.connected)).toBe(true);
    // A's shutdown closes only its own sockets, not those the Redis adapter knows on B.
    expect(bSockets.every((a) => a.socket.connected)).toBe(true);

    const closed = waitFor(y.socket, 'offer.closed', 8000);
    await closed;
    const {
      rows: [row],
    } = await db.query<{ status: string; deadline_at: Date; closed_at: Date }>(
      'select status, deadline_at, closed_at from offers where id = $1',
      [offer.id],
    );
    expect(row!.status).toBe('timed_out');
    const latenessMs = row!.closed_at.getTime() - row!.deadline_at.getTime();
    console.info(JSON.stringify({ deadlineFiredByOtherProcess: { latenessMs } }));
    expect(latenessMs).toBeGreaterThanOrEqual(0);
    expect(latenessMs).toBeLessThanOrEqual(1500);
    expect(y.states.at(-1)).toBe('rona');
  }, 30_000);
});

const authed = (a: Agent, body: unknown) => ({
  body,
  headers: { cookie: a.client.cookie, [CSRF_HEADER]: a.client.csrfToken },
});

const connectAgentSocket = (base: string, cookie: string): Promise<Socket> =>
  connect(`${base}${AGENT_NAMESPACE}`, { extraHeaders: { cookie } });

const waitFor = (socket: Socket, event: string, ms: number) =>
  new Promise<unknown>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: unknown) => {
      clearTimeout(timer);
      done(payload);
    });
  });
