import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { validateCustomerMessageBody } from '../validate-message-body';
import { checkReplayedMessage } from './replayed-message';
import type { UseCaseContext, UseCaseResult } from './types';

/** A message from the customer, stored before it is acknowledged; a retried clientMessageId is stored once. */
export const postCustomerMessage = async ({
  tx,
  now,
  conversationId,
  body,
  clientMessageId,
}: UseCaseContext & {
  conversationId: string;
  body: string;
  clientMessageId: string | null;
}): Promise<UseCaseResult<StoredMessage>> => {
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  if (conversation.status === 'ended' || conversation.customerLeft) {
    throw new AppError('CONVERSATION_ENDED');
  }
  const problem = validateCustomerMessageBody({ body, channel: conversation.channel });
  if (problem) {
    throw new AppError(problem);
  }
  const { message, created } = await tx.messages.append({
    conversationId,
    author: 'customer',
    authorUserId: null,
    authorName: conversation.customerName,
    body,
    systemEvent: null,
    clientMessageId,
    createdAt: now,
  });
  if (!created) {
    return { value: checkReplayedMessage({ stored: message, body, authorUserId: null }), events: [] };
  }
  return { value: message, events: [{ type: 'message.created', conversationId, messageId: message.id }] };
};
