import { afterEach, describe, expect, it } from 'vitest';
import { MalformedDeliveryError, smsAdapter, twilioSignature } from '../src';
import { smsConfig } from './configs';
import { json, startFakeProvider } from './fake-provider';

const config = smsConfig;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const signed = (fields: Record<string, string>, url: string, token = config.authToken) => ({
  rawBody: Buffer.from(form(fields)),
  headers: { 'x-twilio-signature': twilioSignature(token, url, new URLSearchParams(fields)) },
  publicUrl: url,
});

const inbound = {
  ToCountry: 'SE',
  SmsMessageSid: 'SM1',
  NumMedia: '0',
  SmsSid: 'SM1',
  SmsStatus: 'received',
  Body: 'Hej, jag behöver hjälp',
  To: '+46701234567',
  NumSegments: '1',
  MessageSid: 'SM1',
  AccountSid: config.accountSid,
  From: '+46731234567',
  ApiVersion: '2010-04-01',
};

describe('Twilio SMS adapter', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it("signs like Twilio's documented example", () => {
    // twilio.com/docs/usage/security: this URL, these parameters and auth token 12345.
    const params = new URLSearchParams({
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    });
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe(
      '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    );
  });

  it('verifies over the public URL Twilio called, not the address behind the proxy', () => {
    const publicUrl = 'https://contact.example.com/webhooks/sms/abc';
    const request = signed(inbound, publicUrl);
    expect(smsAdapter.verify(request, config)).toBe(true);
    expect(
      smsAdapter.verify({ ...request, publicUrl: 'http://10.0.0.5:8080/webhooks/sms/abc' }, config),
    ).toBe(false);
    expect(smsAdapter.verify(signed(inbound, publicUrl, 'another token'), config)).toBe(false);
    expect(smsAdapter.verify({ ...request, headers: {} }, config)).toBe(false);
    // A parameter changed after signing.
    expect(
      smsAdapter.verify({ ...request, rawBody: Buffer.from(form({ ...inbound, Body: 'Forged' })) }, config),
    ).toBe(false);
  });

  it('parses an inbound SMS and a status callback; ignores what is still on its way', () => {
    const publicUrl = 'https://x/webhooks/sms/abc';
    const [message] = smsAdapter.parse(signed(inbound, publicUrl), config);
    expect(message).toMatchObject({
      kind: 'message',
      providerMessageId: 'SM1',
      identity: '+46731234567',
      profileName: null,
      body: 'Hej, jag behöver hjälp',
    });
    const failed = smsAdapter.parse(
      signed(
        {
          MessageSid: 'SM9',
          MessageStatus: 'undelivered',
          ErrorCode: '21610',
          AccountSid: config.accountSid,
        },
        publicUrl,
      ),
      config,
    );
    expect(failed).toMatchObject([
      {
        kind: 'status',
        providerMessageId: 'SM9',
        status: 'failed',
        error: { code: 'unsubscribed', providerCode: '21610' },
      },
    ]);
    expect(
      smsAdapter.parse(signed({ MessageSid: 'SM9', MessageStatus: 'delivered' }, publicUrl), config),
    ).toMatchObject([{ kind: 'status', status: 'delivered', error: null }]);
    expect(
      smsAdapter.parse(signed({ MessageSid: 'SM9', MessageStatus: 'queued' }, publicUrl), config),
    ).toEqual([{ kind: 'ignored', what: 'status queued' }]);
    expect(
      smsAdapter.parse(signed({ ...inbound, Body: '', NumMedia: '1' }, publicUrl), config),
    ).toMatchObject([{ kind: 'message', body: '[media × 1]' }]);
    // A count no MMS has is read as the most files one carries, not written out as sent.
    expect(
      smsAdapter.parse(signed({ ...inbound, Body: '', NumMedia: '1e9' }, publicUrl), config),
    ).toMatchObject([{ kind: 'message', body: '[media × 10]' }]);
    expect(smsAdapter.parse(signed({ ...inbound, Body: '', NumMedia: '-3' }, publicUrl), config)).toEqual([
      { kind: 'ignored', what: 'empty message' },
    ]);
  });

  it("reports an MMS's files by their MediaUrl, its kind by its type; the body stays what it was", () => {
    const media = (n: number) =>
      `https://api.twilio.com/2010-04-01/Accounts/${config.accountSid}/Messages/MM1/Media/ME${n}`;
    const mms = {
      ...inbound,
      Body: '',
      NumMedia: '2',
      MediaContentType0: 'image/jpeg',
      MediaUrl0: media(0),
      MediaContentType1: 'application/pdf',
      MediaUrl1: media(1),
    };
    expect(smsAdapter.parse(signed(mms, 'https://x'), config)).toMatchObject([
      {
        kind: 'message',
        body: '[media × 2]',
        attachments: [
          { kind: 'image', source: media(0), contentType: 'image/jpeg', name: null },
          { kind: 'document', source: media(1), contentType: 'application/pdf', name: null },
        ],
      },
    ]);
    const [withText] = smsAdapter.parse(
      signed(
        {
          ...mms,
          Body: 'Here',
          NumMedia: '4',
          MediaContentType0: 'Video/MP4',
          MediaContentType1: 'audio/amr',
          MediaUrl2: 'javascript:alert(1)',
          MediaContentType3: 'text/vcard',
          MediaUrl3: media(3),
        },
        'https://x',
      ),
      config,
    );
    expect(withText).toMatchObject({
      body: 'Here',
      attachments: [
        { kind: 'video', contentType: 'Video/MP4' },
        { kind: 'audio', contentType: 'audio/amr' },
        { kind: 'document', source: media(3), contentType: 'text/vcard' },
      ],
    });
    for (const NumMedia of ['0', 'abc', '-1', '1.5', '1e400', '']) {
      const [message] = smsAdapter.parse(signed({ ...mms, Body: 'x', NumMedia }, 'https://x'), config);
      expect(message, NumMedia).toMatchObject({ kind: 'message', body: 'x' });
      expect(message?.kind === 'message' && message.attachments, NumMedia).toBeUndefined();
    }
    // More than Twilio sends: the first 10.
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`MediaUrl${i}`, media(i)]));
    const [lots] = smsAdapter.parse(signed({ ...inbound, ...many, NumMedia: '30' }, 'https://x'), config);
    expect(lots?.kind === 'message' && lots.attachments?.map((a) => a.source)).toEqual(
      Array.from({ length: 10 }, (_, i) => media(i)),
    );
  });

  it('refuses forms Twilio never sends', () => {
    expect(() => smsAdapter.parse(signed({ From: '+1' }, 'https://x'), config)).toThrow(
      MalformedDeliveryError,
    );
    expect(() => smsAdapter.parse(signed({ MessageSid: 'SM1' }, 'https://x'), config)).toThrow(
      MalformedDeliveryError,
    );
    expect(() => smsAdapter.parse(signed({ ...inbound, Body: 'a\u0000' }, 'https://x'), config)).toThrow(
      MalformedDeliveryError,
    );
  });

  it('sends on the Messages API with Basic auth and a status callback', async () => {
    const fake = await startFakeProvider((_req, res) => json(res, 201, { sid: 'SMout', status: 'queued' }));
    close = fake.close;
    const outcome = await smsAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: { to: '+46731234567', body: 'Hej!', statusCallbackUrl: 'https://x/webhooks/sms/abc/status' },
    });
    expect(outcome).toEqual({ ok: true, providerMessageId: 'SMout' });
    const [req] = fake.received;
    expect(req?.url).toBe(`/2010-04-01/Accounts/${config.accountSid}/Messages.json`);
    expect(req?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${config.accountSid}:12345`).toString('base64')}`,
    );
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      To: '+46731234567',
      Body: 'Hej!',
      From: '+46701234567',
      StatusCallback: 'https://x/webhooks/sms/abc/status',
    });
  });

  it.each([
    [400, { code: 21610, message: 'Attempt to send to unsubscribed recipient' }, 'unsubscribed', false],
    [400, { code: 21211, message: "The 'To' number is not a valid phone number." }, 'undeliverable', false],
    [429, { code: 20429, message: 'Too Many Requests' }, 'rate_limited', true],
    [500, { code: 20500, message: 'Internal Server Error' }, 'provider_unavailable', true],
    [401, { code: 20003, message: 'Authenticate' }, 'unauthorized', false],
  ])('maps HTTP %i %j to %s (retryable: %s)', async (status, body, code, retryable) => {
    const fake = await startFakeProvider((_req, res) => json(res, status, body));
    close = fake.close;
    const outcome = await smsAdapter.send({
      config: { ...config, apiBaseUrl: fake.url },
      message: { to: '+1', body: 'x' },
    });
    expect(outcome).toMatchObject({ ok: false, retryable, error: { code, providerCode: String(body.code) } });
  });
});
