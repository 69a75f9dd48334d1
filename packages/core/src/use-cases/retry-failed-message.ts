import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { authorizeParticipant } from './authorize-participant';
import type { UseCaseContext, UseCaseResult } from './types';

/** The agent's Retry on a bubble whose send failed: the same message goes back to the outbox. */
export const retryFailedMessage = async ({
  tx,
  now,
  conversationId,
  messageId,
  agentId,
}: UseCaseContext & { conversationId: string; messageId: string; agentId: string }): Promise<
  UseCaseResult<StoredMessage>
> => {
  const { conversation, participant } = await authorizeParticipant({ tx, conversationId, agentId });
  if (participant.state !== 'active' || conversation.status === 'ended') {
    throw new AppError('CONVERSATION_ENDED');
  }
  const entryPoint = await tx.entryPoints.get(conversation.entryPointId);
  if (!entryPoint || entryPoint.deletedAt) {
    throw new AppError('ENTRY_POINT_DELETED');
  }
  const message = await tx.messages.get(messageId);
  if (!message || message.conversationId !== conversationId || message.deliveryStatus !== 'failed') {
    throw new AppError('MESSAGE_NOT_RETRYABLE');
  }
  await tx.providerMessages.setDelivery({ id: messageId, status: 'sending', error: null });
  await tx.outbox.enqueue({
    messageId,
    entryPointId: conversation.entryPointId,
    conversationId,
    seq: message.seq,
    dueAt: now,
    at: now,
  });
  return {
    value: { ...message, deliveryStatus: 'sending', deliveryError: null },
    events: [
      { type: 'message.delivery_changed', conversationId, messageId },
      { type: 'send.queued', messageId, dueAt: now },
    ],
  };
};
