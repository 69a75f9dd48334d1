import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addTestAssets,
  type FakeProviders,
  messengerText,
  postMeta,
  postTwilio,
  startFakeProviders,
  TEST_ASSETS,
  whatsappStatus,
  whatsappText,
} from './fake-provider';
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

const { whatsapp: WA, sms: SMS, messenger: FB } = TEST_ASSETS;

describe.each(BACKENDS)('WhatsApp, SMS and Messenger end to end (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let fake: FakeProviders;
  let ada: AgentClient;
  let alice: AgentClient;
  let queueId: string;
  const ids: Record<'whatsapp' | 'sms' | 'messenger', string> = { whatsapp: '', sms: '', messenger: '' };

  beforeAll(async () => {
    fake = await startFakeProviders();
  });
  afterAll(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    fake.received.length = 0;
    fake.accepted.length = 0;
    fake.next.length = 0;
    fake.profiles.clear();
    fake.profileReads.length = 0;
    fake.nextProfile.length = 0;
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open(), env: { PUBLIC_URL: 'https://contact.example.com' } });
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    queueId = (await ada.get('/api/admin/queues')).body.queues.find((q: any) => q.name === 'Support').id;
    Object.assign(ids, await addTestAssets(ada, fake.url));
  });

  afterEach(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  const available = async () => {
    const events = record(await alice.socket());
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    await events.next('agent.state', (s: any) => s.state === 'available');
    return events;
  };

  it('administers entry points: webhook URL, secrets write-only and audited without their values', async () => {
    const list = await ada.get('/api/admin/entry-points');
    const wa = list.body.entryPoints.find((e: any) => e.id === ids.whatsapp);
    expect(wa).toMatchObject({
      channel: 'whatsapp',
      webhookUrl: `https://contact.example.com/webhooks/whatsapp/${ids.whatsapp}`,
      settings: {
        phoneNumberId: WA.phoneNumberId,
        displayPhoneNumber: WA.displayPhoneNumber,
        apiBaseUrl: fake.url,
      },
      secretsSet: ['accessToken', 'appSecret', 'verifyToken'],
    });
    const audit = await ada.get('/api/admin/audit-log');
    for (const text of [JSON.stringify(list.body), JSON.stringify(audit.body)]) {
      expect(text).not.toMatch(/SECRET/);
    }
    expect(JSON.stringify(audit.body)).toMatch(/entry_point\.created/);
    // Stored sealed: not even the database holds them in clear.
    const dump = await t.database.db.execute('select sealed_secrets from entry_points' as never);
    expect(JSON.stringify(dump)).not.toMatch(/SECRET/);

    expect((await alice.get('/api/admin/entry-points')).status).toBe(403);
    const foreign = await ada.patch(`/api/admin/entry-points/${ids.sms}`, { pageId: 'x' });
    expect(foreign).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const badPhone = await ada.post('/api/admin/entry-points', {
      channel: 'sms',
      name: 'x',
      queueId,
      ...SMS,
      phoneNumber: '0701234567',
    });
    expect(badPhone.status).toBe(400);
    const renamed = await ada.patch(`/api/admin/entry-points/${ids.sms}`, {
      name: 'Kundtjänst SMS',
      authToken: 'new-SECRET',
    });
    expect(renamed.body).toMatchObject({ name: 'Kundtjänst SMS', secretsSet: ['authToken'] });
  });

  it('reads national phone numbers in the region of the asset: its own number’s, or the one set', async () => {
    const sms = (await ada.get(`/api/admin/entry-points/${ids.sms}`)).body;
    expect(sms.region).toBe('SE'); // +46..., so customers write 070-123 45 67
    const set = await ada.patch(`/api/admin/entry-points/${ids.sms}`, { region: 'fi' });
    expect(set.body.region).toBe('FI');
    for (const region of ['XX', 'SWE', '4', '']) {
      const bad = await ada.patch(`/api/admin/entry-points/${ids.sms}`, { region });
      expect(bad.status, region).toBe(400);
      expect(bad.body.code, region).toBe('VALIDATION_FAILED');
    }
    // Null reads it from the number again; a region read from the number follows the number.
    expect((await ada.patch(`/api/admin/entry-points/${ids.sms}`, { region: null })).body.region).toBe('SE');
    const path = `/api/admin/entry-points/${ids.sms}`;
    expect((await ada.patch(path, { phoneNumber: '+4915112345678' })).body.region).toBe('DE');
    // One the administrator set stays when the number changes.
    expect((await ada.patch(path, { region: 'AT' })).body.region).toBe('AT');
    expect((await ada.patch(path, { phoneNumber: SMS.phoneNumber })).body.region).toBe('AT');
    expect((await ada.patch(path, { region: null })).body).toMatchObject({
      region: 'SE',
      settings: { phoneNumber: SMS.phoneNumber },
    });
    const chat = await ada.post('/api/admin/entry-points', {
      channel: 'livechat',
      name: 'Webshop DE',
      queueId,
      region: 'de',
    });
    expect(chat.status).toBe(201);
    expect(chat.body.region).toBe('DE');
    const plain = await ada.post('/api/admin/entry-points', {
      channel: 'livechat',
      name: 'Webshop',
      queueId,
    });
    expect(plain.body.region).toBeNull();
    const audit = (await ada.get('/api/admin/audit-log?limit=10')).body.entries;
    expect(audit.find((e: any) => e.subjectId === chat.body.id).details.region).toBe('DE');
  });

  it('answers the hub.challenge with the right verify token only', async () => {
    const path = `/webhooks/whatsapp/${ids.whatsapp}?hub.mode=subscribe&hub.challenge=1158201444`;
    const ok = await request(t.baseUrl, 'GET', `${path}&hub.verify_token=${WA.verifyToken}`);
    expect(ok).toMatchObject({ status: 200, body: 1158201444 });
    const wrong = await request(t.baseUrl, 'GET', `${path}&hub.verify_token=nope`);
    expect(wrong).toMatchObject({ status: 403, body: { code: 'WEBHOOK_VERIFY_TOKEN_WRONG' } });
    const unknown = await request(
      t.baseUrl,
      'GET',
      `/webhooks/messenger/${ids.whatsapp}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=${FB.verifyToken}`,
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'ENTRY_POINT_NOT_FOUND' } });
  });

  it('WhatsApp: a customer message is offered, stored once, answered through the outbox, and marked delivered and read', async () => {
    const events = await available();
    const path = `/webhooks/whatsapp/${ids.whatsapp}`;
    const delivery = whatsappText(
      WA.phoneNumberId,
      '447966197542',
      'wamid.IN1',
      'Hallo, mein Paket fehlt',
      'Melissa',
    );
    expect((await postMeta(t.baseUrl, path, delivery, WA.appSecret)).status).toBe(200);
    // Meta delivers at least once: the same delivery again is stored once.
    expect((await postMeta(t.baseUrl, path, delivery, WA.appSecret)).status).toBe(200);
    const offer = await events.next('offer.created');
    expect(offer).toMatchObject({
      channel: 'whatsapp',
      customerName: 'Melissa',
      entryPointName: 'Test whatsapp',
    });

    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect(accepted.body.composeLimit).toBe(4096);
    expect(
      accepted.body.messages.filter((m: any) => m.author === 'customer').map((m: any) => m.body),
    ).toEqual(['Hallo, mein Paket fehlt']);

    const sent = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'Guten Tag, ich prüfe das.',
      clientMessageId: 'w1',
    });
    expect(sent.body).toMatchObject({ deliveryStatus: 'sending', deliveryError: null });
    const updated = await events.next('message.updated', (e: any) => e.message.deliveryStatus === 'sent');
    expect(updated.message.id).toBe(sent.body.id);
    expect(fake.received[0]).toMatchObject({
      channel: 'whatsapp',
      path: `/v21.0/${WA.phoneNumberId}/messages`,
      body: {
        messaging_product: 'whatsapp',
        to: '447966197542',
        type: 'text',
        text: { body: 'Guten Tag, ich prüfe das.' },
      },
    });
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${WA.accessToken}`);

    // Statuses out of order: read first, then a late delivered, which changes nothing.
    const wamid = fake.accepted[0] ?? '';
    expect(
      (await postMeta(t.baseUrl, path, whatsappStatus(WA.phoneNumberId, wamid, 'read'), WA.appSecret)).status,
    ).toBe(200);
    expect(
      (await postMeta(t.baseUrl, path, whatsappStatus(WA.phoneNumberId, wamid, 'delivered'), WA.appSecret))
        .status,
    ).toBe(200);
    await events.next('message.updated', (e: any) => e.message.deliveryStatus === 'read');
    const thread = await alice.get(`/api/conversations/${offer.conversationId}/messages`);
    expect(thread.body.messages.find((m: any) => m.id === sent.body.id).deliveryStatus).toBe('read');

    // The contact writes again: the same conversation continues.
    await postMeta(
      t.baseUrl,
      path,
      whatsappText(WA.phoneNumberId, '447966197542', 'wamid.IN2', 'Danke!'),
      WA.appSecret,
    );
    const more = await events.next('message.created', (e: any) => e.message.body === 'Danke!');
    expect(more.conversationId).toBe(offer.conversationId);
    expect(more.message.authorName).toBe('Melissa');
  });

  it("WhatsApp: the agent's interaction history lists the same customer's earlier conversations, masked, and nobody else's", async () => {
    const events = await available();
    const path = `/webhooks/whatsapp/${ids.whatsapp}`;
    const write = async (from: string, id: string, text: string) => {
      expect(
        (await postMeta(t.baseUrl, path, whatsappText(WA.phoneNumberId, from, id, text), WA.appSecret))
          .status,
      ).toBe(200);
      const offer = await events.next('offer.created', (o: any) => !seen.has(o.id));
      seen.add(offer.id);
      expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
      return offer.conversationId as string;
    };
    const seen = new Set<string>();
    const first = await write(
      '46701112233',
      'wamid.E1',
      'Mitt kort 4111 1111 1111 1111 debiterades två gånger',
    );
    await alice.post(`/api/conversations/${first}/end`);
    const reasons = (await alice.get('/api/agent/bootstrap')).body.wrapUpReasons;
    expect(
      (await alice.post(`/api/conversations/${first}/wrap-up`, { wrapUpReasonId: reasons[0].id })).status,
    ).toBe(204);
    const stranger = await write('46709998877', 'wamid.E2', 'Hej från någon annan');
    const again = await write('46701112233', 'wamid.E3', 'Hej igen');

    const earlier = await alice.get(`/api/conversations/${again}/earlier`);
    expect(earlier.status).toBe(200);
    expect(earlier.body.conversations).toEqual([
      expect.objectContaining({
        id: first,
        status: 'ended',
        channel: 'whatsapp',
        agents: [expect.objectContaining({ name: 'Alice Agent' })],
      }),
    ]);
    expect((await alice.get(`/api/conversations/${stranger}/earlier`)).body.conversations).toEqual([]);
    const detail = await alice.get(`/api/conversations/${again}/earlier/${first}`);
    expect(detail.body.messages.find((m: any) => m.author === 'customer').body).toContain(
      '4111 1111 1111 1111',
    );
    expect(detail.body.wrapUps[0]).toMatchObject({ agentName: 'Alice Agent', reason: expect.any(String) });

    // Masked as everything else on the desk.
    expect((await ada.patch('/api/admin/settings', { maskSensitiveData: true })).status).toBe(200);
    const masked = await alice.get(`/api/conversations/${again}/earlier/${first}`);
    expect(JSON.stringify(masked.body)).not.toMatch(/4111 1111 1111 1111|46701112233/);
    expect(
      (await alice.get(`/api/conversations/${again}/earlier`)).body.conversations[0].customerName,
    ).not.toMatch(/46701112233/);

    // Only the same customer's, only for an agent taking part.
    const notSame = await alice.get(`/api/conversations/${again}/earlier/${stranger}`);
    expect(notSame).toMatchObject({ status: 404, body: { code: 'CONVERSATION_NOT_FOUND' } });
    const bob = await loginAgent(t.baseUrl, 'bob@example.com');
    expect((await bob.get(`/api/conversations/${again}/earlier`)).body.code).toBe('NOT_A_PARTICIPANT');
    expect((await bob.get(`/api/conversations/${again}/earlier/${first}`)).body.code).toBe(
      'NOT_A_PARTICIPANT',
    );
    expect((await alice.get(`/api/conversations/${again}/earlier/not-a-uuid`)).status).toBe(400);
  });

  it("WhatsApp's 24-hour window: free text is refused once it has closed; the customer writing reopens it", async () => {
    const events = await available();
    const path = `/webhooks/whatsapp/${ids.whatsapp}`;
    await postMeta(
      t.baseUrl,
      path,
      whatsappText(WA.phoneNumberId, '4917000000077', 'wamid.W1', 'Hallo'),
      WA.appSecret,
    );
    const offer = await events.next('offer.created');
    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect(Date.parse(accepted.body.customerWroteAt)).toBeGreaterThan(0);
    t.clock.advance(25 * 3600_000);
    // A day later the session has expired too: Alice logs in again.
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    const late = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'Noch da?',
      clientMessageId: 'late',
    });
    expect(late).toMatchObject({ status: 409, body: { code: 'OUTSIDE_MESSAGING_WINDOW' } });
    // An approved template may still be sent: as `type: "template"`, its text in the thread.
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
    const templates = [{ name: 'follow_up', language: 'de', body: 'Hallo {{1}}, können wir noch helfen?' }];
    expect(
      (await ada.patch(`/api/admin/entry-points/${ids.whatsapp}`, { templates })).body.templates,
    ).toEqual(templates);
    const missing = await alice.post(`/api/conversations/${offer.conversationId}/template-messages`, {
      templateName: 'nope',
      parameters: [],
      clientMessageId: 't0',
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'TEMPLATE_NOT_FOUND' } });
    const wrongCount = await alice.post(`/api/conversations/${offer.conversationId}/template-messages`, {
      templateName: 'follow_up',
      parameters: [],
      clientMessageId: 't1',
    });
    expect(wrongCount).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const template = await alice.post(`/api/conversations/${offer.conversationId}/template-messages`, {
      templateName: 'follow_up',
      parameters: ['Melissa'],
      clientMessageId: 't2',
    });
    expect(template).toMatchObject({
      status: 201,
      body: { body: 'Hallo Melissa, können wir noch helfen?', deliveryStatus: 'sending' },
    });
    await events.next(
      'message.updated',
      (e: any) => e.message.id === template.body.id && e.message.deliveryStatus === 'sent',
    );
    expect(fake.received.at(-1)?.body).toMatchObject({
      type: 'template',
      to: '4917000000077',
      template: {
        name: 'follow_up',
        language: { code: 'de' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Melissa' }] }],
      },
    });
    // Refused for good, then sent again with Retry: still as the template.
    fake.next.push({ status: 400, body: { error: { code: 131026, message: 'Message Undeliverable' } } });
    const again = await alice.post(`/api/conversations/${offer.conversationId}/template-messages`, {
      templateName: 'follow_up',
      parameters: ['Mel'],
      clientMessageId: 't3',
    });
    await events.next(
      'message.updated',
      (e: any) => e.message.id === again.body.id && e.message.deliveryStatus === 'failed',
    );
    expect(
      (await alice.post(`/api/conversations/${offer.conversationId}/messages/${again.body.id}/retry`)).status,
    ).toBe(200);
    await events.next(
      'message.updated',
      (e: any) => e.message.id === again.body.id && e.message.deliveryStatus === 'sent',
    );
    expect(fake.received.at(-1)?.body).toMatchObject({ type: 'template', template: { name: 'follow_up' } });
    await postMeta(
      t.baseUrl,
      path,
      whatsappText(WA.phoneNumberId, '4917000000077', 'wamid.W2', 'Ja!'),
      WA.appSecret,
    );
    await events.next('message.created', (e: any) => e.message.body === 'Ja!');
    const reopened = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'Gut.',
      clientMessageId: 'again',
    });
    expect(reopened.status).toBe(201);
  });

  it('refuses forged, malformed and oversized deliveries with their codes; stores nothing of them', async () => {
    const path = `/webhooks/whatsapp/${ids.whatsapp}`;
    const delivery = whatsappText(WA.phoneNumberId, '447966197542', 'wamid.F1', 'forged');
    const forged = await postMeta(t.baseUrl, path, delivery, 'not the app secret');
    expect(forged.status).toBe(401);
    expect((await forged.json()).code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const unsigned = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(delivery),
    });
    expect(unsigned.status).toBe(401);
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/switchboard_webhook_rejected_total\{channel="whatsapp",reason="signature"\} 2/);

    const malformed = await postMeta(
      t.baseUrl,
      path,
      '{"object":"whatsapp_business_account","entry":',
      WA.appSecret,
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).code).toBe('WEBHOOK_MALFORMED');
    const nul = await postMeta(
      t.baseUrl,
      path,
      whatsappText(WA.phoneNumberId, '1', 'wamid.N', 'a\u0000b'),
      WA.appSecret,
    );
    expect(nul.status).toBe(400);
    const huge = await postMeta(t.baseUrl, path, 'x'.repeat(2 * 1024 * 1024), WA.appSecret);
    expect(huge.status).toBe(413);
    const unknown = await postMeta(
      t.baseUrl,
      '/webhooks/whatsapp/00000000-0000-4000-8000-000000000000',
      delivery,
      WA.appSecret,
    );
    expect(unknown.status).toBe(404);
    expect((await postMeta(t.baseUrl, '/webhooks/whatsapp/not-a-uuid', delivery, WA.appSecret)).status).toBe(
      404,
    );
    const reaction = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'W',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: WA.phoneNumberId },
                messages: [{ from: '1', id: 'wamid.R', type: 'reaction', reaction: { emoji: '👍' } }],
              },
            },
          ],
        },
      ],
    };
    expect((await postMeta(t.baseUrl, path, reaction, WA.appSecret)).status).toBe(200);
    const count = await t.database.db.execute('select count(*)::int as n from messages' as never);
    expect(JSON.stringify(count)).toMatch(/"n":0/);
  });

  it('SMS: a form webhook answered with TwiML, a reply with a status callback, and its status applied', async () => {
    // Masked popover: the customer's number keeps its last four digits, as the seeds show.
    expect((await ada.patch('/api/admin/settings', { maskSensitiveData: true })).status).toBe(200);
    const events = await available();
    const path = `/webhooks/sms/${ids.sms}`;
    const inbound = {
      MessageSid: 'SMin1',
      AccountSid: SMS.accountSid,
      From: '+46731234567',
      To: SMS.phoneNumber,
      Body: 'Hej! Var är mitt paket? Ring 070-123 45 67',
      NumMedia: '0',
    };
    const answer = await postTwilio(t.baseUrl, 'https://contact.example.com', path, inbound, SMS.authToken);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/xml/);
    expect(await answer.text()).toMatch(/<Response><\/Response>/);
    // Signed over the address behind the proxy instead of the public one: refused.
    expect(
      (await postTwilio(t.baseUrl, t.baseUrl, path, { ...inbound, MessageSid: 'SMin2' }, SMS.authToken))
        .status,
    ).toBe(401);

    const offer = await events.next('offer.created');
    expect(offer).toMatchObject({ channel: 'sms', sourceNumber: SMS.phoneNumber });
    expect(offer.customerPhone).toMatch(/^\*+4567$/);
    expect(offer.customerName).toMatch(/^\*+4567$/);
    expect(JSON.stringify(offer)).not.toMatch(/4673123/);
    // A number written nationally, read in the region of the asset's own number (+46: SE).
    expect(offer.preview[0].body).toBe('Hej! Var är mitt paket? Ring ********45 67');
    expect(JSON.stringify(offer)).not.toMatch(/070-123/);
    await alice.post(`/api/offers/${offer.id}/accept`);
    const sent = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'Hej, jag kollar.',
      clientMessageId: 's1',
    });
    await events.next('message.updated', (e: any) => e.message.deliveryStatus === 'sent');
    expect(fake.received[0]).toMatchObject({
      channel: 'sms',
      path: `/2010-04-01/Accounts/${SMS.accountSid}/Messages.json`,
      body: {
        To: '+46731234567',
        From: SMS.phoneNumber,
        Body: 'Hej, jag kollar.',
        StatusCallback: `https://contact.example.com/webhooks/sms/${ids.sms}/status`,
      },
    });
    const status = await postTwilio(
      t.baseUrl,
      'https://contact.example.com',
      `${path}/status`,
      { MessageSid: fake.accepted[0] ?? '', MessageStatus: 'delivered', AccountSid: SMS.accountSid },
      SMS.authToken,
    );
    expect(status.status).toBe(200);
    const delivered = await events.next(
      'message.updated',
      (e: any) => e.message.deliveryStatus === 'delivered',
    );
    expect(delivered.message.id).toBe(sent.body.id);
  });

  it('Messenger: a message, a reply as RESPONSE, and the read watermark', async () => {
    const events = await available();
    const path = `/webhooks/messenger/${ids.messenger}`;
    expect(
      (
        await postMeta(
          t.baseUrl,
          path,
          messengerText(FB.pageId, 'PSID9', 'm_in1', 'Hola, ¿dónde está mi pedido?'),
          FB.appSecret,
        )
      ).status,
    ).toBe(200);
    const offer = await events.next('offer.created');
    expect(offer).toMatchObject({ channel: 'messenger', sourcePage: FB.pageName, queueName: 'Support' });
    await alice.post(`/api/offers/${offer.id}/accept`);
    const sent = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'Hola, lo reviso.',
      clientMessageId: 'm1',
    });
    await events.next('message.updated', (e: any) => e.message.deliveryStatus === 'sent');
    expect(fake.received[0]).toMatchObject({
      channel: 'messenger',
      path: `/v21.0/${FB.pageId}/messages`,
      body: { recipient: { id: 'PSID9' }, messaging_type: 'RESPONSE', message: { text: 'Hola, lo reviso.' } },
    });
    const read = {
      object: 'page',
      entry: [
        {
          id: FB.pageId,
          time: Date.now(),
          messaging: [
            {
              sender: { id: 'PSID9' },
              recipient: { id: FB.pageId },
              timestamp: Date.now(),
              read: { watermark: Date.now() + 1000 },
            },
          ],
        },
      ],
    };
    expect((await postMeta(t.baseUrl, path, read, FB.appSecret)).status).toBe(200);
    const marked = await events.next('message.updated', (e: any) => e.message.deliveryStatus === 'read');
    expect(marked.message.id).toBe(sent.body.id);
  });

  it("Messenger: the customer's profile name is read once, after the 200, and reaches the popover and the tab", async () => {
    fake.profiles.set('PSID7', { first_name: 'Lucía', last_name: 'Fernández' });
    const events = await available();
    const path = `/webhooks/messenger/${ids.messenger}`;
    const first = messengerText(FB.pageId, 'PSID7', 'm_p1', 'Hola');
    expect((await postMeta(t.baseUrl, path, first, FB.appSecret)).status).toBe(200);
    const offer = await events.next('offer.created');
    // The popover is told once the name is read (the offer may be made before or after that).
    const named =
      offer.customerName === 'Lucía Fernández'
        ? offer
        : await events.next('offer.updated', (o: any) => o.customerName === 'Lucía Fernández');
    expect(named).toMatchObject({ id: offer.id, channel: 'messenger' });
    expect(fake.profileReads).toEqual([
      { path: '/v21.0/PSID7?fields=first_name,last_name', authorization: `Bearer ${FB.pageAccessToken}` },
    ]);

    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect(accepted.body.customerName).toBe('Lucía Fernández');
    expect(
      accepted.body.messages.filter((m: any) => m.author === 'customer').map((m: any) => m.authorName),
    ).toEqual(['Lucía Fernández']);
    // Stored on the contact once: a later message (and a later conversation) reads no profile again.
    expect(
      (
        await postMeta(
          t.baseUrl,
          path,
          messengerText(FB.pageId, 'PSID7', 'm_p2', '¿Sigue ahí?'),
          FB.appSecret,
        )
      ).status,
    ).toBe(200);
    const second = await events.next('message.created', (e: any) => e.message.body === '¿Sigue ahí?');
    expect(second.message.authorName).toBe('Lucía Fernández');
    await t.server.settle();
    expect(fake.profileReads).toHaveLength(1);
  });

  it('Messenger: a profile that cannot be read leaves the PSID as the name, with a logged code', async () => {
    const warn = vi.spyOn(t.server.ctx.logger, 'warn');
    // Meta's answer when the app lacks the permission to read user profiles.
    fake.nextProfile.push({
      status: 400,
      body: { error: { message: '(#10) Application does not have permission for this action', code: 10 } },
    });
    const events = await available();
    const path = `/webhooks/messenger/${ids.messenger}`;
    expect(
      (await postMeta(t.baseUrl, path, messengerText(FB.pageId, 'PSID8', 'm_q1', 'Hola'), FB.appSecret))
        .status,
    ).toBe(200);
    const offer = await events.next('offer.created');
    await t.server.settle();
    expect(fake.profileReads).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'PROFILE_NAME_UNREAD',
        reason: expect.objectContaining({ code: 'unauthorized', providerCode: '10' }),
      }),
      expect.any(String),
    );
    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect(accepted.body.customerName).toBe('PSID8');
    // A PSID the page may not read (Meta: object does not exist): the same.
    const other = messengerText(FB.pageId, 'PSID-unknown', 'm_q2', 'Hola');
    expect((await postMeta(t.baseUrl, path, other, FB.appSecret)).status).toBe(200);
    await t.server.settle();
    expect(warn).toHaveBeenLastCalledWith(
      expect.objectContaining({ reason: expect.objectContaining({ providerCode: '100/33' }) }),
      expect.any(String),
    );
    warn.mockRestore();
  });

  it('retries a 503 with backoff, fails on a permanent error with its reason, and sends again on Retry', async () => {
    const events = await available();
    await postMeta(
      t.baseUrl,
      `/webhooks/whatsapp/${ids.whatsapp}`,
      whatsappText(WA.phoneNumberId, '4917', 'wamid.X', 'Hi'),
      WA.appSecret,
    );
    const offer = await events.next('offer.created');
    await alice.post(`/api/offers/${offer.id}/accept`);
    fake.next.push({ status: 503, body: { error: { code: 131016, message: 'Service unavailable' } } });
    await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'first',
      clientMessageId: 'r1',
    });
    await events.next(
      'message.updated',
      (e: any) => e.message.body === 'first' && e.message.deliveryStatus === 'sent',
    );
    // Tried twice (503, then accepted), sent once.
    expect(fake.received.filter((r) => r.body.text?.body === 'first')).toHaveLength(2);
    expect(fake.accepted).toHaveLength(1);

    fake.next.push({
      status: 400,
      body: {
        error: {
          code: 131047,
          message: 'Re-engagement message',
          error_data: { details: 'More than 24 hours have passed since the recipient last replied' },
        },
      },
    });
    const second = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'second',
      clientMessageId: 'r2',
    });
    const failed = await events.next('message.updated', (e: any) => e.message.deliveryStatus === 'failed');
    expect(failed.message.deliveryError).toEqual({
      code: 'outside_window',
      providerCode: '131047',
      reason: 'More than 24 hours have passed since the recipient last replied',
    });

    const retried = await alice.post(
      `/api/conversations/${offer.conversationId}/messages/${second.body.id}/retry`,
    );
    expect(retried).toMatchObject({ status: 200, body: { deliveryStatus: 'sending' } });
    await events.next(
      'message.updated',
      (e: any) => e.message.id === second.body.id && e.message.deliveryStatus === 'sent',
    );
    const again = await alice.post(
      `/api/conversations/${offer.conversationId}/messages/${second.body.id}/retry`,
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'MESSAGE_NOT_RETRYABLE' } });
  });

  it('a deleted asset interrupts its conversation: sending is refused, its webhooks are gone, nothing is lost', async () => {
    const events = await available();
    await postMeta(
      t.baseUrl,
      `/webhooks/whatsapp/${ids.whatsapp}`,
      whatsappText(WA.phoneNumberId, '4917', 'wamid.D', 'Hallo'),
      WA.appSecret,
    );
    const offer = await events.next('offer.created');
    await alice.post(`/api/offers/${offer.id}/accept`);
    const removed = await request(t.baseUrl, 'DELETE', `/api/admin/entry-points/${ids.whatsapp}`, {
      headers: { cookie: ada.cookie, 'x-csrf-token': ada.csrfToken },
    });
    expect(removed.status).toBe(204);
    await events.next(
      'conversation.updated',
      (s: any) => s.id === offer.conversationId && s.entryPointDeleted === true,
    );
    const refused = await alice.post(`/api/conversations/${offer.conversationId}/messages`, {
      body: 'Noch da?',
      clientMessageId: 'd1',
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'ENTRY_POINT_DELETED' } });
    expect(
      (
        await postMeta(
          t.baseUrl,
          `/webhooks/whatsapp/${ids.whatsapp}`,
          whatsappText(WA.phoneNumberId, '4917', 'wamid.D2', 'x'),
          WA.appSecret,
        )
      ).status,
    ).toBe(404);
    const thread = await alice.get(`/api/conversations/${offer.conversationId}/messages`);
    expect(thread.body.messages.map((m: any) => m.body)).toContain('Hallo');
    expect((await alice.post(`/api/conversations/${offer.conversationId}/end`)).status).toBe(200);
  });
});
