import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TSupervisorOverview } from '@switchboard/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { loginAgent, record, startCustomer } from './harness';

/**
 * Presence does not depend on the process that held the socket: after a `kill -9`, an agent whose
 * desktop does not come back leaves routing once the grace period is over, on the restarted server.
 */

const root = resolve(import.meta.dirname, '../../..');

const freePort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });

const startMain = (env: Record<string, string>) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((done, fail) => {
    child.stdout?.on('data', (d) => {
      output += d;
      if (output.includes('Switchboard is running')) {
        done();
      }
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { child, ready, exited };
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
    const board = record(await sam.socket());
    const aliceOffline = (o: TSupervisorOverview) =>
      o.agents.some((a) => a.id === alice.id && a.state === 'offline') &&
      o.queues.some((q) => q.name === 'Support' && q.waiting >= 1);
    const now = (await sam.get<TSupervisorOverview>('/api/supervisor/overview')).body;
    if (!aliceOffline(now)) {
      await board.next('supervisor.overview', aliceOffline, 30_000);
    }
    const state = (await alice.get('/api/auth/me')).body.user;
    expect(state).toMatchObject({ state: 'offline', stateReason: 'disconnected' });
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
