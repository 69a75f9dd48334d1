import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_PHOTO } from '../src/simulator/simulator-media';
import {
  addTestAssets,
  type FakeProviders,
  messengerText,
  postMeta,
  postTwilio,
  startFakeProviders,
  TEST_ASSETS,
  whatsappFile,
  whatsappText,
} from './fake-provider';
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

const { whatsapp: WA, sms: SMS, messenger: FB } = TEST_ASSETS;
const PUBLIC_URL = 'https://contact.example.com';

/** Melissa's WhatsApp message with one file. */
const whatsappFileFrom = (id: string, type: string, file: Parameters<typeof whatsappFile>[4]) =>
  whatsappFile(WA.phoneNumberId, '447966197542', id, type, file, 'Melissa');

describe.each(BACKENDS)('files customers send (%s)', (backend) => {
  let t: TestServer;
  let drop: () => Promise<void>;
  let fake: FakeProviders;
  let ada: AgentClient;
  let alice: AgentClient;
  let bob: AgentClient;
  const ids: Record<'whatsapp' | 'sms' | 'messenger', string> = { whatsapp: '', sms: '', messenger: '' };

  beforeAll(async () => {
    fake = await startFakeProviders();
  });
  afterAll(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    fake.files.clear();
    fake.mediaReads.length = 0;
    const db = await createTestDatabase(backend);
    drop = db.drop;
    t = await startServer({ database: await db.open(), env: { PUBLIC_URL } });
    ada = await loginAgent(t.baseUrl, 'ada@example.com');
    alice = await loginAgent(t.baseUrl, 'alice@example.com');
    bob = await loginAgent(t.baseUrl, 'bob@example.com');
    Object.assign(ids, await addTestAssets(ada, fake.url));
  });

  afterEach(async () => {
    await t.stop();
    await t.database.close();
    await drop();
  });

  let events: ReturnType<typeof record> | undefined;
  afterEach(() => {
    events = undefined;
  });

  /** Alice is Available (once per test), the delivery arrives, and she accepts what she is offered. */
  const acceptDelivery = async (channel: 'whatsapp' | 'sms' | 'messenger', post: () => Promise<Response>) => {
    if (!events) {
      events = record(await alice.socket());
      expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
      await events.next('agent.state', (s: any) => s.state === 'available');
    }
    expect((await post()).status).toBe(200);
    const offer = await events.next('offer.created', (o: any) => o.channel === channel);
    const accepted = await alice.post(`/api/offers/${offer.id}/accept`);
    expect([accepted.status, accepted.body.code]).toEqual([200, undefined]);
    const message = accepted.body.messages.find((m: any) => m.author === 'customer');
    return { events, conversationId: offer.conversationId as string, message };
  };

  /** The message as the agent sees it once every file of it is fetched or given up on. */
  const settled = async (events: ReturnType<typeof record>, message: any) =>
    message.attachments.every((a: any) => a.status !== 'pending')
      ? message
      : (
          await events.next(
            'message.updated',
            (e: any) =>
              e.message.id === message.id && e.message.attachments.every((a: any) => a.status !== 'pending'),
          )
        ).message;

  it('WhatsApp: a photo is fetched after the 200 with the token, shown to the agents taking part, and to no one else', async () => {
    fake.files.set('/media/wamedia.P1', { contentType: 'image/png', bytes: SAMPLE_PHOTO });
    const { events, conversationId, message } = await acceptDelivery('whatsapp', () =>
      postMeta(
        t.baseUrl,
        `/webhooks/whatsapp/${ids.whatsapp}`,
        whatsappFileFrom('wamid.PHOTO1', 'image', {
          id: 'wamedia.P1',
          mime_type: 'image/png',
          caption: 'Das Paket ist kaputt',
        }),
        WA.appSecret,
      ),
    );
    expect(message.body).toBe('[image] Das Paket ist kaputt');
    const shown = await settled(events, message);
    expect(shown.attachments).toEqual([
      {
        id: expect.any(String),
        kind: 'image',
        contentType: 'image/png',
        name: null,
        size: SAMPLE_PHOTO.length,
        status: 'ready',
        error: null,
      },
    ]);
    // Meta's two reads, each with the number's token: the media URL, then the file.
    expect(fake.mediaReads.map((r) => [r.path, r.authorization])).toEqual([
      ['/v21.0/wamedia.P1', `Bearer ${WA.accessToken}`],
      ['/media/wamedia.P1', `Bearer ${WA.accessToken}`],
    ]);

    const path = `/api/conversations/${conversationId}/attachments/${shown.attachments[0].id}`;
    const file = await fetch(`${t.baseUrl}${path}`, { headers: { cookie: alice.cookie } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(SAMPLE_PHOTO)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="image"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toMatch(/sandbox/);

    // Another agent, an anonymous caller, and a file of no conversation of hers are refused.
    expect((await bob.get(path)).body.code).toBe('NOT_A_PARTICIPANT');
    expect((await request(t.baseUrl, 'GET', path)).status).toBe(401);
    const unknown = await alice.get(
      `/api/conversations/${conversationId}/attachments/${crypto.randomUUID()}`,
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    expect((await alice.get(`/api/conversations/${conversationId}/attachments/not-an-id`)).status).toBe(400);

    // A supervisor reads it from the history.
    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const fromHistory = await fetch(
      `${t.baseUrl}/api/supervisor/conversations/${conversationId}/attachments/${shown.attachments[0].id}`,
      { headers: { cookie: sam.cookie } },
    );
    expect(fromHistory.status).toBe(200);
    expect(
      (
        await alice.get(
          `/api/supervisor/conversations/${conversationId}/attachments/${shown.attachments[0].id}`,
        )
      ).status,
    ).toBe(403);
  });

  it('Twilio MMS and a Messenger file: each is fetched from its provider, a page of HTML only as a download', async () => {
    const mediaPath = `/2010-04-01/Accounts/${SMS.accountSid}/Messages/MM1/Media/ME1`;
    fake.files.set(mediaPath, { contentType: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    const sms = await acceptDelivery('sms', () =>
      postTwilio(
        t.baseUrl,
        PUBLIC_URL,
        `/webhooks/sms/${ids.sms}`,
        {
          MessageSid: 'MM1',
          AccountSid: SMS.accountSid,
          From: '+46731234567',
          To: SMS.phoneNumber,
          Body: '',
          NumMedia: '1',
          MediaUrl0: `${fake.url}${mediaPath}`,
          MediaContentType0: 'image/jpeg',
        },
        SMS.authToken,
      ),
    );
    const mms = await settled(sms.events, sms.message);
    expect(mms.attachments[0]).toMatchObject({
      kind: 'image',
      status: 'ready',
      contentType: 'image/jpeg',
      size: 4,
    });
    const basic = `Basic ${Buffer.from(`${SMS.accountSid}:${SMS.authToken}`).toString('base64')}`;
    expect(fake.mediaReads).toEqual([{ path: mediaPath, authorization: basic }]);

    fake.files.set('/cdn/page.html', {
      contentType: 'text/html',
      bytes: Buffer.from('<script>alert(1)</script>'),
    });
    const messenger = await acceptDelivery('messenger', () =>
      postMeta(
        t.baseUrl,
        `/webhooks/messenger/${ids.messenger}`,
        {
          object: 'page',
          entry: [
            {
              id: FB.pageId,
              time: Date.now(),
              messaging: [
                {
                  sender: { id: '7215000000000009' },
                  recipient: { id: FB.pageId },
                  timestamp: Date.now(),
                  message: {
                    mid: 'm_FILE1',
                    attachments: [{ type: 'file', payload: { url: `${fake.url}/cdn/page.html` } }],
                  },
                },
              ],
            },
          ],
        },
        FB.appSecret,
      ),
    );
    const doc = await settled(messenger.events, messenger.message);
    expect(doc.attachments[0]).toMatchObject({ kind: 'document', status: 'ready' });
    // Meta's CDN is read without the page's token.
    expect(fake.mediaReads.at(-1)).toEqual({ path: '/cdn/page.html', authorization: undefined });
    const file = await fetch(
      `${t.baseUrl}/api/conversations/${messenger.conversationId}/attachments/${doc.attachments[0].id}`,
      { headers: { cookie: alice.cookie } },
    );
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('a file the provider will not give: tried again after a 503, given up on after a 404 with its reason; a name that holds a card number is masked', async () => {
    expect((await ada.patch('/api/admin/settings', { maskSensitiveData: true })).status).toBe(200);
    fake.files.set('/media/wamedia.DOC', {
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 receipt'),
      failures: [503],
    });
    const first = await acceptDelivery('whatsapp', () =>
      postMeta(
        t.baseUrl,
        `/webhooks/whatsapp/${ids.whatsapp}`,
        whatsappFileFrom('wamid.DOC1', 'document', {
          id: 'wamedia.DOC',
          mime_type: 'application/pdf',
          filename: 'Karte 4111 1111 1111 1111.pdf',
        }),
        WA.appSecret,
      ),
    );
    expect(first.message.attachments[0].name).toBe('Karte ***************1111.pdf');
    // The 503 leaves it pending, due again within seconds: the clock jumps there.
    await t.server.settle();
    t.clock.advance(120_000);
    const kept = await settled(first.events, first.message);
    expect(kept.attachments[0]).toMatchObject({
      status: 'ready',
      size: 16,
      name: 'Karte ***************1111.pdf',
    });
    const download = await fetch(
      `${t.baseUrl}/api/conversations/${first.conversationId}/attachments/${kept.attachments[0].id}`,
      { headers: { cookie: alice.cookie } },
    );
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).not.toMatch(/4111/);

    // A media id Meta does not know: given up on at once, with the reason in the bubble.
    await postMeta(
      t.baseUrl,
      `/webhooks/whatsapp/${ids.whatsapp}`,
      whatsappFileFrom('wamid.GONE', 'image', { id: 'wamedia.GONE', mime_type: 'image/jpeg' }),
      WA.appSecret,
    );
    const gone = await first.events.next(
      'message.updated',
      (e: any) => e.message.attachments?.[0]?.status === 'failed',
    );
    expect(gone.message.attachments[0]).toMatchObject({
      kind: 'image',
      status: 'failed',
      error: { code: 'invalid_request', reason: expect.any(String) },
    });
  });

  it('live chat: the customer uploads a picture from the widget; it reaches the agent kept, once; what is no file of ours is refused with its code', async () => {
    const customer = await startCustomer(t.baseUrl, { name: 'Ines Upload' });
    const upload = (bytes: Buffer, type: string, query: string, token = customer.token) =>
      fetch(`${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments?${query}`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body: new Blob([new Uint8Array(bytes)]),
      });
    const { events, conversationId } = await (async () => {
      const ev = record(await alice.socket());
      expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
      const offer = await ev.next('offer.created', (o: any) => o.conversationId === customer.conversationId);
      expect((await alice.post(`/api/offers/${offer.id}/accept`)).status).toBe(200);
      return { events: ev, conversationId: offer.conversationId as string };
    })();

    const sent = await upload(
      SAMPLE_PHOTO,
      'image/png',
      'clientMessageId=f1&name=C%3A%5CUsers%5Cines%5Cparcel.png',
    );
    expect(sent.status).toBe(201);
    const message = await sent.json();
    expect(message).toMatchObject({
      author: 'customer',
      body: '[image] parcel.png',
      attachments: [
        {
          kind: 'image',
          contentType: 'image/png',
          name: 'parcel.png',
          size: SAMPLE_PHOTO.length,
          status: 'ready',
        },
      ],
    });
    // The same upload again (a retry after a lost answer) is the same message.
    const again = await upload(SAMPLE_PHOTO, 'image/png', 'clientMessageId=f1&name=parcel.png');
    expect([again.status, (await again.json()).id]).toEqual([201, message.id]);

    const pushed = await events.next('message.created', (e: any) => e.message.id === message.id);
    expect(pushed.message.attachments[0].status).toBe('ready');
    const file = await fetch(
      `${t.baseUrl}/api/conversations/${conversationId}/attachments/${message.attachments[0].id}`,
      { headers: { cookie: alice.cookie } },
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(SAMPLE_PHOTO)).toBe(true);
    expect(fake.mediaReads).toEqual([]);

    const codeOf = async (answer: Response) => [answer.status, (await answer.json()).code];
    expect(
      await codeOf(await upload(Buffer.from('<script>1</script>'), 'text/html', 'clientMessageId=f2')),
    ).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(
      await codeOf(await upload(Buffer.alloc(10 * 1024 * 1024 + 1), 'application/pdf', 'clientMessageId=f3')),
    ).toEqual([413, 'BODY_TOO_LARGE']);
    expect(await codeOf(await upload(Buffer.alloc(0), 'application/pdf', 'clientMessageId=f4'))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(await codeOf(await upload(SAMPLE_PHOTO, 'image/png', 'name=no-id.png'))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(
      await codeOf(await upload(SAMPLE_PHOTO, 'image/png', 'clientMessageId=f5', 'not-the-token')),
    ).toEqual([401, 'UNAUTHENTICATED']);
    // Nothing of the refused ones was stored.
    const thread = await customer.get('/messages');
    expect(thread.body.messages.filter((m: any) => m.author === 'customer').map((m: any) => m.body)).toEqual([
      'Hello, my order has not arrived',
      '[image] parcel.png',
    ]);
  });

  it('files past the retention period are removed; the message still says what was there', async () => {
    const customer = await startCustomer(t.baseUrl, { name: 'Old Files' });
    const upload = (clientMessageId: string) =>
      fetch(
        `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments?clientMessageId=${clientMessageId}&name=old.png`,
        {
          method: 'POST',
          headers: { 'content-type': 'image/png', authorization: `Bearer ${customer.token}` },
          body: new Blob([new Uint8Array(SAMPLE_PHOTO)]),
        },
      ).then((answer) => answer.json());
    const old = await upload('old');
    // 91 days later (ATTACHMENT_RETENTION_DAYS is 90 by default) another file arrives.
    t.clock.advance(91 * 86_400_000);
    const recent = await upload('recent');
    expect(await t.server.attachments.expire()).toBe(1);
    expect(await t.server.attachments.expire()).toBe(0);

    const sam = await loginAgent(t.baseUrl, 'sam@example.com');
    const read = (message: any) =>
      sam.get(
        `/api/supervisor/conversations/${customer.conversationId}/attachments/${message.attachments[0].id}`,
      );
    expect((await read(old)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await read(recent)).status).toBe(200);
    const thread = (await customer.get('/messages')).body.messages;
    expect(thread.find((m: any) => m.id === old.id)).toMatchObject({
      body: '[image] old.png',
      attachments: [{ status: 'expired', name: 'old.png' }],
    });
    expect(thread.find((m: any) => m.id === recent.id).attachments[0].status).toBe('ready');
  });

  it("the agent's interaction history opens a file of the same customer's earlier conversation, and no one else's", async () => {
    fake.files.set('/media/wamedia.EARLY', { contentType: 'image/png', bytes: SAMPLE_PHOTO });
    const first = await acceptDelivery('whatsapp', () =>
      postMeta(
        t.baseUrl,
        `/webhooks/whatsapp/${ids.whatsapp}`,
        whatsappFileFrom('wamid.EARLY', 'image', { id: 'wamedia.EARLY', mime_type: 'image/png' }),
        WA.appSecret,
      ),
    );
    const photo = (await settled(first.events, first.message)).attachments[0];
    await alice.post(`/api/conversations/${first.conversationId}/end`);
    const reasons = (await alice.get('/api/agent/bootstrap')).body.wrapUpReasons;
    await alice.post(`/api/conversations/${first.conversationId}/wrap-up`, { wrapUpReasonId: reasons[0].id });

    // Melissa writes again, and a stranger writes too.
    const post = (from: string, id: string) =>
      postMeta(
        t.baseUrl,
        `/webhooks/whatsapp/${ids.whatsapp}`,
        whatsappFile(WA.phoneNumberId, from, id, 'image', { id: 'wamedia.NONE', mime_type: 'image/png' }),
        WA.appSecret,
      );
    expect((await post('447966197542', 'wamid.AGAIN')).status).toBe(200);
    const again = await first.events.next(
      'offer.created',
      (o: any) => o.conversationId !== first.conversationId,
    );
    expect((await alice.post(`/api/offers/${again.id}/accept`)).status).toBe(200);
    expect((await post('46709998877', 'wamid.STRANGER')).status).toBe(200);
    const stranger = await first.events.next(
      'offer.created',
      (o: any) => o.conversationId !== first.conversationId && o.conversationId !== again.conversationId,
    );
    expect((await alice.post(`/api/offers/${stranger.id}/accept`)).status).toBe(200);

    const earlierFile = (from: string) =>
      alice.get(`/api/conversations/${from}/earlier/${first.conversationId}/attachments/${photo.id}`);
    const file = await fetch(
      `${t.baseUrl}/api/conversations/${again.conversationId}/earlier/${first.conversationId}/attachments/${photo.id}`,
      { headers: { cookie: alice.cookie } },
    );
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'image/png']);
    // Another customer's conversation is no door to it, nor is a conversation the agent does not take part in.
    expect((await earlierFile(stranger.conversationId)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    expect(
      (
        await bob.get(
          `/api/conversations/${again.conversationId}/earlier/${first.conversationId}/attachments/${photo.id}`,
        )
      ).body.code,
    ).toBe('NOT_A_PARTICIPANT');
  });

  /** Alice sends a file to the customer of a conversation she holds. */
  const sendFile = (
    conversationId: string,
    bytes: Buffer,
    type: string,
    name: string,
    clientMessageId = name,
  ) =>
    fetch(
      `${t.baseUrl}/api/conversations/${conversationId}/attachments?${new URLSearchParams({ clientMessageId, name })}`,
      {
        method: 'POST',
        headers: { 'content-type': type, cookie: alice.cookie, 'x-csrf-token': alice.csrfToken },
        body: new Blob([new Uint8Array(bytes)]),
      },
    );

  it('an agent sends a file: on live chat the customer reads it; the provider channels get a signed link that serves it, a forged or expired one serves nothing', async () => {
    const pdf = Buffer.from('%PDF-1.4 return label');
    // Live chat: the customer reads it with the chat's token.
    const customer = await startCustomer(t.baseUrl, { name: 'Label Needed' });
    const events = record(await alice.socket());
    expect((await alice.put('/api/agent/state', { state: 'available' })).status).toBe(200);
    const chat = await events.next('offer.created', (o: any) => o.conversationId === customer.conversationId);
    expect((await alice.post(`/api/offers/${chat.id}/accept`)).status).toBe(200);
    const sent = await sendFile(customer.conversationId, pdf, 'application/pdf', 'label <v2>.pdf');
    expect(sent.status).toBe(201);
    const label = await sent.json();
    expect(label).toMatchObject({
      author: 'agent',
      body: '[document] label v2.pdf',
      attachments: [{ kind: 'document', name: 'label <v2>.pdf', status: 'ready', size: pdf.length }],
    });
    const read = await fetch(
      `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments/${label.attachments[0].id}`,
      { headers: { authorization: `Bearer ${customer.token}` } },
    );
    expect(Buffer.from(await read.arrayBuffer()).equals(pdf)).toBe(true);
    expect(read.headers.get('content-disposition')).toMatch(/^attachment; /);
    const stranger = await startCustomer(t.baseUrl, { name: 'Someone Else' });
    const notTheirs = await fetch(
      `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments/${label.attachments[0].id}`,
      { headers: { authorization: `Bearer ${stranger.token}` } },
    );
    expect(notTheirs.status).toBe(401);

    // WhatsApp: the send job names our signed link; the provider fetches the file through it.
    expect(
      (
        await postMeta(
          t.baseUrl,
          `/webhooks/whatsapp/${ids.whatsapp}`,
          whatsappText(
            WA.phoneNumberId,
            '447966197542',
            'wamid.WANTS',
            'Where do I find the serial number?',
            'Melissa',
          ),
          WA.appSecret,
        )
      ).status,
    ).toBe(200);
    const wa = await events.next('offer.created', (o: any) => o.channel === 'whatsapp');
    expect((await alice.post(`/api/offers/${wa.id}/accept`)).status).toBe(200);
    const photo = await (await sendFile(wa.conversationId, SAMPLE_PHOTO, 'image/png', 'serial.png')).json();
    await events.next(
      'message.updated',
      (e: any) => e.message.id === photo.id && e.message.deliveryStatus === 'sent',
    );
    const request = fake.received.find((r) => r.channel === 'whatsapp' && r.body.type === 'image');
    const link = new URL(request?.body.image.link);
    expect(link.origin).toBe(PUBLIC_URL);
    expect(link.pathname).toMatch(
      new RegExp(`^/media/${photo.attachments[0].id}/\\d+/[\\w-]{43}/serial\\.png$`),
    );
    const viaLink = (path: string) => fetch(`${t.baseUrl}${path}`);
    const fetched = await viaLink(link.pathname);
    expect([fetched.status, fetched.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(SAMPLE_PHOTO)).toBe(true);
    const [, , id, expires, signature] = link.pathname.split('/');
    const forged = `/media/${id}/${Number(expires) + 86_400}/${signature}/serial.png`;
    expect((await viaLink(forged)).status).toBe(404);
    // A customer's file is no agent's: no signature opens it.
    expect((await viaLink(`/media/${label.attachments[0].id}/${expires}/${signature}/x.pdf`)).status).toBe(
      404,
    );
    // 5 MB at most on WhatsApp.
    const large = await sendFile(wa.conversationId, Buffer.alloc(6 * 1024 * 1024, 1), 'image/png', 'big.png');
    expect([large.status, (await large.json()).code]).toEqual([413, 'BODY_TOO_LARGE']);

    // Messenger: the attachment's URL is the same kind of link.
    await postMeta(
      t.baseUrl,
      `/webhooks/messenger/${ids.messenger}`,
      messengerText(FB.pageId, '7215000000000042', 'm_WANTS', '¿Me manda la etiqueta?'),
      FB.appSecret,
    );
    const fb = await events.next('offer.created', (o: any) => o.channel === 'messenger');
    expect((await alice.post(`/api/offers/${fb.id}/accept`)).status).toBe(200);
    const fbLabel = await (await sendFile(fb.conversationId, pdf, 'application/pdf', 'etiqueta.pdf')).json();
    await events.next(
      'message.updated',
      (e: any) => e.message.id === fbLabel.id && e.message.deliveryStatus === 'sent',
    );
    const fbRequest = fake.received.find((r) => r.channel === 'messenger' && r.body.message?.attachment);
    expect(fbRequest?.body.message.attachment).toMatchObject({
      type: 'file',
      payload: { is_reusable: false },
    });
    expect((await viaLink(new URL(fbRequest?.body.message.attachment.payload.url).pathname)).status).toBe(
      200,
    );

    // A day later the links are dead.
    t.clock.advance(25 * 3600_000);
    expect((await viaLink(link.pathname)).status).toBe(404);
  });

  it('one live chat holds at most 20 of the customer’s files: past it, FILE_QUOTA_EXCEEDED and nothing stored; a repeated upload is still answered', async () => {
    const customer = await startCustomer(t.baseUrl, { name: 'Many Files' });
    const upload = (clientMessageId: string) =>
      fetch(
        `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments?clientMessageId=${clientMessageId}`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${customer.token}` },
          body: `note ${clientMessageId}`,
        },
      );
    for (let i = 1; i <= 20; i++) {
      expect((await upload(`n${i}`)).status).toBe(201);
    }
    const over = await upload('n21');
    expect([over.status, (await over.json()).code]).toEqual([409, 'FILE_QUOTA_EXCEEDED']);
    expect((await upload('n20')).status).toBe(201);
    const thread = (await customer.get('/messages')).body.messages;
    expect(thread.filter((m: any) => m.attachments).length).toBe(20);
  });

  it("with customers' files turned off: no paperclip offered, uploads refused, providers' files listed but never fetched", async () => {
    expect((await alice.patch('/api/admin/settings', { acceptCustomerFiles: false })).status).toBe(403);
    const off = await ada.patch('/api/admin/settings', { acceptCustomerFiles: false });
    expect(off.body).toEqual({ maskSensitiveData: false, acceptCustomerFiles: false });
    expect((await request(t.baseUrl, 'GET', '/api/livechat/entry-points/website')).body.acceptsFiles).toBe(
      false,
    );

    const customer = await startCustomer(t.baseUrl, { name: 'No Files' });
    const refused = await fetch(
      `${t.baseUrl}/api/livechat/conversations/${customer.conversationId}/attachments?clientMessageId=x1&name=card.png`,
      {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${customer.token}` },
        body: new Blob([new Uint8Array(SAMPLE_PHOTO)]),
      },
    );
    expect([refused.status, (await refused.json()).code]).toEqual([403, 'FILES_NOT_ACCEPTED']);

    fake.files.set('/media/wamedia.CARD', { contentType: 'image/png', bytes: SAMPLE_PHOTO });
    const { message } = await acceptDelivery('whatsapp', () =>
      postMeta(
        t.baseUrl,
        `/webhooks/whatsapp/${ids.whatsapp}`,
        whatsappFileFrom('wamid.CARD', 'image', {
          id: 'wamedia.CARD',
          mime_type: 'image/png',
          caption: 'my card',
        }),
        WA.appSecret,
      ),
    );
    expect(message.body).toBe('[image] my card');
    expect(message.attachments).toEqual([
      expect.objectContaining({ status: 'failed', error: expect.objectContaining({ code: 'not_accepted' }) }),
    ]);
    await t.server.settle();
    expect(fake.mediaReads).toEqual([]);
    const audit = await ada.get('/api/admin/audit-log');
    expect(audit.body.entries[0]).toMatchObject({
      subjectId: 'acceptCustomerFiles',
      details: { from: true, to: false },
    });
  });
});
