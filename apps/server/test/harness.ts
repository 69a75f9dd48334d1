import { randomUUID } from 'node:crypto';
import {
  AGENT_NAMESPACE,
  CSRF_HEADER,
  CUSTOMER_NAMESPACE,
  type TStartChatResponse,
} from '@switchboard/contracts';
import { createStore, type Database, schema, seedDemoData } from '@switchboard/store';
import pino from 'pino';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { type Backend, createTestDatabase } from '../../../test/databases';
import { buildApp, type SwitchboardApp } from '../src/app/build-app';
import { createUseCaseRunner } from '../src/app/services';
import { loadConfig } from '../src/config';
import { hashPassword } from '../src/http/passwords';

export { BACKENDS, type Backend, createTestDatabase } from '../../../test/databases';

/** Seals the test entry points' secrets (a fixed key, so that a restarted server opens them). */
export const TEST_SECRETS_KEY = '5b'.repeat(32);

/** Real time plus an offset the test moves forward: timers stay real, deadlines can be jumped to. */
export const createTestClock = () => {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms: number) => {
      offset += ms;
    },
  };
};
export type TestClock = ReturnType<typeof createTestClock>;

export interface TestServer {
  baseUrl: string;
  server: SwitchboardApp;
  database: Database;
  clock: TestClock;
  stop(): Promise<void>;
}

export const startServer = async ({
  database,
  clock = createTestClock(),
  env = {},
}: {
  database: Database;
  clock?: TestClock;
  env?: Record<string, string>;
}): Promise<TestServer> => {
  await database.migrate();
  // A cheap scrypt cost for tests only: the stored hash carries its cost.
  await seedDemoData({ db: database.db, hashPassword: (p) => hashPassword(p, { cost: 1024 }) });
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    ALLOWED_ORIGINS: 'http://allowed.test',
    SECRETS_KEY: TEST_SECRETS_KEY,
    ...env,
  });
  const server = await buildApp({
    config,
    store: createStore(database),
    clock,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  await server.start();
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    database,
    clock,
    stop: () => server.stop(),
  };
};

/**
 * A server on a fresh database of this backend for the enclosing describe: started before its
 * tests (and before any beforeAll registered after this call), stopped and dropped after them.
 * Returns a getter, as the server exists only once the suite runs.
 */
export const serverForSuite = (backend: Backend, env: Record<string, string> = {}): (() => TestServer) => {
  let t: TestServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open(), env });
  });
  afterAll(async () => {
    await t?.stop();
    await t?.database.close();
    await drop?.();
  });
  return () => {
    if (!t) {
      throw new Error('the suite has not started its server yet');
    }
    return t;
  };
};

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const request = async <T = any>(
  baseUrl: string,
  method: string,
  path: string,
  {
    body,
    headers = {},
    raw,
    wire,
  }: { body?: unknown; headers?: Record<string, string>; raw?: string; wire?: string[] } = {},
): Promise<HttpAnswer<T>> => {
  const hasBody = body !== undefined || raw !== undefined;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  wire?.push(text);
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
};

export interface AgentClient {
  id: string;
  cookie: string;
  csrfToken: string;
  get<T = any>(path: string): Promise<HttpAnswer<T>>;
  post<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  put<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  socket(): Promise<Socket>;
}

/**
 * `wire`, when given, receives every raw REST body and socket frame this agent's client gets:
 * what a browser's network log would hold.
 */
export const loginAgent = async (baseUrl: string, email: string, wire?: string[]): Promise<AgentClient> => {
  const res = await request(baseUrl, 'POST', '/api/auth/login', {
    body: { email, password: 'demo-password' },
    ...(wire ? { wire } : {}),
  });
  if (res.status !== 200) {
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrfToken = res.body.csrfToken as string;
  const headers = { cookie, [CSRF_HEADER]: csrfToken };
  const sockets: Socket[] = [];
  const call = (method: string, path: string, body?: unknown) =>
    request(baseUrl, method, path, {
      headers,
      ...(body === undefined ? {} : { body }),
      ...(wire ? { wire } : {}),
    });
  return {
    id: res.body.user.id,
    cookie,
    csrfToken,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    socket: async () => {
      const socket = await connect(`${baseUrl}${AGENT_NAMESPACE}`, { extraHeaders: { cookie } }, sockets);
      socket.io.engine.on('packet', (packet: { data?: unknown }) => {
        wire?.push(typeof packet.data === 'string' ? packet.data : JSON.stringify(packet.data ?? ''));
      });
      return socket;
    },
  };
};

export const connect = (url: string, opts: Record<string, unknown>, bag?: Socket[]): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = ioClient(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
    bag?.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });

