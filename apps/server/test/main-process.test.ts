import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startMain } from './processes';

describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-main-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const c of running) {
      c.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds demo data on first start, prints the logins, stops on SIGTERM and keeps its data', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: join(dir, 'data') };
    const first = startMain(env);
    running.push(first.child);
    await first.ready;
    expect(first.output()).toContain(`Agent desktop:   http://localhost:${port}/`);
    expect(first.output()).toContain(`Customer demo:   http://localhost:${port}/demo`);
    expect(first.output()).toContain('alice@example.com (agent)');
    expect(first.output()).toContain('with demo data');
    const base = `http://127.0.0.1:${port}`;
    const started = await fetch(`${base}/api/livechat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entryPoint: 'website', name: 'Kept', message: 'Still here after a restart?' }),
    }).then((r) => r.json());

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startMain(env);
    running.push(second.child);
    await second.ready;
    expect(second.output()).not.toContain('with demo data');
    const resumed = await fetch(`${base}/api/livechat/conversations/${started.conversation.id}`, {
      headers: { authorization: `Bearer ${started.token}` },
    }).then((r) => r.json());
    expect(resumed.messages.map((m: { body: string }) => m.body)).toEqual(['Still here after a restart?']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('refuses to start on an invalid setting, naming it', async () => {
    const bad = startMain({ PORT: 'eighty', DATA_DIR: join(dir, 'bad') });
    running.push(bad.child);
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toContain('PORT');
  }, 60_000);
});
