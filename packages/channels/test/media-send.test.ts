import { afterEach, describe, expect, it } from 'vitest';
import {
  messengerAdapter,
  type OutboundMessage,
  type SendOutcome,
  smsAdapter,
  whatsappAdapter,
} from '../src';
import { messengerConfig, smsConfig, whatsappConfig } from './configs';
import { json, type Received, startFakeProvider } from './fake-provider';

type Media = NonNullable<OutboundMessage['media']>;

// Our signed, expiring URLs, as the server gives them: sent to the provider to the letter.
const IMAGE: Media = {
  url: 'https://switchboard.example/files/3f2a/photo.jpg?expires=1767225600&signature=Zm9v%2Bbar%3D',
  kind: 'image',
  contentType: 'image/jpeg',
  name: 'photo.jpg',
};
const DOCUMENT: Media = {
  url: 'https://switchboard.example/files/7c1d/invoice.pdf?expires=1767225600&signature=YmF6',
  kind: 'document',
  contentType: 'application/pdf',
  name: 'Rechnung März.pdf',
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/**
 * One adapter's send, to the provider at `apiBaseUrl`; the customer it sends to, and the request
 * its API takes a message on (the path, our credentials, the body's type).
 */
interface Channel {
  name: string;
  to: string;
  send: (apiBaseUrl: string, message: OutboundMessage) => Promise<SendOutcome>;
  endpoint: { url: string; authorization: string; contentType: string };
}

const whatsapp: Channel = {
  name: 'WhatsApp',
  to: '447966197542',
  send: (apiBaseUrl, message) => whatsappAdapter.send({ config: { ...whatsappConfig, apiBaseUrl }, message }),
  endpoint: {
    url: '/v21.0/106540352242922/messages',
    authorization: 'Bearer token-1',
    contentType: 'application/json',
  },
};
const twilio: Channel = {
  name: 'Twilio',
  to: '+46731234567',
  send: (apiBaseUrl, message) => smsAdapter.send({ config: { ...smsConfig, apiBaseUrl }, message }),
  endpoint: {
    url: `/2010-04-01/Accounts/${smsConfig.accountSid}/Messages.json`,
    authorization: `Basic ${Buffer.from(`${smsConfig.accountSid}:${smsConfig.authToken}`).toString('base64')}`,
    contentType: 'application/x-www-form-urlencoded',
  },
};
const messenger: Channel = {
  name: 'Messenger',
  to: 'PSID1',
  send: (apiBaseUrl, message) =>
    messengerAdapter.send({ config: { ...messengerConfig, apiBaseUrl }, message }),
  endpoint: {
    url: '/v21.0/PAGE1/messages',
    authorization: 'Bearer page-token',
    contentType: 'application/json',
  },
};

/** A file alone (body empty) sent on `channel`, to a fake provider that answers `answer`. */
const sendFile = async (
  channel: Channel,
  answer: [status: number, body: unknown],
  message: Partial<OutboundMessage> & { media: Media },
): Promise<{ outcome: SendOutcome; received: Received[] }> => {
  const provider = await startFakeProvider((_req, res) => json(res, ...answer));
  closers.push(provider.close);
  const outcome = await channel.send(provider.url, { to: channel.to, body: '', ...message });
  return { outcome, received: provider.received };
};

/** The send made one request: a POST to the channel's endpoint, with its credentials. */
const expectOnePost = (channel: Channel, received: Received[]) =>
  expect(
    received.map(({ method, url, headers }) => ({
      method,
      url,
      authorization: headers.authorization,
      contentType: headers['content-type'],
    })),
  ).toEqual([{ method: 'POST', ...channel.endpoint }]);

const jsonBody = (received: Received[]) => JSON.parse(received[0]?.body ?? '');
const formBody = (received: Received[]) => Object.fromEntries(new URLSearchParams(received[0]?.body));

describe.each([whatsapp, twilio, messenger])('$name send of a file', (channel) => {
  it.each([
    'file:///etc/passwd',
    'data:image/png;base64,AAAA',
    'ftp://switchboard.example/x.pdf',
    'javascript:alert(1)',
    'https://user:secret@switchboard.example/x.pdf',
    'not a url',
    '',
  ])('refuses the URL %j as an invalid request, without asking the provider', async (url) => {
    const { outcome, received } = await sendFile(channel, [200, {}], { media: { ...IMAGE, url } });
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: { code: 'invalid_request', providerCode: null, reason: expect.any(String) },
    });
    expect(received).toEqual([]);
  });
});