export interface CustomerClient {
  conversationId: string;
  token: string;
  start: TStartChatResponse;
  get<T = any>(path?: string): Promise<HttpAnswer<T>>;
  send(body: string, clientMessageId?: string): Promise<HttpAnswer>;
  end(): Promise<HttpAnswer>;
  socket(): Promise<Socket>;
}

export const startCustomer = async (
  baseUrl: string,
  {
    name = 'Melissa Jones',
    message = 'Hello, my order has not arrived',
  }: { name?: string; message?: string } = {},
): Promise<CustomerClient> => {
  const res = await request<TStartChatResponse>(baseUrl, 'POST', '/api/livechat/conversations', {
    body: { entryPoint: 'website', name, message },
  });
  if (res.status !== 201) {
    throw new Error(`start chat: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const { token, conversation } = res.body;
  const headers = { authorization: `Bearer ${token}` };
  const base = `/api/livechat/conversations/${conversation.id}`;
  return {
    conversationId: conversation.id,
    token,
    start: res.body,
    get: (path = '') => request(baseUrl, 'GET', `${base}${path}`, { headers }),
    send: (body, clientMessageId = randomUUID()) =>
      request(baseUrl, 'POST', `${base}/messages`, { body: { body, clientMessageId }, headers }),
    end: () => request(baseUrl, 'POST', `${base}/end`, { body: {}, headers }),
    socket: () =>
      connect(`${baseUrl}${CUSTOMER_NAMESPACE}`, { auth: { token, conversationId: conversation.id } }),
  };
};

/** Records every event a socket receives, and waits for one that matches. */
export const record = (socket: Socket) => {
  const seen: { event: string; payload: any }[] = [];
  const waiters: { match: (e: { event: string; payload: any }) => boolean; resolve: (p: any) => void }[] = [];
  socket.onAny((event, payload) => {
    const entry = { event, payload };
    seen.push(entry);
    for (const w of [...waiters]) {
      if (w.match(entry)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(payload);
      }
    }
  });
  return {
    seen,
    next: <T = any>(
      event: string,
      where: (payload: T) => boolean = () => true,
      timeoutMs = 5000,
    ): Promise<T> => {
      const found = seen.find((e) => e.event === event && where(e.payload));
      if (found) {
        return Promise.resolve(found.payload);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          match: (e) => e.event === event && where(e.payload),
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
  };
};

/**
 * A store on a fresh database of `backend` with the demo data, core's use-case runner on it (no
 * listeners: events go nowhere) and, with `entryPoint`, a provider entry point on the first
 * queue: for tests of the store and core below the HTTP layer. `close` closes and drops it.
 */
export const openSeededStore = async (
  backend: Backend,
  { entryPoint }: { entryPoint?: { key: string; channel: 'whatsapp' | 'sms' | 'messenger' } } = {},
) => {
  const made = await createTestDatabase(backend);
  const database = await made.open();
  await database.migrate();
  await seedDemoData({ db: database.db, hashPassword: async () => 'x' });
  const store = createStore(database);
  const bus = { publish: () => {}, subscribe: () => () => {} };
  const run = createUseCaseRunner({ store, bus: bus as never, clock: { now: () => new Date() } });
  const [queue] = await database.db.select().from(schema.queues).limit(1);
  const entryPointId = entryPoint
    ? (
        await database.db
          .insert(schema.entryPoints)
          .values({
            key: entryPoint.key,
            name: entryPoint.key,
            channel: entryPoint.channel,
            queueId: queue!.id,
          })
          .returning()
      )[0]!.id
    : '';
  return {
    database,
    store,
    run,
    entryPointId,
    /** The new PostgreSQL database's URL (undefined on PGlite). */
    url: made.url,
    close: async () => {
      await database.close();
      await made.drop();
    },
  };
};
