import type { DeliveryStatus, ProviderChannel } from './inbound';

const RANK: Record<DeliveryStatus, number> = { sending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * A message's status moves forward only: sending → sent → delivered → read, or to failed.
 * Providers deliver statuses unordered and at least once (WhatsApp may skip "delivered" when the
 * customer reads at once), so an older or repeated status changes nothing. A failure reported
 * after delivered or read is stale and ignored; a read after failed (it did arrive) is taken.
 */
export const advancesDelivery = (from: DeliveryStatus | null | undefined, to: DeliveryStatus): boolean => {
  if (from === null || from === undefined) {
    return true;
  }
  if (from === 'failed') {
    return to === 'delivered' || to === 'read';
  }
  if (to === 'failed') {
    return from === 'sending' || from === 'sent';
  }
  return RANK[to] > RANK[from];
};

const HOUR = 3_600_000;

/**
 * The customer-service windows: WhatsApp allows free text for 24 hours after the customer's last
 * message, templates after that; Messenger answers within 24 hours, and with the HUMAN_AGENT tag
 * up to 7 days. SMS has none.
 */
export type MessagingWindow =
  | { state: 'open'; closesAt: Date | null; humanAgentTag: boolean }
  | { state: 'closed'; templatesOnly: boolean };

export const messagingWindow = ({
  channel,
  lastCustomerMessageAt,
  now,
}: {
  channel: ProviderChannel;
  lastCustomerMessageAt: Date | null;
  now: Date;
}): MessagingWindow => {
  if (channel === 'sms') {
    return { state: 'open', closesAt: null, humanAgentTag: false };
  }
  const since = lastCustomerMessageAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const day = new Date(since + 24 * HOUR);
  if (now < day) {
    return { state: 'open', closesAt: day, humanAgentTag: false };
  }
  if (channel === 'messenger') {
    const week = new Date(since + 7 * 24 * HOUR);
    return now < week
      ? { state: 'open', closesAt: week, humanAgentTag: true }
      : { state: 'closed', templatesOnly: false };
  }
  return { state: 'closed', templatesOnly: true };
};

export const isProviderChannel = (channel: string): channel is ProviderChannel =>
  channel === 'whatsapp' || channel === 'sms' || channel === 'messenger';

/** Exponential backoff with jitter for a retryable send failure; `jitter` in [0, 1). */
export const SEND_MAX_ATTEMPTS = 8;
export const sendRetryDelayMs = ({ attempts, jitter }: { attempts: number; jitter: number }): number => {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + jitter / 2));
};
