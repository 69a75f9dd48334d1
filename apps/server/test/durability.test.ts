import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Backend,
  createTestClock,
  createTestDatabase,
  loginAgent,
  startCustomer,
  startServer,
} from './harness';

const cases: { backend: Backend; name: string }[] = [
  { backend: 'pglite', name: 'PGlite on disk' },
  { backend: 'postgres', name: 'PostgreSQL' },
];

describe.each(cases)('a restart loses nothing ($name)', ({ backend }) => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Two starts of a server on a data directory: far from 20 s alone, not always on a loaded machine.
  it('keeps acknowledged messages and fires an offer deadline that passed while the server was down', {
    timeout: 120_000,
  }, async () => {
    const db = await createTestDatabase(backend, { dataDir: join(dir, 'data') });
    const clock = createTestClock();
    let t = await startServer({ database: await db.open(), clock });
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    await alice.put('/api/agent/state', { state: 'available' });
    const customer = await startCustomer(t.baseUrl, { message: 'First' });
    expect((await customer.send('Second')).status).toBe(201);
    await t.server.settle();
    const [offer] = (await alice.get('/api/agent/bootstrap')).body.offers;
    expect(offer.conversationId).toBe(customer.conversationId);

    await t.stop();
    await t.database.close();
    clock.advance(60_000);

    t = await startServer({ database: await db.open(), clock });
    // The deadline passed while no server ran: the sweep fires it on start.
    await t.server.scheduler.fireDue();
    await t.server.settle();
    const aliceAgain = await loginAgent(t.baseUrl, 'alice@example.com');
    const me = await aliceAgain.get('/api/auth/me');
    expect(me.body.user.state).toBe('rona');

    const resumed = await fetch(`${t.baseUrl}/api/livechat/conversations/${customer.conversationId}`, {
      headers: { authorization: `Bearer ${customer.token}` },
    }).then((r) => r.json());
    expect(resumed.status).toBe('queued');
    expect(resumed.messages.map((m: any) => m.body)).toEqual(['First', 'Second']);

    // The customer's client catches up from its last seq.
    const after = await fetch(
      `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/messages?after=1`,
      {
        headers: { authorization: `Bearer ${customer.token}` },
      },
    ).then((r) => r.json());
    expect(after.messages.map((m: any) => m.seq)).toEqual([2]);
    await t.stop();
    await t.database.close();
    await db.drop();
  });
});
