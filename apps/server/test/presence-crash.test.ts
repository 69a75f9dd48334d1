import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSupervisorOverview } from '@switchboard/contracts';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type AgentClient, loginAgent, record, startCustomer, TEST_SECRETS_KEY } from './harness';
import { freePort, startMain } from './processes';

/**
 * Presence does not depend on the process that held the socket: after a `kill -9`, an agent whose
 * desktop does not come back leaves routing once the grace period is over, on the restarted server.
 */

/** Waits, by the supervisor's pushes, until the agent is offline and a conversation waits in Support. */
const untilOfflineWithConversationWaiting = async (sam: AgentClient, agentId: string) => {
  const board = record(await sam.socket());
  const done = (o: TSupervisorOverview) =>
    o.agents.some((a) => a.id === agentId && a.state === 'offline') &&
    o.queues.some((q) => q.name === 'Support' && q.waiting >= 1);
  const now = (await sam.get<TSupervisorOverview>('/api/supervisor/overview')).body;
  if (!done(now)) {
    await board.next('supervisor.overview', done, 60_000);
  }
};

describe('an agent whose server was killed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-crash-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const c of running) {
      c.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  // Two starts of the real entry point: well past vitest's default on a loaded machine.
  it('goes offline after the grace once the server is back, and their offer returns to the queue', {
    timeout: 180_000,
  }, async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: join(dir, 'data'), AGENT_DISCONNECT_GRACE_SECONDS: '1' };
    const first = startMain(env);
    running.push(first.child);
    await first.ready;

    const alice = await loginAgent(baseUrl, 'alice@example.com');
    const events = record(await alice.socket());
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const customer = await startCustomer(baseUrl, { name: 'Left hanging' });
    await events.next('offer.created', (o: any) => o.conversationId === customer.conversationId, 30_000);

    first.child.kill('SIGKILL');
    await first.exited;

    const second = startMain(env);
    running.push(second.child);
    await second.ready;
    const sam = await loginAgent(baseUrl, 'sam@example.com');
    await untilOfflineWithConversationWaiting(sam, alice.id);
    const state = (await alice.get('/api/auth/me')).body.user;
    expect(state).toMatchObject({ state: 'offline', stateReason: 'disconnected' });
    second.child.kill('SIGTERM');
    await second.exited;
  });
});

describe('an agent whose server was killed, beside another on PostgreSQL', () => {
  const running: ChildProcess[] = [];
  const dbName = `sb_crash_${randomUUID().replaceAll('-', '')}`;
  const adminUrl = inject('postgresUrl');
  afterAll(async () => {
    for (const c of running) {
      c.kill('SIGKILL');
    }
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it('is taken offline by the process that lives on, after the grace', { timeout: 180_000 }, async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: inject('redisUrl'),
      AGENT_DISCONNECT_GRACE_SECONDS: '1',
      // The key both processes share, rather than one made in the repository's ./data.
      SECRETS_KEY: TEST_SECRETS_KEY,
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const a = startMain({ ...env, PORT: String(portA) });
    const b = startMain({ ...env, PORT: String(portB) });
    running.push(a.child, b.child);
    await Promise.all([a.ready, b.ready]);

    // Alice's desktop is on A; the supervisor watches from B.
    const onA = `http://127.0.0.1:${portA}`;
    const alice = await loginAgent(onA, 'alice@example.com');
    const events = record(await alice.socket());
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const customer = await startCustomer(onA, { name: 'Left on A' });
    await events.next('offer.created', (o: any) => o.conversationId === customer.conversationId, 30_000);

    a.child.kill('SIGKILL');
    await a.exited;
    const sam = await loginAgent(`http://127.0.0.1:${portB}`, 'sam@example.com');
    await untilOfflineWithConversationWaiting(sam, alice.id);
    b.child.kill('SIGTERM');
    await b.exited;
  });
});