describe('WhatsApp send of a file', () => {
  const OK: [number, unknown] = [
    200,
    {
      messaging_product: 'whatsapp',
      contacts: [{ input: '447966197542', wa_id: '447966197542' }],
      messages: [{ id: 'wamid.FILE' }],
    },
  ];

  it.each([
    ['an image by its link', IMAGE, { type: 'image', image: { link: IMAGE.url } }],
    [
      'a document by its link, with its filename',
      DOCUMENT,
      { type: 'document', document: { link: DOCUMENT.url, filename: 'Rechnung März.pdf' } },
    ],
    [
      'a document without a filename when it has no name',
      { ...DOCUMENT, name: null },
      { type: 'document', document: { link: DOCUMENT.url } },
    ],
  ])('sends %s on the Graph API and reads the wamid', async (_what, media, content) => {
    const { outcome, received } = await sendFile(whatsapp, OK, { media });
    expect(outcome).toEqual({ ok: true, providerMessageId: 'wamid.FILE' });
    expectOnePost(whatsapp, received);
    expect(jsonBody(received)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447966197542',
      ...content,
    });
  });

  it('sends the template, not the file, when the message has one', async () => {
    const { received } = await sendFile(whatsapp, OK, {
      media: IMAGE,
      template: { name: 'follow_up', language: 'de', parameters: [] },
    });
    expect(jsonBody(received)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447966197542',
      type: 'template',
      template: { name: 'follow_up', language: { code: 'de' }, components: [] },
    });
  });

  it.each([
    [
      'Media upload error',
      {
        error: {
          message: '(#131053) Media upload error',
          type: 'OAuthException',
          code: 131053,
          error_data: { messaging_product: 'whatsapp', details: 'Downloading media from weblink failed' },
        },
      },
      '131053',
      'Downloading media from weblink failed',
    ],
    [
      'Invalid parameter',
      {
        error: {
          message: '(#100) Invalid parameter',
          type: 'OAuthException',
          code: 100,
          error_data: { messaging_product: 'whatsapp', details: 'Param image[link] is not a valid URI.' },
        },
      },
      '100',
      'Param image[link] is not a valid URI.',
    ],
  ])('maps %s to a non-retryable invalid request', async (_what, body, providerCode, reason) => {
    const { outcome } = await sendFile(whatsapp, [400, body], { media: IMAGE });
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: { code: 'invalid_request', providerCode, reason },
    });
  });
});

describe('Twilio send of a file', () => {
  const OK: [number, unknown] = [201, { sid: 'MMout', status: 'queued', num_media: '1' }];
  const STATUS_CALLBACK = 'https://x/webhooks/sms/abc/status';

  it.each([
    ['an image', IMAGE],
    ['a document', DOCUMENT],
  ])('sends %s as an MMS by its MediaUrl, without a Body, and reads the sid', async (_what, media) => {
    const { outcome, received } = await sendFile(twilio, OK, { media, statusCallbackUrl: STATUS_CALLBACK });
    expect(outcome).toEqual({ ok: true, providerMessageId: 'MMout' });
    expectOnePost(twilio, received);
    expect(formBody(received)).toEqual({
      To: '+46731234567',
      From: '+46701234567',
      MediaUrl: media.url,
      StatusCallback: STATUS_CALLBACK,
    });
  });

  it('sends from the messaging service when there is one', async () => {
    const provider = await startFakeProvider((_req, res) => json(res, ...OK));
    closers.push(provider.close);
    await smsAdapter.send({
      config: { ...smsConfig, apiBaseUrl: provider.url, messagingServiceSid: 'MG0123' },
      message: { to: '+46731234567', body: '', media: IMAGE },
    });
    expect(formBody(provider.received)).toEqual({
      To: '+46731234567',
      MessagingServiceSid: 'MG0123',
      MediaUrl: IMAGE.url,
    });
  });

  it('maps 21620 Invalid media URL(s) to a non-retryable invalid request', async () => {
    const { outcome } = await sendFile(
      twilio,
      [
        400,
        {
          code: 21620,
          message: 'Invalid media URL(s)',
          more_info: 'https://www.twilio.com/docs/errors/21620',
          status: 400,
        },
      ],
      { media: IMAGE },
    );
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: { code: 'invalid_request', providerCode: '21620', reason: 'Invalid media URL(s)' },
    });
  });
});

describe('Messenger send of a file', () => {
  const OK: [number, unknown] = [200, { recipient_id: 'PSID1', message_id: 'm_file' }];
  const attachment = (type: string, url: string) => ({
    attachment: { type, payload: { url, is_reusable: false } },
  });

  it.each([
    ['an image', IMAGE, attachment('image', IMAGE.url)],
    ['a document as a file', DOCUMENT, attachment('file', DOCUMENT.url)],
  ])('sends %s by its URL as a RESPONSE and reads the message id', async (_what, media, message) => {
    const { outcome, received } = await sendFile(messenger, OK, { media });
    expect(outcome).toEqual({ ok: true, providerMessageId: 'm_file' });
    expectOnePost(messenger, received);
    expect(jsonBody(received)).toEqual({ recipient: { id: 'PSID1' }, messaging_type: 'RESPONSE', message });
  });

  it('sends a file with the HUMAN_AGENT tag outside 24 hours', async () => {
    const { received } = await sendFile(messenger, OK, { media: DOCUMENT, humanAgentTag: true });
    expect(jsonBody(received)).toEqual({
      recipient: { id: 'PSID1' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: attachment('file', DOCUMENT.url),
    });
  });

  it('maps 100/2018109 Attachment size exceeds allowable limit to a non-retryable invalid request', async () => {
    const { outcome } = await sendFile(
      messenger,
      [
        400,
        {
          error: {
            message: '(#100) Attachment size exceeds allowable limit',
            type: 'OAuthException',
            code: 100,
            error_subcode: 2018109,
            fbtrace_id: 'A1b2C3',
          },
        },
      ],
      { media: DOCUMENT },
    );
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: {
        code: 'invalid_request',
        providerCode: '100/2018109',
        reason: '(#100) Attachment size exceeds allowable limit',
      },
    });
  });
});
