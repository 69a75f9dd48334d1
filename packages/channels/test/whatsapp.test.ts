import { afterEach, describe, expect, it } from 'vitest';
import { MalformedDeliveryError, signMetaBody, whatsappAdapter } from '../src';
import { whatsappConfig } from './configs';
import { json, startFakeProvider } from './fake-provider';

const config = whatsappConfig;

const request = (body: unknown, secret = config.appSecret) => {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    rawBody: raw,
    headers: { 'x-hub-signature-256': signMetaBody(raw, secret) },
    publicUrl: 'https://x/webhooks',
  };
};

const metadata = { display_phone_number: '15550001111', phone_number_id: config.phoneNumberId };
const change = (value: Record<string, unknown>) => ({
  field: 'messages',
  value: { messaging_product: 'whatsapp', metadata, ...value },
});

describe('WhatsApp Cloud API adapter', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('answers the hub.challenge only with the right verify token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'verify-me' };
    expect(whatsappAdapter.answerChallenge?.(query, config)).toBe('1158201444');
    expect(whatsappAdapter.answerChallenge?.({ ...query, 'hub.verify_token': 'wrong' }, config)).toBeNull();
    expect(whatsappAdapter.answerChallenge?.({ ...query, 'hub.mode': 'unsubscribe' }, config)).toBeNull();
  });

  it('checks X-Hub-Signature-256 on the raw bytes', () => {
    // Fixture computed apart: printf '%s' "$raw" | openssl dgst -sha256 -hmac app-secret
    const raw = '{"object":"whatsapp_business_account","entry":[]}';
    const fixture = 'sha256=d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f';
    const good = {
      rawBody: Buffer.from(raw),
      headers: { 'x-hub-signature-256': fixture },
      publicUrl: 'https://x',
    };
    expect(whatsappAdapter.verify(good, config)).toBe(true);
    expect(
      whatsappAdapter.verify({ ...good, headers: { 'x-hub-signature-256': fixture.toUpperCase() } }, config),
    ).toBe(false);
    expect(whatsappAdapter.verify(request(raw, 'another secret'), config)).toBe(false);
    expect(whatsappAdapter.verify({ ...good, headers: {} }, config)).toBe(false);
    expect(whatsappAdapter.verify({ ...good, headers: { 'x-hub-signature-256': 'sha256=zz' } }, config)).toBe(
      false,
    );
    // One byte more (a space re-serialised by a proxy) is another body.
    expect(whatsappAdapter.verify({ ...good, rawBody: Buffer.from(`${raw} `) }, config)).toBe(false);
  });

  it('parses several entries and changes, with and without contacts, and statuses out of order', () => {
    const events = whatsappAdapter.parse(
      request({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'WABA',
            changes: [
              change({
                contacts: [{ profile: { name: 'Melissa' }, wa_id: '447966197542' }],
                messages: [
                  {
                    from: '447966197542',
                    id: 'wamid.A',
                    timestamp: '1603059201',
                    type: 'text',
                    text: { body: 'Hallo' },
                  },
                  {
                    from: '447966197542',
                    id: 'wamid.B',
                    timestamp: '1603059202',
                    type: 'reaction',
                    reaction: { message_id: 'wamid.X', emoji: '👍' },
                  },
                ],
              }),
            ],
          },
          {
            id: 'WABA',
            changes: [
              // A system message (number changed) comes without contacts.
              change({
                messages: [
                  {
                    from: '447966197542',
                    id: 'wamid.C',
                    timestamp: '1603059203',
                    type: 'system',
                    system: { body: 'changed number' },
                  },
                  {
                    from: '491701234567',
                    id: 'wamid.D',
                    timestamp: '1603059204',
                    type: 'text',
                    text: { body: 'Noch da?' },
                  },
                ],
              }),
              change({
                statuses: [
                  { id: 'wamid.OUT', status: 'read', timestamp: '1603059210', recipient_id: '447966197542' },
                  { id: 'wamid.OUT', status: 'sent', timestamp: '1603059205', recipient_id: '447966197542' },
                  {
                    id: 'wamid.OUT2',
                    status: 'failed',
                    timestamp: '1603059206',
                    recipient_id: '447966197542',
                    errors: [
                      {
                        code: 131047,
                        title: 'Re-engagement message',
                        error_data: { details: 'More than 24 hours have passed' },
                      },
                    ],
                  },
                ],
              }),
              { field: 'account_update', value: {} },
              change({
                metadata: { phone_number_id: 'another' },
                messages: [{ from: '1', id: 'wamid.E', type: 'text', text: { body: 'x' } }],
              }),
            ],
          },
        ],
      }),
      config,
    );
    expect(events.filter((e) => e.kind === 'message')).toEqual([
      {
        kind: 'message',
        providerMessageId: 'wamid.A',
        identity: '447966197542',
        profileName: 'Melissa',
        body: 'Hallo',
        at: new Date(1603059201000),
      },
      {
        kind: 'message',
        providerMessageId: 'wamid.D',
        identity: '491701234567',
        profileName: null,
        body: 'Noch da?',
        at: new Date(1603059204000),
      },
    ]);
    expect(events.filter((e) => e.kind === 'status')).toEqual([
      {
        kind: 'status',
        providerMessageId: 'wamid.OUT',
        status: 'read',
        at: new Date(1603059210000),
        error: null,
      },
      {
        kind: 'status',
        providerMessageId: 'wamid.OUT',
        status: 'sent',
        at: new Date(1603059205000),
        error: null,
      },
      {
        kind: 'status',
        providerMessageId: 'wamid.OUT2',
        status: 'failed',
        at: new Date(1603059206000),
        error: { code: 'outside_window', providerCode: '131047', reason: 'More than 24 hours have passed' },
      },
    ]);
    expect(events.filter((e) => e.kind === 'ignored').map((e) => e.kind === 'ignored' && e.what)).toEqual([
      'message of type reaction',
      'message of type system',
      'field account_update',
      'another phone number',
    ]);
  });

  it('reports the file of a media message by its media id; the body stays what it was', () => {
    const from = '16315551234';
    const media = (id: string, type: string, rest: Record<string, unknown>) => ({
      from,
      id,
      timestamp: '1669233778',
      type,
      [type]: rest,
    });
    const events = whatsappAdapter.parse(
      request({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'WABA',
            changes: [
              change({
                contacts: [{ profile: { name: 'Kerry' }, wa_id: from }],
                messages: [
                  media('wamid.IMG', 'image', {
                    caption: 'The broken part',
                    mime_type: 'image/jpeg',
                    sha256: 'h8ZOqFh2Pq3FqjeWzR4IEbW0T5hY5rjrv4eq4U0kuGM=',
                    id: '1003383421387256',
                  }),
                  media('wamid.DOC', 'document', {
                    filename: 'Invoice 2024-117.pdf',
                    mime_type: 'application/pdf',
                    sha256: 'Kd5ibAbyv8YIYrrrfRLhVRmgdNyv5nMbz2PVSyq8Nug=',
                    id: '1107564150426914',
                  }),
                  media('wamid.VOICE', 'audio', {
                    mime_type: 'audio/ogg; codecs=opus',
                    sha256: 'RbuDFdd4BLPqC9ylwW2xHmrz8rhMq+9bGTaCJ5XP1Ec=',
                    id: '2078133419290116',
                    voice: true,
                  }),
                  media('wamid.STK', 'sticker', {
                    mime_type: 'image/webp',
                    sha256: 'u8rdgeBHe8QpmZ0nu2LzWuM9HaCm6Ab0KkA3dMgxo6Q=',
                    id: '892014455637510',
                    animated: false,
                  }),
                  media('wamid.LOC', 'location', { latitude: 59.33, longitude: 18.06, name: 'Office' }),
                ],
              }),
            ],
          },
        ],
      }),
      config,
    );
    const at = new Date(1669233778000);
    const message = { kind: 'message', identity: from, profileName: 'Kerry', at };
    expect(events).toEqual([
      {
        ...message,
        providerMessageId: 'wamid.IMG',
        body: '[image] The broken part',
        attachments: [{ kind: 'image', source: '1003383421387256', contentType: 'image/jpeg', name: null }],
      },
      {
        ...message,
        providerMessageId: 'wamid.DOC',
        body: '[document]',
        attachments: [
          {
            kind: 'document',
            source: '1107564150426914',
            contentType: 'application/pdf',
            name: 'Invoice 2024-117.pdf',
          },
        ],
      },
      {
        ...message,
        providerMessageId: 'wamid.VOICE',
        body: '[audio]',
        attachments: [
          { kind: 'audio', source: '2078133419290116', contentType: 'audio/ogg; codecs=opus', name: null },
        ],
      },
      {
        ...message,
        providerMessageId: 'wamid.STK',
        body: '[sticker]',
        attachments: [{ kind: 'sticker', source: '892014455637510', contentType: 'image/webp', name: null }],
      },
      // A location has no file.
      { ...message, providerMessageId: 'wamid.LOC', body: '[location]' },
    ]);
  });

  it('keeps a media message whose file is unusable, without the file', () => {
    const messages = [
      { id: undefined },
      { id: 1003383421387256 },
      { id: '../../106540352242922/messages' },
      { id: '..' },
      { id: 'x'.repeat(257) },
      { id: ['1'] },
      { id: '1', mime_type: 'not a type', filename: 42 },
    ].map((image, i) => ({ from: '1', id: `wamid.${i}`, timestamp: '1', type: 'image', image }));
    const events = whatsappAdapter.parse(
      request({
        object: 'whatsapp_business_account',
        entry: [
          { changes: [change({ messages: [...messages, { from: '1', id: 'w', type: 'image', image: 3 }] })] },
        ],
      }),
      config,
    );
    expect(events.map((e) => e.kind === 'message' && [e.body, e.attachments])).toEqual([
      ...Array.from({ length: 6 }, () => ['[image]', undefined]),
      ['[image]', [{ kind: 'image', source: '1', contentType: null, name: null }]],
      ['[image]', undefined],
    ]);
  });

  it('refuses what WhatsApp never sends, and ignores other objects', () => {
    expect(() => whatsappAdapter.parse(request('{not json'), config)).toThrow(MalformedDeliveryError);
    expect(() => whatsappAdapter.parse(request('[1]'), config)).toThrow(MalformedDeliveryError);
    expect(() =>
      whatsappAdapter.parse(request({ object: 'whatsapp_business_account', entry: 3 }), config),
    ).toThrow(MalformedDeliveryError);
    const nul = change({ messages: [{ from: '1', id: 'w', type: 'text', text: { body: 'a\u0000b' } }] });
    expect(() =>
      whatsappAdapter.parse(
        request({ object: 'whatsapp_business_account', entry: [{ changes: [nul] }] }),
        config,
      ),
    ).toThrow(MalformedDeliveryError);
    const nulSender = change({
      messages: [{ from: '1\u0000', id: 'w', type: 'text', text: { body: 'ok' } }],
    });
    expect(() =>
      whatsappAdapter.parse(
        request({ object: 'whatsapp_business_account', entry: [{ changes: [nulSender] }] }),
        config,
      ),
    ).toThrow(MalformedDeliveryError);
    expect(whatsappAdapter.parse(request({ object: 'page', entry: [] }), config)).toEqual([
      { kind: 'ignored', what: 'object page' },
    ]);
  });

  it('sends a text on the Graph API and reads the wamid', async () => {
    const fake = await startFakeProvider((_req, res) =>
      json(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: '447966197542', wa_id: '447966197542' }],
        messages: [{ id: 'wamid.SENT' }],
      }),
    );
    close = fake.close;
    const outcome = await whatsappAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: { to: '447966197542', body: 'Guten Tag' },
    });
    expect(outcome).toEqual({ ok: true, providerMessageId: 'wamid.SENT' });
    expect(fake.received[0]?.url).toBe('/v21.0/106540352242922/messages');
    expect(fake.received[0]?.headers.authorization).toBe('Bearer token-1');
    expect(JSON.parse(fake.received[0]?.body ?? '')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447966197542',
      type: 'text',
      text: { body: 'Guten Tag', preview_url: false },
    });
  });

  it('sends a template with its body parameters', async () => {
    const fake = await startFakeProvider((_req, res) => json(res, 200, { messages: [{ id: 'wamid.T' }] }));
    close = fake.close;
    await whatsappAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: {
        to: '4917',
        body: '',
        template: { name: 'follow_up', language: 'de', parameters: ['Melissa'] },
      },
    });
    expect(JSON.parse(fake.received[0]?.body ?? '')).toMatchObject({
      type: 'template',
      template: {
        name: 'follow_up',
        language: { code: 'de' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Melissa' }] }],
      },
    });
  });

  it.each([
    [
      400,
      {
        error: {
          code: 131047,
          message: 'Re-engagement message',
          error_data: { details: 'More than 24 hours' },
        },
      },
      'outside_window',
      false,
    ],
    [400, { error: { code: 131026, message: 'Message Undeliverable' } }, 'undeliverable', false],
    [429, { error: { code: 130429, message: 'Rate limit hit' } }, 'rate_limited', true],
    [503, { error: { code: 131016, message: 'Service unavailable' } }, 'provider_unavailable', true],
    [502, 'Bad gateway', 'provider_unavailable', true],
    [429, {}, 'rate_limited', true],
    [401, { error: { code: 190, message: 'Error validating access token' } }, 'unauthorized', false],
  ])('maps HTTP %i %j to %s (retryable: %s)', async (status, body, code, retryable) => {
    const fake = await startFakeProvider((_req, res) => {
      if (typeof body === 'string') {
        res.writeHead(status);
        res.end(body);
      } else {
        json(res, status, body);
      }
    });
    close = fake.close;
    const outcome = await whatsappAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: { to: '1', body: 'x' },
    });
    expect(outcome).toMatchObject({ ok: false, retryable, error: { code } });
  });

  it('gives up on a provider that does not answer in time, as a retryable timeout', async () => {
    const fake = await startFakeProvider(() => {
      // never answers
    });
    close = fake.close;
    const outcome = await whatsappAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: { to: '1', body: 'x' },
      timeoutMs: 100,
    });
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'timeout' } });
  });

  it('reports an unreachable provider as a retryable network failure', async () => {
    const outcome = await whatsappAdapter.send({
      config: { ...config, apiBaseUrl: 'http://127.0.0.1:9' },
      message: { to: '1', body: 'x' },
    });
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'network' } });
  });
});
