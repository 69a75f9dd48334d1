import type { DeliveryError, InboundEvent, ProviderChannel } from '@switchboard/core';

/** A webhook request as it arrived: the raw bytes (signatures are over them) and its headers. */
export interface RawRequest {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** The URL as the provider called it (the public one behind a proxy): Twilio signs it. */
  publicUrl: string;
}

export interface WhatsappConfig {
  channel: 'whatsapp';
  phoneNumberId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  apiBaseUrl: string;
}

export interface SmsConfig {
  channel: 'sms';
  accountSid: string;
  authToken: string;
  /** Our number, E.164. */
  phoneNumber: string;
  messagingServiceSid: string | null;
  apiBaseUrl: string;
}

export interface MessengerConfig {
  channel: 'messenger';
  pageId: string;
  pageName: string;
  pageAccessToken: string;
  appSecret: string;
  verifyToken: string;
  apiBaseUrl: string;
}

export type ProviderConfig = WhatsappConfig | SmsConfig | MessengerConfig;
export type ConfigOf<C extends ProviderChannel> = Extract<ProviderConfig, { channel: C }>;

/** One message to put in front of the customer. */
export interface OutboundMessage {
  /** The customer's identity on the channel (wa_id, E.164 phone, PSID). */
  to: string;
  body: string;
  /** A file to send instead of text: our public, signed URL the provider fetches it from. */
  media?: { url: string; kind: 'image' | 'document'; contentType: string; name: string | null };
  /** WhatsApp outside the 24-hour window: an approved template with its parameters. */
  template?: { name: string; language: string; parameters: string[] };
  /** Messenger outside 24 h: the HUMAN_AGENT tag (up to 7 days). */
  humanAgentTag?: boolean;
  /** Twilio calls it with the message's statuses. */
  statusCallbackUrl?: string;
}

/**
 * One code set for every provider's send errors (Twenty's per-driver exception mapping): the
 * outbox retries the retryable ones and marks the message failed on the others.
 */
export type SendErrorCode =
  | 'timeout'
  | 'network'
  | 'rate_limited'
  | 'provider_unavailable'
  | 'unauthorized'
  | 'outside_window'
  | 'undeliverable'
  | 'unsubscribed'
  | 'invalid_request'
  | 'unknown';

export const RETRYABLE_SEND_ERRORS: ReadonlySet<SendErrorCode> = new Set([
  'timeout',
  'network',
  'rate_limited',
  'provider_unavailable',
]);

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; retryable: boolean; error: DeliveryError & { code: SendErrorCode } };

export interface SendInput<C extends ProviderConfig> {
  config: C;
  message: OutboundMessage;
  fetch?: typeof fetch;
  /** The whole answer must arrive within this; default 15 s (Twilio's own limit). */
  timeoutMs?: number;
}

export interface ProfileInput<C extends ProviderConfig> {
  config: C;
  /** The customer's identity on the channel (a Messenger PSID). */
  identity: string;
  fetch?: typeof fetch;
  /** The whole answer must arrive within this; default 5 s. */
  timeoutMs?: number;
}

/** The customer's profile name, or why the provider did not give it (in the send errors' code set). */
export type ProfileOutcome =
  | { ok: true; name: string }
  | { ok: false; error: DeliveryError & { code: SendErrorCode } };

/** Why a customer's file could not be fetched: the send errors' codes, and too large for us to keep. */
export type MediaErrorCode = SendErrorCode | 'too_large';

export interface MediaInput<C extends ProviderConfig> {
  config: C;
  /** The attachment's `source` as the adapter's parse gave it (a media id or the provider's URL). */
  source: string;
  /** Refused as `too_large` past this many bytes, without reading the rest. */
  maxBytes: number;
  fetch?: typeof fetch;
  /** The whole answer (every request of it) must arrive within this; default 15 s. */
  timeoutMs?: number;
}

export type MediaOutcome =
  | { ok: true; contentType: string; bytes: Buffer }
  | { ok: false; retryable: boolean; error: DeliveryError & { code: MediaErrorCode } };

/** A delivery that is not what the provider sends (not JSON, not a form, not its envelope): answer 400. */
export class MalformedDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedDeliveryError';
  }
}

/** One provider behind one small interface. */
export interface ProviderAdapter<C extends ProviderConfig> {
  readonly channel: C['channel'];
  /** Meta's `hub.challenge` handshake: the challenge to echo, or null when the token is wrong. */
  answerChallenge?(query: Record<string, unknown>, config: C): string | null;
  /** The request's signature, checked on its raw bytes in constant time. */
  verify(request: RawRequest, config: C): boolean;
  /** The delivery's events; throws MalformedDeliveryError on what the provider never sends. */
  parse(request: RawRequest, config: C): InboundEvent[];
  send(input: SendInput<C>): Promise<SendOutcome>;
  /**
   * The customer's name from the provider's profile API, for channels whose webhooks carry none
   * (Messenger's User Profile API).
   */
  readProfileName?(input: ProfileInput<C>): Promise<ProfileOutcome>;
  /** The bytes of a file a customer sent (an InboundAttachment's `source`), from the provider. */
  fetchMedia?(input: MediaInput<C>): Promise<MediaOutcome>;
}
