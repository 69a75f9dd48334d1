import { CSRF_HEADER } from '@switchboard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  createTestDatabase,
  loginAgent,
  request,
  startServer,
  type TestServer,
} from './harness';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(BACKENDS)('the administrator configuration API (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let ada: AgentClient;
  const del = (client: AgentClient, path: string) =>
    request(t.baseUrl, 'DELETE', path, {
      headers: { cookie: client.cookie, [CSRF_HEADER]: client.csrfToken },
    });
  const auditActions = async () =>
    (
      (await ada.get('/api/admin/audit-log?limit=500')).body.entries as {
        action: string;
        subjectId: string;
      }[]
    ).map((e) => `${e.action} ${e.subjectId}`);

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  it('lets only an administrator read or change the configuration', async () => {
    const alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    for (const who of [alice, sam]) {
      for (const path of [
        'queues',
        'users',
        'teams',
        'wrap-up-reasons',
        'idle-reasons',
        'dispositions',
        'tags',
      ]) {
        const list = await who.get(`/api/admin/${path}`);
        expect(list.status).toBe(403);
        expect(list.body.code).toBe('FORBIDDEN');
        expect((await who.post(`/api/admin/${path}`, { name: 'X' })).status).toBe(403);
        expect((await who.patch(`/api/admin/${path}/${UNKNOWN_ID}`, { name: 'X' })).status).toBe(403);
        expect((await del(who, `/api/admin/${path}/${UNKNOWN_ID}`)).status).toBe(403);
      }
      const create = await who.post('/api/admin/users', {
        email: 'x@example.com',
        name: 'X',
        role: 'admin',
        password: 'long-enough-password',
      });
      expect(create.status).toBe(403);
    }
    expect((await request(t.baseUrl, 'GET', '/api/admin/queues')).status).toBe(401);
  });

  it('creates, reads, changes and removes a queue, with defaults and an audit entry each', async () => {
    const created = await ada.post('/api/admin/queues', { name: 'Billing', channels: ['whatsapp', 'sms'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Billing',
      channels: ['whatsapp', 'sms'],
      teamId: null,
      skills: [],
      priority: 0,
      offerTimeoutSeconds: 45,
      noAnswerState: 'rona',
      strategy: 'longest-available',
      serviceLevelSeconds: 60,
      responseTargetSeconds: 120,
    });
    const id = created.body.id as string;
    expect((await ada.get(`/api/admin/queues/${id}`)).body).toEqual(created.body);
    const names = (await ada.get('/api/admin/queues')).body.queues.map((q: { name: string }) => q.name);
    expect(names).toEqual(['Billing', 'Sales', 'Support']);
    // Existing queues got every channel from the migration.
    const support = (await ada.get('/api/admin/queues')).body.queues.find(
      (q: { name: string }) => q.name === 'Support',
    );
    expect(support.channels).toEqual(['livechat', 'whatsapp', 'sms', 'messenger']);

    const team = (await ada.get('/api/admin/teams')).body.teams[0];
    const patched = await ada.patch(`/api/admin/queues/${id}`, {
      offerTimeoutSeconds: 300,
      noAnswerState: 'refused',
      priority: 10,
      strategy: 'least-busy',
      serviceLevelSeconds: 30,
      responseTargetSeconds: 45,
      teamId: team.id,
      skills: [{ skill: 'Billing', minProficiency: 5 }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      offerTimeoutSeconds: 300,
      noAnswerState: 'refused',
      priority: 10,
      strategy: 'least-busy',
      serviceLevelSeconds: 30,
      responseTargetSeconds: 45,
      teamId: team.id,
      skills: [{ skill: 'Billing', minProficiency: 5 }],
    });
    expect((await del(ada, `/api/admin/queues/${id}`)).status).toBe(204);
    expect((await ada.get(`/api/admin/queues/${id}`)).body.code).toBe('QUEUE_NOT_FOUND');
    const audit = await auditActions();
    expect(audit).toEqual(
      expect.arrayContaining([`queue.created ${id}`, `queue.updated ${id}`, `queue.deleted ${id}`]),
    );
    const updated = (await ada.get('/api/admin/audit-log')).body.entries.find(
      (e: { action: string }) => e.action === 'queue.updated',
    );
    expect(updated.details.offerTimeoutSeconds).toEqual({ from: 45, to: 300 });
  });

  it('answers 400 naming the field for each invalid queue value, and for unknown fields', async () => {
    const support = (await ada.get('/api/admin/queues')).body.queues.find(
      (q: { name: string }) => q.name === 'Support',
    );
    const cases: [string, unknown][] = [
      ['offerTimeoutSeconds', 14],
      ['offerTimeoutSeconds', 301],
      ['noAnswerState', 'x'],
      ['strategy', 'random'],
      ['priority', 'high'],
      ['serviceLevelSeconds', -1],
      ['responseTargetSeconds', 9],
      ['responseTargetSeconds', 3601],
      ['channels', []],
      ['skills', [{ skill: 'French', minProficiency: 11 }]],
    ];
    for (const [field, value] of cases) {
      const res = await ada.patch(`/api/admin/queues/${support.id}`, { [field]: value });
      expect(res.status, `${field}=${JSON.stringify(value)}`).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(field);
    }
    const unknown = await ada.patch(`/api/admin/queues/${support.id}`, { offerTimeout: 30 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('offerTimeout');
    const noTeam = await ada.patch(`/api/admin/queues/${support.id}`, { teamId: UNKNOWN_ID });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.message).toContain('teamId');
    expect((await ada.patch(`/api/admin/queues/${UNKNOWN_ID}`, { priority: 1 })).status).toBe(404);
    expect((await ada.patch('/api/admin/queues/not-a-uuid', { priority: 1 })).status).toBe(400);
    // Nothing changed.
    expect((await ada.get(`/api/admin/queues/${support.id}`)).body).toEqual(support);
  });

  it('refuses taken names and removing what is in use (409)', async () => {
    const taken = await ada.post('/api/admin/queues', { name: 'support' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('NAME_TAKEN');
    const { queues } = (await ada.get('/api/admin/queues')).body;
    const support = queues.find((q: { name: string }) => q.name === 'Support');
    const sales = queues.find((q: { name: string }) => q.name === 'Sales');
    expect((await ada.patch(`/api/admin/queues/${sales.id}`, { name: 'SUPPORT' })).body.code).toBe(
      'NAME_TAKEN',
    );
    const inUse = await del(ada, `/api/admin/queues/${support.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('QUEUE_IN_USE');
    expect(inUse.body.message).toContain('entry point');
    const team = (await ada.get('/api/admin/teams')).body.teams[0];
    const teamInUse = await del(ada, `/api/admin/teams/${team.id}`);
    expect(teamInUse.status).toBe(409);
    expect(teamInUse.body.code).toBe('TEAM_IN_USE');
    expect((await ada.post('/api/admin/teams', { name: 'frontline' })).body.code).toBe('NAME_TAKEN');
    expect((await ada.post('/api/admin/wrap-up-reasons', { name: 'resolved' })).body.code).toBe('NAME_TAKEN');
  });

  it('manages teams', async () => {
    const created = await ada.post('/api/admin/teams', { name: 'Nordics' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Nordics', memberIds: [] });
    const id = created.body.id;
    expect((await ada.patch(`/api/admin/teams/${id}`, { name: 'Nordic countries' })).body.name).toBe(
      'Nordic countries',
    );
    expect((await ada.patch(`/api/admin/teams/${id}`, { members: [] })).status).toBe(400);
    expect((await ada.get(`/api/admin/teams/${id}`)).body.name).toBe('Nordic countries');
    expect((await del(ada, `/api/admin/teams/${id}`)).status).toBe(204);
    expect((await ada.get(`/api/admin/teams/${id}`)).status).toBe(404);
    expect((await del(ada, `/api/admin/teams/${id}`)).body.code).toBe('TEAM_NOT_FOUND');
  });

  it.each([
    ['wrap-up-reason', '/api/admin/wrap-up-reasons', ['Resolved', 'Follow-up needed', 'Spam']],
    ['idle-reason', '/api/admin/idle-reasons', ['Break', 'Lunch', 'Training']],
    ['disposition', '/api/admin/dispositions', ['Information given', 'Sale', 'No sale']],
    ['tag', '/api/admin/tags', ['Complaint', 'Delivery', 'Returns', 'VIP']],
  ])('manages the %s list', async (subject, path, seeded) => {
    expect((await ada.get(path)).body.reasons.map((r: { name: string }) => r.name)).toEqual(seeded);
    const created = await ada.post(path, { name: 'Coaching' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Coaching', position: seeded.length });
    const id = created.body.id;
    const moved = await ada.patch(`${path}/${id}`, { position: 0, name: 'Coaching session' });
    expect(moved.body).toMatchObject({ name: 'Coaching session', position: 0 });
    expect((await ada.patch(`${path}/${id}`, { position: -1 })).body.message).toContain('position');
    expect((await del(ada, `${path}/${id}`)).status).toBe(204);
    expect((await ada.get(`${path}/${id}`)).body.code).toBe('REASON_NOT_FOUND');
    expect(await auditActions()).toEqual(
      expect.arrayContaining([`${subject}.created ${id}`, `${subject}.deleted ${id}`]),
    );
  });

  it('creates a user with teams, skills and per-channel limits, and never shows a password hash', async () => {
    const team = (await ada.get('/api/admin/teams')).body.teams[0];
    const created = await ada.post('/api/admin/users', {
      email: 'Nora@Example.com',
      name: 'Nora Agent',
      role: 'agent',
      password: 'correct-horse-battery',
      teamIds: [team.id],
      skills: [{ skill: 'Swedish', proficiency: 9 }],
      limits: { livechat: 5, whatsapp: 12 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'nora@example.com',
      role: 'agent',
      teamIds: [team.id],
      skills: [{ skill: 'Swedish', proficiency: 9 }],
      limits: { livechat: 5, whatsapp: 12, sms: 3, messenger: 3 },
      deactivatedAt: null,
    });
    const raw = JSON.stringify([created.body, (await ada.get('/api/admin/users')).body]);
    expect(raw).not.toContain('scrypt');
    expect(raw).not.toContain('correct-horse');
    const id = created.body.id;
    const patched = await ada.patch(`/api/admin/users/${id}`, {
      skills: [{ skill: 'Norwegian', proficiency: 1 }],
      limits: { sms: 2 },
      teamIds: [],
    });
    expect(patched.body).toMatchObject({
      skills: [{ skill: 'Norwegian', proficiency: 1 }],
      limits: { livechat: 5, whatsapp: 12, sms: 2, messenger: 3 },
      teamIds: [],
    });
    for (const bad of [
      { limits: { whatsapp: 13 } },
      { limits: { livechat: 0 } },
      { skills: [{ skill: 'Danish', proficiency: 11 }] },
      { password: 'short' },
      { role: 'owner' },
      { isAdmin: true },
    ]) {
      const res = await ada.patch(`/api/admin/users/${id}`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.message).toContain(Object.keys(bad)[0]);
    }
    const short = await ada.post('/api/admin/users', {
      email: 'short@example.com',
      name: 'Short',
      role: 'agent',
      password: 'elevenchars',
    });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('password');
    const dup = await ada.post('/api/admin/users', {
      email: 'ALICE@example.com',
      name: 'Alice again',
      role: 'agent',
      password: 'long-enough-password',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('EMAIL_TAKEN');
    expect((await ada.get(`/api/admin/users/${UNKNOWN_ID}`)).body.code).toBe('USER_NOT_FOUND');
    const audit = (await ada.get('/api/admin/audit-log')).body.entries.filter(
      (e: { subjectId: string }) => e.subjectId === id,
    );
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['user.created', 'user.updated']);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('keeps the live-chat limit routing reads in step with the per-channel one', async () => {
    const bob = (await ada.get('/api/admin/users')).body.users.find(
      (u: { email: string }) => u.email === 'bob@example.com',
    );
    expect(bob.limits).toEqual({ livechat: 3, whatsapp: 3, sms: 3, messenger: 3 });
    await ada.patch(`/api/admin/users/${bob.id}`, { limits: { livechat: 7 } });
    const rows = await t.database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, bob.id) });
    expect(rows?.chatLimit).toBe(7);
    await ada.patch(`/api/admin/users/${bob.id}`, { limits: { livechat: 3 } });
  });

  it('deactivates a user on DELETE: no log-in, sessions end, history kept', async () => {
    const created = await ada.post('/api/admin/users', {
      email: 'temp@example.com',
      name: 'Temp Agent',
      role: 'agent',
      password: 'a-long-enough-password',
    });
    const login = () =>
      request(t.baseUrl, 'POST', '/api/auth/login', {
        body: { email: 'temp@example.com', password: 'a-long-enough-password' },
      });
    const first = await login();
    expect(first.status).toBe(200);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await request(t.baseUrl, 'GET', '/api/agent/bootstrap', { headers: { cookie } })).status).toBe(
      200,
    );

    expect((await del(ada, `/api/admin/users/${created.body.id}`)).status).toBe(204);
    expect((await request(t.baseUrl, 'GET', '/api/agent/bootstrap', { headers: { cookie } })).status).toBe(
      401,
    );
    const again = await login();
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_CREDENTIALS');
    const kept = await ada.get(`/api/admin/users/${created.body.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.deactivatedAt).not.toBeNull();
    // Deleting again changes nothing.
    expect((await del(ada, `/api/admin/users/${created.body.id}`)).status).toBe(204);
    expect(await auditActions()).toContain(`user.deactivated ${created.body.id}`);
  });

  it('does not let an administrator lock themselves out', async () => {
    const self = await del(ada, `/api/admin/users/${ada.id}`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('SELF_LOCKOUT');
    expect((await ada.patch(`/api/admin/users/${ada.id}`, { role: 'agent' })).body.code).toBe('SELF_LOCKOUT');
    expect((await ada.get('/api/admin/queues')).status).toBe(200);
  });
});
