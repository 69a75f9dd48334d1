import { CSRF_HEADER } from '@switchboard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  BACKENDS,
  createTestDatabase,
  loginAgent,
  record,
  request,
  startCustomer,
  startServer,
  type TestServer,
} from './harness';

/**
 * The wrap-up as the guides have it: a wrap-up reason (every guide), CXone's optional disposition
 * and tags, notes, and the Webex WhatsApp guide's choice of the next availability state.
 */
describe.each(BACKENDS)('the wrap-up (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let alice: AgentClient;
  let ada: AgentClient;
  let lists: {
    wrapUpReasons: { id: string; name: string }[];
    idleReasons: { id: string; name: string }[];
    dispositions: { id: string; name: string }[];
    tags: { id: string; name: string }[];
  };
  const byName = (list: { id: string; name: string }[], name: string) =>
    list.find((x) => x.name === name)!.id;

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open() });
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
    lists = (await alice.get('/api/agent/bootstrap')).body;
  });
  afterAll(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  /** A live chat offered to Alice, accepted and ended: her participation waits for its wrap-up. */
  const inWrapUp = async () => {
    await alice.put('/api/agent/state', { state: 'available' });
    const events = record(await alice.socket());
    await startCustomer(t.baseUrl);
    // The oldest waiting chat comes first, which may be one an earlier test left in the queue.
    const offer = await events.next('offer.created');
    expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
    expect((await alice.post(`/api/conversations/${offer.conversationId}/end`)).status).toBe(200);
    return { conversationId: offer.conversationId as string, events };
  };

  it('lists the dispositions and tags the administrator made, in their order', () => {
    expect(lists.dispositions.map((d) => d.name)).toEqual(['Information given', 'Sale', 'No sale']);
    expect(lists.tags.map((d) => d.name)).toEqual(['Complaint', 'Delivery', 'Returns', 'VIP']);
  });

  it('keeps the disposition and the tags with the wrap-up, and puts the agent in the state chosen', async () => {
    const { conversationId, events } = await inWrapUp();
    const wrapped = await alice.post(`/api/conversations/${conversationId}/wrap-up`, {
      wrapUpReasonId: byName(lists.wrapUpReasons, 'Resolved'),
      dispositionId: byName(lists.dispositions, 'Sale'),
      tagIds: [byName(lists.tags, 'VIP'), byName(lists.tags, 'Delivery'), byName(lists.tags, 'VIP')],
      notes: 'Upgraded the tent',
      nextState: { state: 'idle', idleReasonId: byName(lists.idleReasons, 'Lunch') },
    });
    expect(wrapped.status).toBe(204);
    const state = await events.next('agent.state', (e: any) => e.state === 'idle');
    expect(state.stateReason).toBe('Lunch');
    expect((await alice.get('/api/agent/bootstrap')).body.user).toMatchObject({
      state: 'idle',
      stateReason: 'Lunch',
    });

    const rows = await t.database.db.execute(
      `select d.name as disposition, p.tags, p.notes from participants p join dispositions d on d.id = p.disposition_id where p.conversation_id = '${conversationId}'` as never,
    );
    expect(JSON.stringify(rows)).toContain('"disposition":"Sale"');
    expect(JSON.stringify(rows)).toContain('"tags":["Delivery","VIP"]');

    // The disposition is history now: kept, while a tag (stored by name) may go.
    const refused = await request(
      t.baseUrl,
      'DELETE',
      `/api/admin/dispositions/${byName(lists.dispositions, 'Sale')}`,
      {
        headers: { cookie: ada.cookie, [CSRF_HEADER]: ada.csrfToken },
      },
    );
    expect(refused.body.code).toBe('REASON_IN_USE');
  });

  it('without a next state, leaves the agent as they were; Available takes the next chat at once', async () => {
    const first = await inWrapUp();
    expect(
      (
        await alice.post(`/api/conversations/${first.conversationId}/wrap-up`, {
          wrapUpReasonId: byName(lists.wrapUpReasons, 'Spam'),
        })
      ).status,
    ).toBe(204);
    expect((await alice.get('/api/agent/bootstrap')).body.user.state).toBe('available');

    // Idle while a customer waits; choosing Available in the wrap-up brings the chat.
    const second = await inWrapUp();
    await alice.put('/api/agent/state', { state: 'idle', idleReasonId: byName(lists.idleReasons, 'Break') });
    const waiting = await startCustomer(t.baseUrl);
    expect(
      (
        await alice.post(`/api/conversations/${second.conversationId}/wrap-up`, {
          wrapUpReasonId: byName(lists.wrapUpReasons, 'Resolved'),
          nextState: { state: 'available' },
        })
      ).status,
    ).toBe(204);
    const offer = await second.events.next(
      'offer.created',
      (e: any) => e.conversationId === waiting.conversationId,
    );
    expect(offer.conversationId).toBe(waiting.conversationId);
    await alice.post(`/api/offers/${offer.id}/reject`);
  });

  it.each([
    ['an unknown disposition', { dispositionId: '00000000-0000-4000-8000-000000000000' }, 'REASON_NOT_FOUND'],
    ['an unknown tag', { tagIds: ['00000000-0000-4000-8000-000000000000'] }, 'REASON_NOT_FOUND'],
    [
      'an unknown idle reason',
      { nextState: { state: 'idle', idleReasonId: '00000000-0000-4000-8000-000000000000' } },
      'REASON_NOT_FOUND',
    ],
    ['Idle without a reason', { nextState: { state: 'idle' } }, 'VALIDATION_FAILED'],
    ['a state one cannot choose', { nextState: { state: 'rona' } }, 'VALIDATION_FAILED'],
    [
      '21 tags',
      { tagIds: Array.from({ length: 21 }, () => '00000000-0000-4000-8000-000000000000') },
      'VALIDATION_FAILED',
    ],
  ])('refuses %s, and the wrap-up stays to do', async (_what, extra, code) => {
    await alice.put('/api/agent/state', { state: 'available' });
    const { conversationId } = await inWrapUp();
    const res = await alice.post(`/api/conversations/${conversationId}/wrap-up`, {
      wrapUpReasonId: byName(lists.wrapUpReasons, 'Resolved'),
      ...extra,
    });
    expect(res.body.code).toBe(code);
    const open = (await alice.get('/api/agent/bootstrap')).body.conversations.map((c: any) => c.id);
    expect(open).toContain(conversationId);
    expect(
      (
        await alice.post(`/api/conversations/${conversationId}/wrap-up`, {
          wrapUpReasonId: byName(lists.wrapUpReasons, 'Resolved'),
        })
      ).status,
    ).toBe(204);
  });
});
