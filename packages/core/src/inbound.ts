/**
 * What a provider's webhook delivery means to core, whatever the provider: the channel adapters
 * (packages/channels) parse their wire formats into these, and core's use cases act on them.
 */

/** A provider channel: one whose customers write through a provider's webhooks. */
export type ProviderChannel = 'whatsapp' | 'sms' | 'messenger';

/** How far a message sent to the customer has gone; it only moves forward (or to failed). */
export type DeliveryStatus = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** A provider's error on a send or in a status, in one code set for every provider. */
export interface DeliveryError {
  /** One of SendErrorCode. */
  code: string;
  /** The provider's own code, e.g. WhatsApp 131047, Twilio 21610. */
  providerCode: string | null;
  /** A sentence an agent can read. */
  reason: string;
}

export type InboundEvent =
  | {
      kind: 'message';
      /** Unique per entry point: WhatsApp `wamid`, Twilio `MessageSid`, Messenger `mid`. */
      providerMessageId: string;
      /** The customer's identity on the channel: WhatsApp `wa_id`, an E.164 phone, a Messenger PSID. */
      identity: string;
      /** The profile name when the provider gives one (WhatsApp `contacts[].profile.name`). */
      profileName: string | null;
      body: string;
      at: Date;
    }
  | {
      kind: 'status';
      providerMessageId: string;
      status: Exclude<DeliveryStatus, 'sending'>;
      at: Date;
      error: DeliveryError | null;
    }
  | {
      /**
       * Messenger's `delivery` and `read` watermarks: every message sent to this customer up to
       * `upTo` has reached that status.
       */
      kind: 'watermark';
      identity: string;
      status: 'delivered' | 'read';
      upTo: Date;
    }
  | { kind: 'ignored'; what: string };
