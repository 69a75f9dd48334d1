import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  connect,
  createTestDatabase,
  loginAgent,
  request,
  startCustomer,
  startServer,
  type TestServer,
} from './harness';

describe('bad input gets a clear 4xx, never a crash', () => {
  let t: TestServer;
  let alice: AgentClient;

  beforeAll(async () => {
    const db = await createTestDatabase('pglite');
    t = await startServer({ database: await db.open() });
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
  });

  it('answers malformed JSON with 400', async () => {
    const res = await request(t.baseUrl, 'POST', '/api/livechat/conversations', {
      raw: '{"entryPoint": "website",',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/JSON/);
  });

  it('names the invalid field', async () => {
    const res = await request(t.baseUrl, 'POST', '/api/livechat/conversations', {
      body: { entryPoint: 'website', name: '', email: 'not-an-email' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('body.name');
    expect(res.body.message).toContain('body.email');
    expect(res.body.details.issues.map((i: any) => i.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.email']),
    );
  });

  it('answers an oversized body with 413', async () => {
    const res = await request(t.baseUrl, 'POST', '/api/livechat/conversations', {
      body: { entryPoint: 'website', name: 'x', message: 'a'.repeat(200_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('BODY_TOO_LARGE');
  });

  it('answers a wrong content type with 415', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<login/>',
    });
    expect(res.status).toBe(415);
  });

  it('answers an id that is not a UUID with 400, and an unknown one with 404', async () => {
    expect((await alice.get('/api/conversations/not-a-uuid')).status).toBe(400);
    const unknown = await alice.get(`/api/conversations/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CONVERSATION_NOT_FOUND');
    expect((await alice.post(`/api/offers/${randomUUID()}/accept`)).status).toBe(404);
  });

  it('refuses the reserved characters and messages over the channel limit', async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const customer = await startCustomer(t.baseUrl);
    await t.server.settle();
    const [offer] = (await alice.get('/api/agent/bootstrap')).body.offers;
    await alice.post(`/api/offers/${offer.id}/accept`);
    const path = `/api/conversations/${customer.conversationId}/messages`;
    const reserved = await alice.post(path, { body: 'use <b>bold</b>', clientMessageId: 'r' });
    expect(reserved.status).toBe(400);
    expect(reserved.body.code).toBe('MESSAGE_RESERVED_CHARACTERS');
    expect(reserved.body.message).toMatch(/< and >/);
    const long = await alice.post(path, { body: 'x'.repeat(1001), clientMessageId: 'l' });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('MESSAGE_TOO_LONG');
    const blank = await alice.post(path, { body: '  \n ', clientMessageId: 'b' });
    expect(blank.body.code).toBe('MESSAGE_EMPTY');
    // Exactly at the limit, with emoji counted as one character each, is fine.
    expect((await alice.post(path, { body: '😀'.repeat(1000), clientMessageId: 'e' })).status).toBe(201);
    const customerLong = await customer.send('y'.repeat(1001));
    expect(customerLong.status).toBe(400);
  });

  it('refuses the customer API without the right token, without telling which part was wrong', async () => {
    const customer = await startCustomer(t.baseUrl);
    const base = `/api/livechat/conversations/${customer.conversationId}`;
    const none = await request(t.baseUrl, 'GET', base);
    const wrong = await request(t.baseUrl, 'GET', base, { headers: { authorization: 'Bearer wrong' } });
    const other = await request(t.baseUrl, 'GET', `/api/livechat/conversations/${randomUUID()}`, {
      headers: { authorization: `Bearer ${customer.token}` },
    });
    expect([none.status, wrong.status, other.status]).toEqual([401, 401, 401]);
    expect(wrong.body).toEqual(other.body);
    await expect(
      connect(`${t.baseUrl}/customer`, { auth: { token: 'wrong', conversationId: customer.conversationId } }),
    ).rejects.toThrow();
    await expect(
      connect(`${t.baseUrl}/customer`, { auth: { token: customer.token, conversationId: 42 } }),
    ).rejects.toThrow();
  });

  it('refuses an unknown entry point', async () => {
    const res = await request(t.baseUrl, 'POST', '/api/livechat/conversations', {
      body: { entryPoint: 'nope', name: 'Max' },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ENTRY_POINT_NOT_FOUND');
  });

  it('answers malformed socket events with an error, and keeps the connection', async () => {
    const socket = await alice.socket();
    const bad = await socket.emitWithAck('typing', { conversationId: 'x', typing: 'yes' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const foreign = await socket.emitWithAck('typing', { conversationId: randomUUID(), typing: true });
    expect(foreign).toMatchObject({ ok: false, code: 'NOT_A_PARTICIPANT' });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('answers a clientMessageId reused for another message with 409, and a true retry with the stored message', async () => {
    const customer = await startCustomer(t.baseUrl, { name: 'Retry' });
    const key = randomUUID();
    const first = await customer.send('My card was charged twice', key);
    expect(first.status).toBe(201);
    const retry = await customer.send('My card was charged twice', key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const reused = await customer.send('Something else entirely', key);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const thread = await customer.get('/messages?after=0');
    expect(thread.body.messages.map((m: any) => m.body)).not.toContain('Something else entirely');
  });

  it('authorises before it validates: a malformed body to a route one may not call is 403, not a schema lesson', async () => {
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    for (const [who, path, method] of [
      [alice, '/api/admin/settings', 'patch'],
      [sam, '/api/admin/settings', 'patch'],
      [alice, '/api/admin/queues', 'post'],
      [alice, '/api/supervisor/reveal', 'post'],
      [alice, `/api/supervisor/agents/${alice.id}/state`, 'put'],
    ] as const) {
      const res = await (who as AgentClient)[method as 'post'](path as string, {
        nonsense: [1, { deep: true }],
      });
      expect(res.status, `${path}`).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.body)).not.toContain('nonsense');
    }
    const anonymous = await request(t.baseUrl, 'PATCH', '/api/admin/settings', {
      body: { maskSensitiveData: 'x' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await request(t.baseUrl, 'GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
