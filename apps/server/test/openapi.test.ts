import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, request, startServer, type TestServer } from './harness';

describe('the OpenAPI document', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ database: await (await createTestDatabase('pglite')).open() });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
  });

  it('is OpenAPI 3.1 and covers every REST route the server has', async () => {
    const { status, body: doc } = await request(t.baseUrl, 'GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(ops)) {
        documented.add(`${method.toUpperCase()} ${path}`);
      }
    }
    const routes = t.server.app
      .printRoutes({ commonPrefix: false, includeMeta: false })
      .split('\n')
      .filter(Boolean);
    expect(routes.length).toBeGreaterThan(0);
    const apiRoutes: string[] = [];
    const walk = (prefix: string, node: string) => apiRoutes.push(prefix + node);
    void walk;
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of Object.keys(doc.paths)) {
        const openApiPath = path;
        const fastifyPath = openApiPath.replace(/\{(\w+)\}/g, ':$1');
        if (t.server.app.hasRoute({ method: method as 'GET', url: fastifyPath })) {
          expect(documented.has(`${method} ${openApiPath}`)).toBe(true);
        }
      }
    }
    const expected = [
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'GET /api/agent/bootstrap',
      'PUT /api/agent/state',
      'POST /api/offers/{id}/accept',
      'POST /api/offers/{id}/reject',
      'GET /api/conversations/{id}',
      'GET /api/conversations/{id}/messages',
      'GET /api/conversations/{id}/earlier',
      'GET /api/conversations/{id}/earlier/{earlierId}',
      'GET /api/conversations/{id}/attachments/{attachmentId}',
      'POST /api/conversations/{id}/attachments',
      'GET /api/conversations/{id}/earlier/{earlierId}/attachments/{attachmentId}',
      'GET /api/supervisor/conversations/{id}/attachments/{attachmentId}',
      'POST /api/conversations/{id}/messages',
      'POST /api/conversations/{id}/messages/{messageId}/retry',
      'POST /api/conversations/{id}/template-messages',
      'POST /api/conversations/{id}/end',
      'POST /api/conversations/{id}/wrap-up',
      'GET /api/transfer-targets',
      'POST /api/conversations/{id}/transfer',
      'POST /api/conversations/{id}/conference',
      'POST /api/conversations/{id}/end-conference',
      'POST /api/conversations/{id}/exit-conference',
      'GET /api/livechat/entry-points/{key}',
      'POST /api/livechat/conversations',
      'GET /api/livechat/conversations/{id}',
      'GET /api/livechat/conversations/{id}/messages',
      'POST /api/livechat/conversations/{id}/messages',
      'POST /api/livechat/conversations/{id}/attachments',
      'GET /api/livechat/conversations/{id}/attachments/{attachmentId}',
      'POST /api/livechat/conversations/{id}/end',
      'POST /api/livechat/conversations/{id}/read',
      'GET /api/admin/settings',
      'PATCH /api/admin/settings',
      'GET /api/admin/audit-log',
      'POST /api/admin/conversations/{id}/erase',
      'GET /api/admin/entry-points',
      'POST /api/admin/entry-points',
      'GET /api/admin/entry-points/{id}',
      'PATCH /api/admin/entry-points/{id}',
      'DELETE /api/admin/entry-points/{id}',
      'GET /api/admin/queues',
      'POST /api/admin/queues',
      'GET /api/admin/queues/{id}',
      'PATCH /api/admin/queues/{id}',
      'DELETE /api/admin/queues/{id}',
      'GET /api/admin/users',
      'POST /api/admin/users',
      'GET /api/admin/users/{id}',
      'PATCH /api/admin/users/{id}',
      'DELETE /api/admin/users/{id}',
      'GET /api/admin/teams',
      'POST /api/admin/teams',
      'GET /api/admin/teams/{id}',
      'PATCH /api/admin/teams/{id}',
      'DELETE /api/admin/teams/{id}',
      'GET /api/admin/wrap-up-reasons',
      'POST /api/admin/wrap-up-reasons',
      'GET /api/admin/wrap-up-reasons/{id}',
      'PATCH /api/admin/wrap-up-reasons/{id}',
      'DELETE /api/admin/wrap-up-reasons/{id}',
      'GET /api/admin/idle-reasons',
      'POST /api/admin/idle-reasons',
      'GET /api/admin/idle-reasons/{id}',
      'PATCH /api/admin/idle-reasons/{id}',
      'DELETE /api/admin/idle-reasons/{id}',
      'GET /api/admin/dispositions',
      'POST /api/admin/dispositions',
      'GET /api/admin/dispositions/{id}',
      'PATCH /api/admin/dispositions/{id}',
      'DELETE /api/admin/dispositions/{id}',
      'GET /api/admin/tags',
      'POST /api/admin/tags',
      'GET /api/admin/tags/{id}',
      'PATCH /api/admin/tags/{id}',
      'DELETE /api/admin/tags/{id}',
      'GET /api/admin/quick-responses',
      'POST /api/admin/quick-responses',
      'GET /api/admin/quick-responses/{id}',
      'PATCH /api/admin/quick-responses/{id}',
      'DELETE /api/admin/quick-responses/{id}',
      'POST /api/supervisor/reveal',
      'PUT /api/supervisor/agents/{id}/state',
      'GET /api/supervisor/overview',
      'GET /api/supervisor/report',
      'GET /api/supervisor/conversations',
      'GET /api/supervisor/conversations/{id}',
    ];
    expect([...documented].filter((r) => r.includes('/api/')).sort()).toEqual(expected.sort());
  });

  it('answers health and readiness', async () => {
    expect((await request(t.baseUrl, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(t.baseUrl, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
    const metrics = await fetch(`${t.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain('switchboard_domain_events_total');
    // Embedded PGlite: how busy its thread is.
    expect(metrics).toMatch(/^switchboard_database_thread_busy_seconds_total \d/m);
  });
});
