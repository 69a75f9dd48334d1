import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTestDatabase, startCustomer, startServer, type TestServer } from './harness';

describe('the widget embedded on another site', () => {
  let open: TestServer;
  let restricted: TestServer;
  beforeAll(async () => {
    open = await startServer({ database: await (await createTestDatabase('pglite')).open() });
    restricted = await startServer({
      database: await (await createTestDatabase('pglite')).open(),
      env: { WIDGET_ORIGINS: 'https://shop.example' },
    });
  });
  afterAll(async () => {
    for (const t of [open, restricted]) {
      await t.stop();
      await t.database.close();
    }
  });

  it('answers the live-chat API’s CORS preflight, without credentials', async () => {
    const res = await fetch(`${open.baseUrl}/api/livechat/conversations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://any-shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives the agent API no CORS headers: a foreign page cannot read it', async () => {
    const res = await fetch(`${open.baseUrl}/api/auth/me`, {
      headers: { origin: 'https://any-shop.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the customer socket connect from the embedding site, and only from a listed one when restricted', async () => {
    const customer = await startCustomer(open.baseUrl);
    const auth = { token: customer.token, conversationId: customer.conversationId };
    const fromShop = await connect(`${open.baseUrl}/customer`, {
      auth,
      extraHeaders: { origin: 'https://any-shop.example' },
    });
    expect(fromShop.connected).toBe(true);
    fromShop.close();

    const other = await startCustomer(restricted.baseUrl);
    const otherAuth = { token: other.token, conversationId: other.conversationId };
    const listed = await connect(`${restricted.baseUrl}/customer`, {
      auth: otherAuth,
      extraHeaders: { origin: 'https://shop.example' },
    });
    expect(listed.connected).toBe(true);
    listed.close();
    await expect(
      connect(`${restricted.baseUrl}/customer`, {
        auth: otherAuth,
        extraHeaders: { origin: 'https://evil.example' },
      }),
    ).rejects.toThrow(/origin/);
  });
});
