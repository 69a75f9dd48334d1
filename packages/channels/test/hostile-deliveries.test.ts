import { ATTACHMENT_KINDS, type InboundEvent, MAX_ATTACHMENTS_PER_MESSAGE } from '@switchboard/core';
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

/** A message's files, when it has any, are what core expects: never a field of another type. */
const expectWellFormedAttachments = (events: InboundEvent[]) => {
  for (const event of events) {
    if (event.kind !== 'message' || event.attachments === undefined) {
      continue;
    }
    expect(event.attachments.length).toBeGreaterThan(0);
    expect(event.attachments.length).toBeLessThanOrEqual(MAX_ATTACHMENTS_PER_MESSAGE);
    for (const a of event.attachments) {
      expect(ATTACHMENT_KINDS).toContain(a.kind);
      expect(typeof a.source === 'string' && a.source.length > 0).toBe(true);
      expect(a.contentType === null || typeof a.contentType === 'string').toBe(true);
      expect(a.name === null || typeof a.name === 'string').toBe(true);
    }
  }
};

/** Parsing either gives events or refuses as malformed: never another error (a 500). */
const parsesOrRefuses = (parse: () => InboundEvent[]) => {
  try {
    const events = parse();
    expect(Array.isArray(events)).toBe(true);
    expectWellFormedAttachments(events);
  } catch (err) {
    expect(err).toBeInstanceOf(MalformedDeliveryError);
  }
};

/** A media object as WhatsApp and Messenger shape it, with anything in its fields. */
const mediaLike = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      id: fc.oneof(fc.stringMatching(/^[0-9]{1,20}$/), fc.string(), fc.jsonValue()),
      url: fc.oneof(fc.webUrl(), fc.string(), fc.jsonValue()),
      mime_type: fc.oneof(
        fc.constantFrom('image/jpeg', 'audio/ogg; codecs=opus'),
        fc.string(),
        fc.jsonValue(),
      ),
      filename: fc.oneof(fc.string(), fc.jsonValue()),
      sticker_id: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);

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
              type: fc.oneof(fc.constantFrom('text', 'image', 'document', 'sticker'), fc.string()),
              text: fc.jsonValue(),
              image: mediaLike,
              document: mediaLike,
              sticker: mediaLike,
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
          attachments: fc.oneof(
            fc.jsonValue(),
            fc.array(
              fc.record({
                type: fc.oneof(
                  fc.constantFrom('image', 'file', 'video', 'location', 'fallback'),
                  fc.jsonValue(),
                ),
                payload: mediaLike,
              }),
              { maxLength: 20 },
            ),
          ),
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
                  'MediaUrl0',
                  'MediaContentType0',
                  'MediaUrl1',
                ),
                fc.string(),
              ),
              fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom('1', '2', '10', '11', '1e9')),
            )
            .map((d) => raw(new URLSearchParams(d).toString())),
        ),
        (request) => parsesOrRefuses(() => smsAdapter.parse(request, sms)),
      ),
      { numRuns: 500 },
    );
  });
  it('files: valid envelopes, anything in the media fields', () => {
    const kind = fc.oneof(
      fc.constantFrom('image', 'video', 'audio', 'document', 'sticker', 'file'),
      fc.string(),
    );
    const envelope = (object: string, entry: unknown) => raw(JSON.stringify({ object, entry: [entry] }));
    const whatsappMessage = fc
      .record({ type: kind, media: mediaLike })
      .map(({ type, media }) => ({ from: '1', id: 'wamid.1', type, [type]: media }));
    const messengerMessage = fc
      .oneof(fc.jsonValue(), fc.array(fc.record({ type: kind, payload: mediaLike }), { maxLength: 30 }))
      .map((attachments) => ({ sender: { id: 'PSID' }, message: { mid: 'm', attachments } }));
    const twilioForm = fc
      .record({
        NumMedia: fc.oneof(fc.integer({ min: -2, max: 40 }).map(String), fc.string()),
        media: fc.array(fc.tuple(fc.oneof(fc.webUrl(), fc.string()), fc.string()), { maxLength: 40 }),
      })
      .map(({ NumMedia, media }) => {
        const form = new URLSearchParams({ MessageSid: 'SM1', From: '+1', Body: 'x', NumMedia });
        media.forEach(([url, type], i) => {
          form.set(`MediaUrl${i}`, url);
          form.set(`MediaContentType${i}`, type);
        });
        return raw(form.toString());
      });
    let files = 0;
    const count = (events: InboundEvent[]) => {
      files += events.filter((e) => e.kind === 'message' && e.attachments).length;
      return events;
    };
    fc.assert(
      fc.property(fc.array(whatsappMessage, { maxLength: 5 }), (messages) =>
        parsesOrRefuses(() =>
          count(
            whatsappAdapter.parse(
              envelope('whatsapp_business_account', {
                changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'P' }, messages } }],
              }),
              wa,
            ),
          ),
        ),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(messengerMessage, { maxLength: 3 }), (messaging) =>
        parsesOrRefuses(() => count(messengerAdapter.parse(envelope('page', { id: 'P', messaging }), fb))),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(twilioForm, (request) => parsesOrRefuses(() => count(smsAdapter.parse(request, sms)))),
      { numRuns: 300 },
    );
    // The properties reached the files, not only the envelopes' refusals.
    expect(files).toBeGreaterThan(100);
  });
});
