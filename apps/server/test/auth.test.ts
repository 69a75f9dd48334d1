import { CSRF_HEADER } from '@switchboard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  connect,
  createTestDatabase,
  loginAgent,
  request,
  startServer,
  type TestServer,
} from './harness';

describe.each(BACKENDS)('agent sessions (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open(), env: { LOGIN_RATE_LIMIT: '5' } });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('logs in with an HttpOnly, SameSite session cookie holding no user data', async () => {
    const res = await request(t.baseUrl, 'POST', '/api/auth/login', {
      body: { email: 'Alice@Example.com ', password: 'demo-password' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'alice@example.com', role: 'agent', name: 'Alice Agent' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sb_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('alice');
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await request(t.baseUrl, 'POST', '/api/auth/login', {
      body: { email: 'bob@example.com', password: 'nope' },
    });
    const unknown = await request(t.baseUrl, 'POST', '/api/auth/login', {
      body: { email: 'nobody@example.com', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits login attempts on one account', async () => {
    const attempts = [];
    for (let i = 0; i < 7; i++) {
      attempts.push(
        await request(t.baseUrl, 'POST', '/api/auth/login', {
          body: { email: 'sam@example.com', password: `guess-${i}` },
        }),
      );
    }
    expect(attempts.map((a) => a.status).slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[6]!.status).toBe(429);
    expect(attempts[6]!.body.code).toBe('RATE_LIMITED');
  });

  it('requires the CSRF token and an allowed origin on writes', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const noToken = await request(t.baseUrl, 'PUT', '/api/agent/state', {
      body: { state: 'available' },
      headers: { cookie: alice.cookie },
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('CSRF_FAILED');
    const crossSite = await request(t.baseUrl, 'PUT', '/api/agent/state', {
      body: { state: 'available' },
      headers: { cookie: alice.cookie, [CSRF_HEADER]: alice.csrfToken, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('ORIGIN_FORBIDDEN');
    const ok = await request(t.baseUrl, 'PUT', '/api/agent/state', {
      body: { state: 'available' },
      headers: { cookie: alice.cookie, [CSRF_HEADER]: alice.csrfToken, origin: 'http://allowed.test' },
    });
    expect(ok.status).toBe(200);
  });

  it('logs out: the cookie stops working, the agent goes offline, their socket is closed', async () => {
    const bob = await loginAgent(t.baseUrl, 'bob@example.com');
    const socket = await bob.socket();
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await bob.put('/api/agent/state', { state: 'available' });
    expect((await bob.post('/api/auth/logout')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    const after = await bob.get('/api/agent/bootstrap');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('SESSION_EXPIRED');
    const again = await loginAgent(t.baseUrl, 'bob@example.com');
    expect((await again.get('/api/auth/me')).body.user.state).toBe('offline');
  });

  it('expires sessions after 8 hours without activity', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    expect((await alice.get('/api/auth/me')).status).toBe(200);
    const socket = await alice.socket();
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    t.clock.advance(8 * 60 * 60 * 1000 + 60_000);
    await t.server.realtime.dropDeadSessions();
    expect(await closed).toBe('io server disconnect');
    const expired = await alice.get('/api/agent/bootstrap');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
    expect((await alice.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses sockets without a session, and from a foreign origin', async () => {
    await expect(connect(`${t.baseUrl}/agent`, {})).rejects.toThrow(/Log in/);
    await expect(
      connect(`${t.baseUrl}/agent`, { extraHeaders: { cookie: 'sb_session=forged' } }),
    ).rejects.toThrow();
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    await expect(
      connect(`${t.baseUrl}/agent`, {
        extraHeaders: { cookie: alice.cookie, origin: 'https://evil.example' },
      }),
    ).rejects.toThrow();
    const ok = await connect(`${t.baseUrl}/agent`, {
      extraHeaders: { cookie: alice.cookie, origin: 'http://allowed.test' },
    });
    expect(ok.connected).toBe(true);
    ok.close();
  });
});
