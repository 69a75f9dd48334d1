import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PHOTO } from '../src/simulator/simulator-media';
import { addTestAssets, postMeta, startFakeProviders, TEST_ASSETS, whatsappText } from './fake-provider';
import { type AgentClient, BACKENDS, loginAgent, record, serverForSuite, startCustomer } from './harness';

const CARD = '4111 1111 1111 1111';

/**
 * A customer asks to be forgotten (GDPR art. 17): an administrator erases their data in every
 * conversation of theirs; what reports count stays.
 */
describe.each(BACKENDS)('erasing a customer’s data (%s)', (backend) => {
  const server = serverForSuite(backend);
  let fake: Awaited<ReturnType<typeof startFakeProviders>>;
  beforeAll(async () => {
    fake = await startFakeProviders();
  });
  afterAll(async () => {
    await fake.close();
  });

  const agent = async () => {
    const alice = await loginAgent(server().baseUrl, 'alice@example.com');
    const events = record(await alice.socket());
    await alice.put('/api/agent/state', { state: 'available' });
    return { alice, events };
  };

  const endAndWrapUp = async (alice: AgentClient, conversationId: string, notes: string) => {
    expect((await alice.post(`/api/conversations/${conversationId}/end`)).status).toBe(200);
    const lists = (await alice.get('/api/agent/bootstrap')).body;
    const wrapped = await alice.post(`/api/conversations/${conversationId}/wrap-up`, {
      wrapUpReasonId: lists.wrapUpReasons.find((r: any) => r.name === 'Resolved').id,
      notes,
    });
    expect(wrapped.status).toBe(204);
  };

  it('erases a live chat: words both ways, files, notes and name; keeps what reports count; audited', async () => {
    const t = server();
    const { alice, events } = await agent();
    const customer = await startCustomer(t.baseUrl, { name: 'Erika Erased', message: `My card is ${CARD}` });
    const offer = await events.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId,
    );
    await alice.post(`/api/offers/${offer.id}/accept`);
    await alice.post(`/api/conversations/${customer.conversationId}/messages`, {
      body: 'Thank you Erika, I see your order',
      clientMessageId: randomUUID(),
    });
    const file = await fetch(
      `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments?clientMessageId=f1&name=passport.png`,
      {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${customer.token}` },
        body: new Blob([new Uint8Array(SAMPLE_PHOTO)]),
      },
    ).then((answer) => answer.json());
    // Handed to the queue with a comment, taken again, then ended.
    const targets = (await alice.get('/api/transfer-targets?channel=livechat')).body;
    const support = targets.queues.find((q: any) => q.name === 'Support').id;
    await alice.post(`/api/conversations/${customer.conversationId}/transfer`, {
      target: { type: 'queue', queueId: support },
      comment: 'Erika wants her money back',
    });
    const lists = (await alice.get('/api/agent/bootstrap')).body;
    await alice.post(`/api/conversations/${customer.conversationId}/wrap-up`, {
      wrapUpReasonId: lists.wrapUpReasons.find((r: any) => r.name === 'Resolved').id,
      notes: 'Erika lives at Storgatan 1',
    });
    const again = await events.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId && o.id !== offer.id,
    );
    await alice.post(`/api/offers/${again.id}/accept`);
    await endAndWrapUp(alice, customer.conversationId, 'Erika called twice');

    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const erase = (id: string, body: unknown = { reason: 'Asked by e-mail on 5 December' }) =>
      ada.post(`/api/admin/conversations/${id}/erase`, body);
    expect((await erase(customer.conversationId)).body).toEqual({ conversations: 1 });

    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const detail = (await sam.get(`/api/supervisor/conversations/${customer.conversationId}`)).body;
    expect(detail.conversation.customerName).toBe('[erased]');
    expect(detail.messages.filter((m: any) => m.author !== 'system').map((m: any) => m.body)).toEqual([
      '[erased]',
      '[erased]',
      '[erased]',
    ]);
    expect(detail.messages.find((m: any) => m.systemEvent === 'transfer_comment').body).toBe('[erased]');
    // The system's own lines stay: they name the agent, not the customer.
    expect(detail.messages.some((m: any) => m.author === 'system' && /Alice Agent/.test(m.body))).toBe(true);
    expect(detail.messages.every((m: any) => !m.attachments)).toBe(true);
    expect(detail.wrapUps).toMatchObject([
      { reason: 'Resolved', notes: null },
      { reason: 'Resolved', notes: null },
    ]);
    const requests = await t.database.db.execute(
      `select comment from routing_requests where conversation_id = '${customer.conversationId}'` as never,
    );
    expect(JSON.stringify(requests)).not.toContain('Erika');
    expect(JSON.stringify(detail)).not.toMatch(/4111|Erika|passport|Storgatan/);
    const gone = await sam.get(
      `/api/supervisor/conversations/${customer.conversationId}/attachments/${file.attachments[0].id}`,
    );
    expect(gone.body.code).toBe('ATTACHMENT_NOT_FOUND');
    const audit = (await ada.get('/api/admin/audit-log?limit=5')).body.entries;
    expect(audit[0]).toMatchObject({
      action: 'customer.erased',
      actorName: 'Ada Admin',
      subjectId: customer.conversationId,
      details: { conversations: 1, reason: 'Asked by e-mail on 5 December' },
    });
  });

  it('erases every conversation of a WhatsApp number, which then writes as a new customer', async () => {
    const t = server();
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const ids = await addTestAssets(ada, fake.url);
    const { alice, events } = await agent();
    const path = `/webhooks/whatsapp/${ids.whatsapp}`;
    const wa = TEST_ASSETS.whatsapp;
    const write = async (wamid: string, text: string) => {
      const delivered = await postMeta(
        t.baseUrl,
        path,
        whatsappText(wa.phoneNumberId, '46701112233', wamid, text, 'Sven'),
        wa.appSecret,
      );
      expect(delivered.status).toBe(200);
      return events.next('offer.created', (o: any) => o.preview.some((m: any) => m.body === text));
    };
    const conversations: string[] = [];
    for (const [wamid, text] of [
      ['wamid.E1', 'First question'],
      ['wamid.E2', 'Second question'],
    ] as const) {
      const offer = await write(wamid, text);
      await alice.post(`/api/offers/${offer.id}/accept`);
      await endAndWrapUp(alice, offer.conversationId, 'Sven called about it');
      conversations.push(offer.conversationId);
    }
    expect(
      (await ada.post(`/api/admin/conversations/${conversations[1]}/erase`, { reason: 'GDPR request' })).body,
    ).toEqual({
      conversations: 2,
    });
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    for (const id of conversations) {
      const detail = (await sam.get(`/api/supervisor/conversations/${id}`)).body;
      expect(JSON.stringify(detail)).not.toMatch(/Sven|question|46701112233/);
    }
    // The number writes again: a new customer, with no earlier conversations to show.
    const offer = await write('wamid.E3', 'Hello again');
    expect(offer.customerName).toBe('Sven');
    await alice.post(`/api/offers/${offer.id}/accept`);
    expect(
      (await alice.get(`/api/conversations/${offer.conversationId}/earlier`)).body.conversations,
    ).toEqual([]);
    await endAndWrapUp(alice, offer.conversationId, 'ok');
  });

  it('refuses the others, an open conversation, an unknown one and a reason that says nothing, with their codes', async () => {
    const t = server();
    const { alice, events } = await agent();
    const customer = await startCustomer(t.baseUrl, { name: 'Still Here', message: 'Hi' });
    const offer = await events.next(
      'offer.created',
      (o: any) => o.conversationId === customer.conversationId,
    );
    await alice.post(`/api/offers/${offer.id}/accept`);
    const ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const path = `/api/admin/conversations/${customer.conversationId}/erase`;
    const reason = { reason: 'Asked in the chat' };
    expect((await sam.post(path, reason)).body.code).toBe('FORBIDDEN');
    expect((await alice.post(path, reason)).body.code).toBe('FORBIDDEN');
    const open = await ada.post(path, reason);
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('CONVERSATION_STILL_OPEN');
    expect((await ada.post(`/api/admin/conversations/${randomUUID()}/erase`, reason)).body.code).toBe(
      'CONVERSATION_NOT_FOUND',
    );
    for (const body of [{}, { reason: ' ' }, { reason: 'x'.repeat(501) }, { reason: 'ok fine', extra: 1 }]) {
      expect((await ada.post(path, body)).body.code).toBe('VALIDATION_FAILED');
    }
    // Nothing was erased.
    expect((await customer.get('/messages')).body.messages[0].body).toBe('Hi');
    await endAndWrapUp(alice, customer.conversationId, '');
  });
});
