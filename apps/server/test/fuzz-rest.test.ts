import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  loginAgent,
  request,
  serverForSuite,
  startCustomer,
  type TestServer,
} from './harness';

/**
 * Every REST route of the OpenAPI document, called as the internet would call it: with hostile
 * path parameters and bodies, anonymously and as each role. Whatever is sent, the answer is a 4xx
 * (or a success) in the documented shape with a code from docs/errors.md, never a 5xx.
 */

const documentedCodes = new Set(
  [
    ...readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8').matchAll(
      /^\| `([A-Z_]+)` \|/gm,
    ),
  ].map((m) => m[1]),
);

const NUL = '\u0000';
const LONE = '\ud800';
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

const hostileParams = [
  '00000000-0000-4000-8000-000000000000',
  '-'.repeat(36),
  'x'.repeat(300),
  '%00',
  '%ZZ',
  '%ED%A0%80',
  'null',
  encodeURIComponent('<script>'),
];

/** A body per field of the route's schema with each hostile value, and bodies of hostile shapes. */
const hostileBodies = (schema: any): string[] => {
  const fields = Object.keys(schema?.properties ?? { name: {} });
  const values: unknown[] = [NUL, `ok${LONE}`, 'x'.repeat(70_000), 1e308, [], null];
  const bodies = [
    '{',
    '[]',
    'null',
    '"text"',
    deep(5000),
    JSON.stringify({ '\u0000': 1 }),
    JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }),
  ];
  for (const field of fields) {
    for (const value of values) {
      bodies.push(JSON.stringify({ [field]: value }));
    }
  }
  return bodies;
};

const expectDocumentedError = (label: string, res: { status: number; body: any }) => {
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.body, label).toMatchObject({ statusCode: res.status, code: expect.any(String) });
    expect(documentedCodes.has(res.body.code), `${label}: ${res.body.code}`).toBe(true);
  }
};

/** A raw request, for what no HTTP client sends: Node's parser refuses it before Fastify. */
const rawRequest = (baseUrl: string, text: string) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const { port } = new URL(baseUrl);
    const socket = netConnect(Number(port), '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: body ? JSON.parse(body) : null });
    });
  });

describe.each(BACKENDS)('hostile input on every REST route (%s)', (backend) => {
  // Limits raised: this suite sends hundreds of requests from one address on purpose.
  const server = serverForSuite(backend, { LOGIN_RATE_LIMIT: '100000', CHAT_START_RATE_LIMIT: '100000' });
  let t: TestServer;
  let callers: { name: string; headers: Record<string, string> }[];
  let doc: any;

  beforeAll(async () => {
    t = server();
    const as = (agent: AgentClient) => ({ cookie: agent.cookie, 'x-csrf-token': agent.csrfToken });
    const customer = await startCustomer(t.baseUrl, { name: 'Fuzz' });
    callers = [
      { name: 'anonymous', headers: {} },
      { name: 'customer', headers: { authorization: `Bearer ${customer.token}` } },
      { name: 'agent', headers: as(await loginAgent(t.baseUrl, 'alice@example.com')) },
      { name: 'supervisor', headers: as(await loginAgent(t.baseUrl, 'sam@example.com')) },
      { name: 'administrator', headers: as(await loginAgent(t.baseUrl, 'ada@example.com')) },
    ];
    doc = (await request(t.baseUrl, 'GET', '/api/openapi.json')).body;
  });

  it('never answers 5xx, and every error carries a documented code', { timeout: 180_000 }, async () => {
    const calls: {
      label: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      raw?: string;
    }[] = [];
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        // Logging out would end the session this suite calls with; it takes no body.
        if (path === '/api/auth/logout') {
          continue;
        }
        const hasBody = method !== 'get' && method !== 'delete';
        const validUrl = path.replace(/\{\w+\}/g, hostileParams[0]!);
        // Hostile path parameters, from everyone.
        for (const caller of callers) {
          for (const param of path.includes('{') ? hostileParams : []) {
            const url = path.replace(/\{\w+\}/g, param);
            calls.push({
              label: `${caller.name} ${method} ${url}`,
              method,
              url,
              headers: caller.headers,
              ...(hasBody ? { raw: '{}' } : {}),
            });
          }
        }
        // Hostile bodies, from those who pass each route's authentication.
        for (const caller of hasBody
          ? callers.filter((c) => c.name !== 'anonymous' && c.name !== 'agent')
          : []) {
          for (const raw of hostileBodies(op.requestBody?.content?.['application/json']?.schema)) {
            calls.push({
              label: `${caller.name} ${method} ${validUrl} ${raw.slice(0, 60)}`,
              method,
              url: validUrl,
              headers: caller.headers,
              raw,
            });
          }
        }
      }
    }
    expect(calls.length).toBeGreaterThan(1000);
    // A few at a time, as several clients would send them.
    for (let i = 0; i < calls.length; i += 8) {
      await Promise.all(
        calls.slice(i, i + 8).map(async (call) => {
          const res = await request(t.baseUrl, call.method.toUpperCase(), call.url, {
            headers: call.headers,
            ...(call.raw === undefined ? {} : { raw: call.raw }),
          });
          expectDocumentedError(call.label, res);
        }),
      );
    }
  });

  it('refuses NUL and unpaired surrogates in any text with 400 naming the field', async () => {
    const admin = callers.find((c) => c.name === 'administrator')!.headers;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(NUL, LONE, '\udfff'),
        fc.string({ maxLength: 20 }),
        async (before, bad, after) => {
          const name = `${before}${bad}${after}`;
          const chat = await request(t.baseUrl, 'POST', '/api/livechat/conversations', {
            body: { entryPoint: 'website', name, message: 'hi' },
          });
          expect(chat.status).toBe(400);
          expect(chat.body).toMatchObject({
            code: 'VALIDATION_FAILED',
            message: expect.stringContaining('body.name'),
          });
          const team = await request(t.baseUrl, 'POST', '/api/admin/teams', {
            headers: admin,
            body: { name },
          });
          expect(team.status).toBe(400);
          expect(team.body.code).toBe('VALIDATION_FAILED');
        },
      ),
      { numRuns: 30 },
    );
    const key = await request(
      t.baseUrl,
      'GET',
      `/api/livechat/entry-points/web${encodeURIComponent(NUL)}site`,
    );
    expect(key.status).toBe(400);
    expect(key.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers what Node and the router refuse, and CORS preflights, in the documented shape', async () => {
    const garbage = await rawRequest(t.baseUrl, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const hugeHeaders = await rawRequest(
      t.baseUrl,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(hugeHeaders).toMatchObject({ status: 431, body: { code: 'HEADERS_TOO_LARGE' } });
    const badUrl = await request(t.baseUrl, 'GET', '/api/livechat/entry-points/%E0%A4%A');
    expectDocumentedError('bad url', badUrl);
    expect(badUrl.body.code).toBe('VALIDATION_FAILED');
    const longParam = await request(t.baseUrl, 'GET', `/api/conversations/${'a'.repeat(500)}`);
    expect(longParam).toMatchObject({ status: 414, body: { code: 'URI_TOO_LONG' } });

    // Preflights: the live-chat API answers them; elsewhere there is no CORS, and a JSON 404.
    const preflight = await fetch(`${t.baseUrl}/api/livechat/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const unreadable = await fetch(`${t.baseUrl}/api/livechat/conversations`, { method: 'OPTIONS' });
    expect(unreadable.status).toBeLessThan(400);
    for (const path of ['/api/auth/me', '/api/admin/queues', '/nowhere']) {
      const res = await request(t.baseUrl, 'OPTIONS', path, {
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      });
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});
