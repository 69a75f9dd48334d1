import type { TChannel, TMessage } from '@switchboard/contracts';

/** A message to put in front of the customer, on whatever their channel is. */
export interface Delivery {
  conversationId: string;
  message: TMessage;
}

/**
 * One adapter per channel (live chat now; WhatsApp, SMS and Messenger next), one shape of
 * conversation for all: the server hands every stored message to the conversation's adapter, and
 * the adapter decides what reaches the customer and how.
 */
export interface ChannelAdapter {
  readonly channel: TChannel;
  deliver(delivery: Delivery): Promise<void>;
}

export class UnknownChannelError extends Error {
  constructor(channel: string) {
    super(`No adapter is registered for the channel "${channel}"`);
    this.name = 'UnknownChannelError';
  }
}

export interface ChannelRegistry {
  get(channel: TChannel): ChannelAdapter;
}

export const createChannelRegistry = (adapters: readonly ChannelAdapter[]): ChannelRegistry => {
  const byChannel = new Map(adapters.map((a) => [a.channel, a]));
  return {
    get: (channel) => {
      const adapter = byChannel.get(channel);
      if (!adapter) {
        throw new UnknownChannelError(channel);
      }
      return adapter;
    },
  };
};

/**
 * WhatsApp, SMS and Messenger: a stored agent message reaches the customer through the outbox
 * (written in the message's own transaction, sent by the outbox sender), never from a push.
 */
export const createOutboxChannelAdapter = (channel: Exclude<TChannel, 'livechat'>): ChannelAdapter => ({
  channel,
  deliver: async () => {
    // Nothing here: the in-memory event bus is not durable, the outbox is.
  },
});
