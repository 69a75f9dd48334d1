import { randomUUID } from 'node:crypto';
import { type ConfigOf, type ProviderConfig, signMetaBody, twilioSignature } from '@switchboard/channels';
import type { ProviderChannel } from '@switchboard/core';

/** One line of a simulated customer's thread, as the provider sees it. */
export interface SimulatedLine {
  id: string;
  direction: 'in' | 'out';
  text: string;
  at: string;
  /** Outbound: what the simulator has told the server so far. */
  status: 'accepted' | 'delivered' | 'read' | null;
  /** Outbound: the recipient as the send API named it (a wa_id has no +). */
  to?: string;
  /** Outbound: the link to a file the business sent (our server's signed link), as the provider fetches it. */
  media?: string;
}

/** Where the simulator posts its webhooks: this process, on its own address. */
export interface SelfAddress {
  /** e.g. http://127.0.0.1:8080, what this process listens on. */
  localBase(): string;
  /** PUBLIC_URL: what Twilio signs. */
  publicBase: string;
}

/** Meta's WhatsApp envelope around one change's `value` (messages or statuses). */
const whatsappDelivery = (config: ConfigOf<'whatsapp'>, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'SIMULATED_WABA',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: {
              display_phone_number: config.displayPhoneNumber,
              phone_number_id: config.phoneNumberId,
            },
            ...value,
          },
        },
      ],
    },
  ],
});

const unixSeconds = () => String(Math.floor(Date.now() / 1000));

/** A photo the simulated customer sends: where each simulated provider lets the server fetch it. */
export interface SimulatedPhoto {
  /** WhatsApp's media id; the last part of the other providers' URLs. */
  mediaId: string;
  /** Twilio's MediaUrl, Messenger's payload URL. */
  url: string;
  contentType: string;
  sha256: string;
}

const metaMessage = (
  config: ConfigOf<'whatsapp'>,
  from: string,
  name: string,
  id: string,
  text: string,
  photo: SimulatedPhoto | undefined,
) =>
  whatsappDelivery(config, {
    contacts: [{ profile: { name }, wa_id: from }],
    messages: [
      photo
        ? {
            from,
            id,
            timestamp: unixSeconds(),
            type: 'image',
            image: {
              id: photo.mediaId,
              mime_type: photo.contentType,
              sha256: photo.sha256,
              ...(text ? { caption: text } : {}),
            },
          }
        : { from, id, timestamp: unixSeconds(), type: 'text', text: { body: text } },
    ],
  });

const whatsappStatus = (config: ConfigOf<'whatsapp'>, id: string, status: string, to: string) =>
  whatsappDelivery(config, { statuses: [{ id, status, timestamp: unixSeconds(), recipient_id: to }] });

const messengerEvent = (config: ConfigOf<'messenger'>, psid: string, event: Record<string, unknown>) => ({
  object: 'page',
  entry: [
    {
      id: config.pageId,
      time: Date.now(),
      messaging: [
        { sender: { id: psid }, recipient: { id: config.pageId }, timestamp: Date.now(), ...event },
      ],
    },
  ],
});

/**
 * Real, signed webhooks for a simulated entry point, posted to this process: what Meta and Twilio
 * would send, signed with the entry point's own secrets.
 */
export const createWebhookPoster = (self: SelfAddress) => {
  const post = async (entryId: string, config: ProviderConfig, body: unknown, path = '') => {
    if (config.channel === 'sms') {
      const form = new URLSearchParams(body as Record<string, string>);
      const url = `/webhooks/sms/${entryId}${path}`;
      const signature = twilioSignature(
        config.authToken,
        `${self.publicBase.replace(/\/+$/, '')}${url}`,
        form,
      );
      return fetch(`${self.localBase()}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: form.toString(),
      });
    }
    const raw = JSON.stringify(body);
    return fetch(`${self.localBase()}/webhooks/${config.channel}/${entryId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signMetaBody(raw, config.appSecret),
      },
      body: raw,
    });
  };

  return {
    /** The customer writes: returns the provider's id for the message. */
    customerMessage: async (
      entryId: string,
      config: ProviderConfig,
      customer: { identity: string; name: string },
      text: string,
      photo?: SimulatedPhoto,
    ) => {
      const id =
        config.channel === 'whatsapp'
          ? `wamid.SIM${randomUUID()}`
          : config.channel === 'sms'
            ? `SM${randomUUID().replace(/-/g, '')}`
            : `m_${randomUUID()}`;
      const body =
        config.channel === 'whatsapp'
          ? metaMessage(config, customer.identity.replace(/^\+/, ''), customer.name, id, text, photo)
          : config.channel === 'sms'
            ? {
                MessageSid: id,
                AccountSid: config.accountSid,
                From: customer.identity,
                To: config.phoneNumber,
                Body: text,
                NumMedia: photo ? '1' : '0',
                ...(photo ? { MediaUrl0: photo.url, MediaContentType0: photo.contentType } : {}),
                NumSegments: '1',
                SmsStatus: 'received',
                ApiVersion: '2010-04-01',
              }
            : messengerEvent(config, customer.identity, {
                message: {
                  mid: id,
                  ...(text ? { text } : {}),
                  ...(photo ? { attachments: [{ type: 'image', payload: { url: photo.url } }] } : {}),
                },
              });
      const answer = await post(entryId, config, body);
      return { id, status: answer.status };
    },
    /** A receipt for a message the agent sent. */
    status: async (
      entryId: string,
      config: ProviderConfig,
      providerId: string,
      to: string,
      status: 'delivered' | 'read',
    ) => {
      if (config.channel === 'whatsapp') {
        return post(entryId, config, whatsappStatus(config, providerId, status, to));
      }
      if (config.channel === 'sms') {
        return post(
          entryId,
          config,
          { MessageSid: providerId, MessageStatus: status, AccountSid: config.accountSid },
          '/status',
        );
      }
      const watermark = Date.now();
      return post(
        entryId,
        config,
        messengerEvent(
          config,
          to,
          status === 'read' ? { read: { watermark } } : { delivery: { mids: [providerId], watermark } },
        ),
      );
    },
  };
};

export type WebhookPoster = ReturnType<typeof createWebhookPoster>;
export type { ProviderChannel };
