import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MalformedDeliveryError,
  type MessengerConfig,
  messengerAdapter,
  type SmsConfig,
  smsAdapter,
  type WhatsappConfig,
  whatsappAdapter,
} from '../src';

const wa: WhatsappConfig = {
  channel: 'whatsapp',
  phoneNumberId: 'P',
  displayPhoneNumber: '+1',
  accessToken: 'a',
  appSecret: 's',
  verifyToken: 'v',
  apiBaseUrl: 'http://x',
};
const fb: MessengerConfig = {
  channel: 'messenger',
  pageId: 'P',
  pageName: 'n',
  pageAccessToken: 'a',
  appSecret: 's',
  verifyToken: 'v',
  apiBaseUrl: 'http://x',
};
const sms: SmsConfig = {
  channel: 'sms',
  accountSid: 'AC',
  authToken: 't',
  phoneNumber: '+1',
  messagingServiceSid: null,
  apiBaseUrl: 'http://x',
};

/** Parsing either gives events or refuses as malformed: never another error (a 500). */
const parsesOrRefuses = (parse: () => unknown[]) => {
  try {
    const events = parse();
    expect(Array.isArray(events)).toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(MalformedDeliveryError);
  }
};

const raw = (body: string | Uint8Array) => ({
  rawBody: Buffer.from(body),
  headers: {},
  publicUrl: 'https://x',
});

// Envelopes close to the real ones, with any JSON where the providers put objects.
const metaLike = (object: string, inner: fc.Arbitrary<unknown>) =>
  fc.record({
    object: fc.constant(object),
    entry: fc.oneof(fc.array(inner, { maxLength: 3 }), fc.jsonValue()),
  });

describe('hostile deliveries', () => {
  it('WhatsApp: any bytes, any JSON, envelopes with anything inside', () => {
    const change = fc.record({
      field: fc.oneof(fc.constant('messages'), fc.string()),
      value: fc.oneof(
        fc.jsonValue(),
        fc.record({
          metadata: fc.constant({ phone_number_id: 'P' }),
          contacts: fc.jsonValue(),
          messages: fc.array(
            fc.record({
              from: fc.jsonValue(),
              id: fc.jsonValue(),
              type: fc.oneof(fc.constant('text'), fc.string()),
              text: fc.jsonValue(),
            }),
            { maxLength: 3 },
          ),
          statuses: fc.array(
            fc.record({ id: fc.jsonValue(), status: fc.jsonValue(), errors: fc.jsonValue() }),
            { maxLength: 3 },
          ),
        }),
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map(raw),
          fc.jsonValue().map((v) => raw(JSON.stringify(v))),
          metaLike(
            'whatsapp_business_account',
            fc.record({ changes: fc.oneof(fc.array(change, { maxLength: 3 }), fc.jsonValue()) }),
          ).map((v) => raw(JSON.stringify(v))),
        ),
        (request) => parsesOrRefuses(() => whatsappAdapter.parse(request, wa)),
      ),
      { numRuns: 500 },
    );
  });

  it('Messenger: any bytes, any JSON, envelopes with anything inside', () => {
    const event = fc.record({
      sender: fc.oneof(fc.constant({ id: 'PSID' }), fc.jsonValue()),
      message: fc.option(
        fc.record({
          mid: fc.jsonValue(),
          text: fc.jsonValue(),
          is_echo: fc.jsonValue(),
          attachments: fc.jsonValue(),
        }),
      ),
      delivery: fc.option(fc.record({ mids: fc.jsonValue(), watermark: fc.jsonValue() })),
      read: fc.option(fc.record({ watermark: fc.jsonValue() })),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map(raw),
          fc.jsonValue().map((v) => raw(JSON.stringify(v))),
          metaLike(
            'page',
            fc.record({
              id: fc.constant('P'),
              messaging: fc.oneof(fc.array(event, { maxLength: 3 }), fc.jsonValue()),
            }),
          ).map((v) => raw(JSON.stringify(v))),
        ),
        (request) => parsesOrRefuses(() => messengerAdapter.parse(request, fb)),
      ),
      { numRuns: 500 },
    );
  });

  it('Twilio: any bytes, any form', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map(raw),
          fc
            .dictionary(
              fc.oneof(
                fc.constantFrom(
                  'MessageSid',
                  'From',
                  'Body',
                  'NumMedia',
                  'MessageStatus',
                  'ErrorCode',
                  'AccountSid',
                ),
                fc.string(),
              ),
              fc.string(),
            )
            .map((d) => raw(new URLSearchParams(d).toString())),
        ),
        (request) => parsesOrRefuses(() => smsAdapter.parse(request, sms)),
      ),
      { numRuns: 500 },
    );
  });
});
