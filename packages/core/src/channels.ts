import type { TChannel } from '@switchboard/contracts';

/** Compose limits of the seeds: WhatsApp 4,096 characters; SMS, live chat and Messenger 1,000. */
export const COMPOSE_LIMITS: Record<TChannel, number> = {
  whatsapp: 4096,
  sms: 1000,
  livechat: 1000,
  messenger: 1000,
};
