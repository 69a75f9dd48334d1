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

/** What a customer's file is, as the desktop shows it: a picture inline, the others as a file to open. */
export type AttachmentKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** The kinds, in one place for the schemas and the checks. */
export const ATTACHMENT_KINDS: readonly AttachmentKind[] = ['image', 'video', 'audio', 'document', 'sticker'];

/** At most this many files of one message are kept (Twilio's MMS carries up to 10). */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/**
 * A file that came with a customer's message, as the provider's webhook names it: the bytes are
 * fetched after the message is stored (the webhook answers first), by the channel's adapter.
 */
export interface InboundAttachment {
  kind: AttachmentKind;
  /** Where the provider keeps it: WhatsApp's media id, Twilio's `MediaUrl{N}`, Messenger's payload URL. */
  source: string;
  /** The MIME type the webhook gives (`image/jpeg`), or null when it gives none. */
  contentType: string | null;
  /** A document's file name as the customer sent it, or null. */
  name: string | null;
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
      /** Files the customer sent with it (a photo, a PDF, a voice note), to fetch from the provider. */
      attachments?: readonly InboundAttachment[];
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
