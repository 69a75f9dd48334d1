import { schema } from '@switchboard/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/http/passwords';
import { BACKENDS, request, serverForSuite, type TestServer } from './harness';

/**
 * Log-in limits that a client can't sidestep: not by rotating X-Forwarded-For, not by spreading
 * guesses over accounts, not by sending many at once; and a shift of agents still all gets in.
 */

const login = (t: TestServer, email: string, password: string, headers: Record<string, string> = {}) =>
  request(t.baseUrl, 'POST', '/api/auth/login', { body: { email, password }, headers });

describe.each(BACKENDS)('log-in limits (%s)', (backend) => {
  const server = serverForSuite(backend, {
    LOGIN_RATE_LIMIT: '5',
    LOGIN_FAILURES_PER_ADDRESS: '12',
    LOGIN_FAILURES_PER_ACCOUNT: '1000',
  });
  let t: TestServer;

  beforeAll(() => {
    t = server();
  });

  it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await login(t, 'alice@example.com', `wrong-${i}`, { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('caps failed log-ins from one address across accounts, with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 14; i += 1) {
      answers.push(await login(t, `nobody-${i}@example.com`, 'guess-guess-guess'));
    }
    // Five failures above, seven more here reach the cap of twelve.
    expect(answers.slice(0, 7).map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits out the window from that address.
    expect((await login(t, 'bob@example.com', 'demo-password')).status).toBe(429);
  });
});

describe('a log-in behind a configured proxy', () => {
  const server = serverForSuite('pglite', { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' });

  it('keys the limit on the address the proxy names', async () => {
    const t = server();
    for (let i = 0; i < 3; i += 1) {
      expect((await login(t, 'sam@example.com', 'no', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(
        401,
      );
    }
    expect((await login(t, 'sam@example.com', 'no', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
    // Another client behind the same proxy is not held back by the first.
    expect(
      (await login(t, 'sam@example.com', 'demo-password', { 'x-forwarded-for': '198.51.100.8' })).status,
    ).toBe(200);
  });
});

describe('password hashing under a crowd', () => {
  const server = serverForSuite('pglite', {
    PASSWORD_HASH_CONCURRENCY: '1',
    PASSWORD_HASH_QUEUE: '250',
    LOGIN_RATE_LIMIT: '1000',
  });

  it('lets a shift of 200 agents log in at once from one office address', async () => {
    const t = server();
    const passwordHash = await hashPassword('shift-start-password', { cost: 1024 });
    const emails = Array.from({ length: 200 }, (_, i) => `shift-${i}@example.com`);
    await t.database.db
      .insert(schema.users)
      .values(
        emails.map((email, i) => ({ email, name: `Shift ${i}`, role: 'agent' as const, passwordHash })),
      );
    const answers = await Promise.all(emails.map((email) => login(t, email, 'shift-start-password')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(200);
  });
});

describe('password hashing past its queue', () => {
  const server = serverForSuite('pglite', {
    PASSWORD_HASH_CONCURRENCY: '1',
    PASSWORD_HASH_QUEUE: '2',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_FAILURES_PER_ADDRESS: '1000',
  });

  it('refuses what can not wait with 429 and Retry-After, and serves a real log-in after', async () => {
    const t = server();
    const crowd = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(t, `unknown-${i}@example.com`, 'guess-guess-guess')),
    );
    const refused = crowd.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(crowd.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    expect(refused[0]!.headers.get('retry-after')).toBe('5');
    expect((await login(t, 'alice@example.com', 'demo-password')).status).toBe(200);
  });
});
