import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * The live-chat customer has seen the conversation up to message `upToSeq`: the widget says so
 * while its chat is open on a page in view. The agent's messages up to there (those the customer
 * can see: not a transfer's note for agents) are marked read, as a provider's read receipt marks
 * them on WhatsApp or Messenger, and each agent taking part sees it under the bubble.
 *
 * Read only moves forward and only once: a repeated or older report changes nothing. Provider
 * channels have their own receipts (applyDeliveryStatus), so this is for live chat alone.
 */
export const customerReadMessages = async ({
  tx,
  conversationId,
  upToSeq,
}: UseCaseContext & { conversationId: string; upToSeq: number }): Promise<
  UseCaseResult<{ read: number }>
> => {
  const conversation = await tx.conversations.get(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  if (conversation.channel !== 'livechat') {
    return { value: { read: 0 }, events: [] };
  }
  const ids = await tx.messages.markReadByCustomer({ conversationId, upToSeq });
  const events: DomainEvent[] = ids.map((messageId) => ({
    type: 'message.delivery_changed',
    conversationId,
    messageId,
  }));
  return { value: { read: ids.length }, events };
};
