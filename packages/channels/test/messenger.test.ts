import { afterEach, describe, expect, it } from 'vitest';
import { messengerAdapter, signMetaBody } from '../src';
import { messengerConfig } from './configs';
import { json, startFakeProvider } from './fake-provider';

const config = messengerConfig;

const request = (body: unknown) => {
  const raw = Buffer.from(JSON.stringify(body));
  return {
    rawBody: raw,
    headers: { 'x-hub-signature-256': signMetaBody(raw, config.appSecret) },
    publicUrl: 'https://x',
  };
};
const event = (rest: Record<string, unknown>) => ({
  sender: { id: 'PSID1' },
  recipient: { id: 'PAGE1' },
  timestamp: 1700000000000,
  ...rest,
});

describe('Messenger Platform adapter', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('answers the hub.challenge and checks the signature', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'verify-me' };
    expect(messengerAdapter.answerChallenge?.(query, config)).toBe('abc');
    expect(messengerAdapter.answerChallenge?.({ ...query, 'hub.verify_token': 'nope' }, config)).toBeNull();
    const good = request({ object: 'page', entry: [] });
    expect(messengerAdapter.verify(good, config)).toBe(true);
    expect(
      messengerAdapter.verify(
        { ...good, headers: { 'x-hub-signature-256': signMetaBody(good.rawBody, 'x') } },
        config,
      ),
    ).toBe(false);
  });

  it('parses messages, delivery and read watermarks; ignores echoes, reactions and postbacks', () => {
    const events = messengerAdapter.parse(
      request({
        object: 'page',
        entry: [
          {
            id: 'PAGE1',
            time: 1700000000000,
            messaging: [
              event({ message: { mid: 'm_1', text: 'Hola' } }),
              event({ message: { mid: 'm_2', text: 'Soy yo', is_echo: true, app_id: 1 } }),
              event({ reaction: { mid: 'm_out', action: 'react', emoji: '❤' } }),
              event({ postback: { title: 'Empezar', payload: 'GET_STARTED' } }),
              event({ delivery: { mids: ['m_out'], watermark: 1700000001000 } }),
            ],
          },
          { id: 'PAGE1', time: 1700000002000, messaging: [event({ read: { watermark: 1700000002000 } })] },
          { id: 'OTHER', time: 1, messaging: [event({ message: { mid: 'm_3', text: 'x' } })] },
        ],
      }),
      config,
    );
    expect(events).toEqual([
      {
        kind: 'message',
        providerMessageId: 'm_1',
        identity: 'PSID1',
        profileName: null,
        body: 'Hola',
        at: new Date(1700000000000),
      },
      { kind: 'ignored', what: 'echo' },
      { kind: 'ignored', what: 'reaction' },
      { kind: 'ignored', what: 'postback' },
      {
        kind: 'status',
        providerMessageId: 'm_out',
        status: 'delivered',
        at: new Date(1700000001000),
        error: null,
      },
      { kind: 'watermark', identity: 'PSID1', status: 'delivered', upTo: new Date(1700000001000) },
      { kind: 'watermark', identity: 'PSID1', status: 'read', upTo: new Date(1700000002000) },
      { kind: 'ignored', what: 'another page' },
    ]);
  });

  it("reports a message's files by their payload URL; the body stays what it was", () => {
    const image = 'https://scontent.xx.fbcdn.net/v/t1.15752-9/470_n.jpg?_nc_cat=1&oh=00_AfB&oe=66A1';
    const file = 'https://cdn.fbsbx.com/v/t59.2708-21/4_n.pdf/invoice.pdf?_nc_cat=1&oh=00_AfC&oe=66A2';
    const like = 'https://scontent.xx.fbcdn.net/v/t39.1997-6/851557_369239266556155_n.png?_nc_cat=1';
    const events = messengerAdapter.parse(
      request({
        object: 'page',
        entry: [
          {
            id: 'PAGE1',
            time: 1700000000000,
            messaging: [
              event({ message: { mid: 'm_img', attachments: [{ type: 'image', payload: { url: image } }] } }),
              event({ message: { mid: 'm_file', attachments: [{ type: 'file', payload: { url: file } }] } }),
              event({
                message: {
                  mid: 'm_like',
                  sticker_id: 369239263222822,
                  attachments: [{ type: 'image', payload: { url: like, sticker_id: 369239263222822 } }],
                },
              }),
              event({
                message: {
                  mid: 'm_loc',
                  attachments: [{ type: 'location', payload: { coordinates: { lat: 40.4, long: -3.7 } } }],
                },
              }),
              event({
                message: {
                  mid: 'm_link',
                  attachments: [
                    { type: 'fallback', title: 'A page', url: 'https://example.com', payload: null },
                  ],
                },
              }),
            ],
          },
        ],
      }),
      config,
    );
    const message = { kind: 'message', identity: 'PSID1', profileName: null, at: new Date(1700000000000) };
    expect(events).toEqual([
      {
        ...message,
        providerMessageId: 'm_img',
        body: '[image]',
        attachments: [{ kind: 'image', source: image, contentType: null, name: null }],
      },
      {
        ...message,
        providerMessageId: 'm_file',
        body: '[file]',
        attachments: [{ kind: 'document', source: file, contentType: null, name: null }],
      },
      {
        ...message,
        providerMessageId: 'm_like',
        body: '[image]',
        attachments: [{ kind: 'sticker', source: like, contentType: null, name: null }],
      },
      { ...message, providerMessageId: 'm_loc', body: '[location]' },
      { ...message, providerMessageId: 'm_link', body: '[fallback]' },
    ]);
  });

  it('skips attachments that are no usable file, and keeps at most 10', () => {
    const url = (i: number) => `https://scontent.xx.fbcdn.net/v/${i}_n.jpg`;
    const junk = [
      null,
      'image',
      { type: 'image' },
      { type: 'image', payload: { url: 42 } },
      { type: 'image', payload: { url: 'file:///etc/passwd' } },
      { type: 'constructor', payload: { url: url(0) } },
      { type: ['image'], payload: { url: url(0) } },
      { type: 'audio', payload: [url(0)] },
    ];
    const many = Array.from({ length: 5000 }, (_, i) => ({ type: 'video', payload: { url: url(i) } }));
    const [parsed] = messengerAdapter.parse(
      request({
        object: 'page',
        entry: [
          { id: 'PAGE1', messaging: [event({ message: { mid: 'm', attachments: [...junk, ...many] } })] },
        ],
      }),
      config,
    );
    expect(parsed).toMatchObject({ kind: 'message', body: '[attachment]' });
    expect(parsed?.kind === 'message' && parsed.attachments?.map((a) => a.source)).toEqual(
      Array.from({ length: 10 }, (_, i) => url(i)),
    );
  });

  it('sends as a RESPONSE, or with the HUMAN_AGENT tag outside 24 hours', async () => {
    const fake = await startFakeProvider((_req, res) =>
      json(res, 200, { recipient_id: 'PSID1', message_id: 'm_sent' }),
    );
    close = fake.close;
    const c = { ...config, apiBaseUrl: fake.url };
    expect(await messengerAdapter.send({ config: c, message: { to: 'PSID1', body: 'Hola' } })).toEqual({
      ok: true,
      providerMessageId: 'm_sent',
    });
    await messengerAdapter.send({
      config: c,
      message: { to: 'PSID1', body: 'Seguimos', humanAgentTag: true },
    });
    expect(fake.received[0]?.url).toBe('/v21.0/PAGE1/messages');
    expect(fake.received[0]?.headers.authorization).toBe('Bearer page-token');
    expect(JSON.parse(fake.received[0]?.body ?? '')).toEqual({
      recipient: { id: 'PSID1' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hola' },
    });
    expect(JSON.parse(fake.received[1]?.body ?? '')).toEqual({
      recipient: { id: 'PSID1' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { text: 'Seguimos' },
    });
  });

  it.each([
    [
      400,
      { error: { code: 10, error_subcode: 2018278, message: 'outside of allowed window' } },
      'outside_window',
      false,
    ],
    [
      400,
      { error: { code: 551, message: "This person isn't available right now." } },
      'undeliverable',
      false,
    ],
    [
      400,
      { error: { code: 613, message: 'Calls to this api have exceeded the rate limit.' } },
      'rate_limited',
      true,
    ],
    [500, { error: { code: 2, message: 'Service temporarily unavailable' } }, 'provider_unavailable', true],
  ])('maps HTTP %i %j to %s (retryable: %s)', async (status, body, code, retryable) => {
    const fake = await startFakeProvider((_req, res) => json(res, status, body));
    close = fake.close;
    const outcome = await messengerAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: { to: 'P', body: 'x' },
    });
    expect(outcome).toMatchObject({ ok: false, retryable, error: { code } });
  });

  it("reads the customer's name from the User Profile API with the page's token", async () => {
    const fake = await startFakeProvider((_req, res) =>
      json(res, 200, { first_name: 'Lucía', last_name: 'Fernández', id: 'PSID1' }),
    );
    close = fake.close;
    const read = messengerAdapter.readProfileName;
    expect(await read?.({ config: { ...config, apiBaseUrl: `${fake.url}/` }, identity: 'PSID1' })).toEqual({
      ok: true,
      name: 'Lucía Fernández',
    });
    expect(fake.received[0]).toMatchObject({
      method: 'GET',
      url: '/v21.0/PSID1?fields=first_name,last_name',
      headers: { authorization: 'Bearer page-token' },
    });
  });

  it.each([
    [
      400,
      { error: { code: 10, message: '(#10) Application does not have permission' } },
      'unauthorized',
      '10',
    ],
    [
      400,
      { error: { code: 100, error_subcode: 33, message: 'Object does not exist' } },
      'invalid_request',
      '100/33',
    ],
    [190, { error: { code: 190, message: 'Invalid OAuth access token' } }, 'unauthorized', '190'],
    [200, { id: 'PSID1' }, 'unknown', null],
    [500, 'not json', 'provider_unavailable', null],
  ])('a profile answered %i %j is not read, with the code %s', async (status, body, code, providerCode) => {
    const fake = await startFakeProvider((_req, res) => json(res, status === 190 ? 401 : status, body));
    close = fake.close;
    const outcome = await messengerAdapter.readProfileName?.({
      config: { ...config, apiBaseUrl: fake.url },
      identity: 'PSID1',
    });
    expect(outcome).toMatchObject({ ok: false, error: { code, providerCode } });
  });

  it('gives up on a profile that does not come within its deadline', async () => {
    const fake = await startFakeProvider(() => {});
    close = fake.close;
    const outcome = await messengerAdapter.readProfileName?.({
      config: { ...config, apiBaseUrl: fake.url },
      identity: 'PSID1',
      timeoutMs: 50,
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
