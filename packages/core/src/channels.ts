import type { TChannel } from '@switchboard/contracts';

/** Compose limits of the seeds: WhatsApp 4,096 characters; SMS, live chat and Messenger 1,000. */
export const COMPOSE_LIMITS: Record<TChannel, number> = {
  whatsapp: 4096,
  sms: 1000,
  livechat: 1000,
  messenger: 1000,
};

/**
 * Channels whose webhooks never carry the customer's name, but whose provider gives it on request
 * (Messenger's User Profile API): a new conversation of a contact with no name asks for it once,
 * after its commit (the `contact.profile_wanted` event). WhatsApp sends the profile name with each
 * message; SMS has none.
 */
export const readsProfileName = (channel: TChannel): boolean => channel === 'messenger';

/**
 * A customer's name when the provider gives none: their address as people write it. WhatsApp's
 * `wa_id` is an international number without its `+` (`46701112233`); with it, it reads as the
 * phone number it is, on the desk and to masking.
 */
export const nameOfIdentity = (channel: TChannel, identity: string): string =>
  channel === 'whatsapp' && /^\d+$/.test(identity) ? `+${identity}` : identity;
