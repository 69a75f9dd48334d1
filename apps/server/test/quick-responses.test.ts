import { CSRF_HEADER } from '@switchboard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  createTestDatabase,
  loginAgent,
  record,
  request,
  startServer,
  type TestServer,
} from './harness';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PATH = '/api/admin/quick-responses';

describe.each(BACKENDS)('quick responses (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let ada: AgentClient;
  let alice: AgentClient;
  const del = (client: AgentClient, path: string) =>
    request(t.baseUrl, 'DELETE', path, {
      headers: { cookie: client.cookie, [CSRF_HEADER]: client.csrfToken },
    });
  const paneOf = async (client: AgentClient) =>
    ((await client.get('/api/agent/bootstrap')).body.quickResponses as { name: string; text: string }[]).map(
      (q) => q.name,
    );

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it("gives every agent the demo's quick responses in the administrator's order, with their variables", async () => {
    const { body } = await alice.get('/api/agent/bootstrap');
    expect(body.quickResponses.map((q: { name: string }) => q.name)).toEqual([
      'Greeting',
      'Order status',
      'Anything else',
      'Closing',
    ]);
    expect(body.quickResponses[0]).toEqual({
      id: expect.any(String),
      name: 'Greeting',
      text: 'Hello {{customer_name}}, my name is {{agent_name}}. How can I help you today?',
    });
  });

  it('lets an administrator add, reword, reorder and remove one, each change audited and in the next bootstrap', async () => {
    const events = record(await alice.socket());
    const created = await ada.post(PATH, {
      name: 'Refund',
      text: 'Your refund of {{amount}} is on its way.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Refund',
      text: 'Your refund of {{amount}} is on its way.',
      position: 4,
    });
    const id = created.body.id as string;
    // Open desktops get the lists as they are now, at once.
    const pushed = await events.next('lists.changed', (e: any) =>
      e.quickResponses.some((q: { name: string }) => q.name === 'Refund'),
    );
    expect(pushed.wrapUpReasons.map((r: { name: string }) => r.name)).toContain('Resolved');
    expect(await paneOf(alice)).toEqual(['Greeting', 'Order status', 'Anything else', 'Closing', 'Refund']);

    const moved = await ada.patch(`${PATH}/${id}`, {
      position: 0,
      text: 'Your refund of {{amount}} was sent today.',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ position: 0, text: 'Your refund of {{amount}} was sent today.' });
    // Equal positions go by name.
    expect(await paneOf(alice)).toEqual(['Greeting', 'Refund', 'Order status', 'Anything else', 'Closing']);
    expect((await ada.get(`${PATH}/${id}`)).body.name).toBe('Refund');

    expect((await ada.post(PATH, { name: 'refund', text: 'Again' })).body.code).toBe('NAME_TAKEN');
    expect((await ada.patch(`${PATH}/${id}`, { name: 'greeting' })).body.code).toBe('NAME_TAKEN');

    expect((await del(ada, `${PATH}/${id}`)).status).toBe(204);
    expect((await ada.get(`${PATH}/${id}`)).body.code).toBe('QUICK_RESPONSE_NOT_FOUND');
    expect((await del(ada, `${PATH}/${id}`)).body.code).toBe('QUICK_RESPONSE_NOT_FOUND');
    expect((await ada.patch(`${PATH}/${UNKNOWN_ID}`, { name: 'X' })).body.code).toBe(
      'QUICK_RESPONSE_NOT_FOUND',
    );
    expect(await paneOf(alice)).not.toContain('Refund');

    const actions = (
      (await ada.get('/api/admin/audit-log?limit=500')).body.entries as {
        action: string;
        subjectId: string;
      }[]
    ).map((e) => `${e.action} ${e.subjectId}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `quick-response.created ${id}`,
        `quick-response.updated ${id}`,
        `quick-response.deleted ${id}`,
      ]),
    );
  });

  it.each([
    [{ name: 'Empty', text: '   ' }, 'QUICK_RESPONSE_INVALID', 'must not be empty'],
    [{ name: 'Long', text: 'x'.repeat(1001) }, 'QUICK_RESPONSE_INVALID', '1000 characters'],
    [{ name: 'Tag', text: 'Click <here>' }, 'MESSAGE_RESERVED_CHARACTERS', '< and >'],
    [{ name: 'Upper', text: 'Order {{Order}}' }, 'QUICK_RESPONSE_INVALID', '{{name}}'],
    [{ name: 'Open', text: 'Order {{order_number' }, 'QUICK_RESPONSE_INVALID', '{{name}}'],
    [{ name: 'Spaces', text: 'Order {{ order }}' }, 'QUICK_RESPONSE_INVALID', '{{name}}'],
    [
      { name: 'Many', text: Array.from({ length: 21 }, (_, k) => `{{v${k}}}`).join(' ') },
      'QUICK_RESPONSE_INVALID',
      'at most 20 variables',
    ],
    [{ name: 'Field', text: 'ok', channel: 'sms' }, 'VALIDATION_FAILED', 'channel'],
    [{ text: 'no name' }, 'VALIDATION_FAILED', 'name'],
  ])('refuses %j with %s, saying why, and saves nothing', async (body, code, why) => {
    const res = await ada.post(PATH, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toContain(why);
    expect((await ada.get(PATH)).body.quickResponses.map((q: { name: string }) => q.name)).not.toContain(
      (body as { name?: string }).name,
    );
  });

  it('refuses a rewording that breaks the rules, keeping the text as it was', async () => {
    const { body } = await ada.get(PATH);
    const greeting = body.quickResponses.find((q: { name: string }) => q.name === 'Greeting');
    const res = await ada.patch(`${PATH}/${greeting.id}`, { text: 'Hi {{customer name}}' });
    expect(res.body.code).toBe('QUICK_RESPONSE_INVALID');
    expect((await ada.get(`${PATH}/${greeting.id}`)).body.text).toBe(greeting.text);
  });

  it('lets only an administrator change them; agents and supervisors only read them in the pane', async () => {
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    for (const who of [alice, sam]) {
      expect((await who.get(PATH)).status).toBe(403);
      expect((await who.post(PATH, { name: 'X', text: 'Y' })).body.code).toBe('FORBIDDEN');
      expect((await who.patch(`${PATH}/${UNKNOWN_ID}`, { name: 'X' })).status).toBe(403);
      expect((await del(who, `${PATH}/${UNKNOWN_ID}`)).status).toBe(403);
    }
    expect((await request(t.baseUrl, 'GET', PATH)).status).toBe(401);
    expect((await request(t.baseUrl, 'POST', PATH, { body: { name: 'X', text: 'Y' } })).status).toBe(401);
  });
});
