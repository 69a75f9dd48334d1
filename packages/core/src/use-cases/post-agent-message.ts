import { isProviderChannel, messagingWindow } from '../delivery-rules';
import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import type { StoredMessage } from '../model';
import { validateAgentMessageBody } from '../validate-message-body';
import { authorizeParticipant } from './authorize-participant';
import { checkReplayedMessage } from './replayed-message';
import type { UseCaseContext, UseCaseResult } from './types';

export const postAgentMessage = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
  body,
  clientMessageId,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  agentName: string;
  body: string;
  clientMessageId: string;
}): Promise<UseCaseResult<StoredMessage>> => {
  const { conversation, participant } = await authorizeParticipant({ tx, conversationId, agentId });
  if (participant.state !== 'active' || conversation.status === 'ended') {
    throw new AppError('CONVERSATION_ENDED');
  }
  // Seeds: once the customer has left, "the agent can no longer send, and ends with wrap-up".
  if (conversation.customerLeft) {
    throw new AppError('CUSTOMER_LEFT');
  }
  const problem = validateAgentMessageBody({ body, channel: conversation.channel });
  if (problem) {
    throw new AppError(problem);
  }
  const entryPoint = await tx.entryPoints.get(conversation.entryPointId);
  // Seeds: a deleted asset interrupts its conversations; the agent can only end them.
  if (!entryPoint || entryPoint.deletedAt) {
    throw new AppError('ENTRY_POINT_DELETED');
  }
  const provider = isProviderChannel(conversation.channel);
  if (provider) {
    const found = await tx.providerConversations.get(conversationId);
    if (
      found &&
      isProviderChannel(conversation.channel) &&
      messagingWindow({
        channel: conversation.channel,
        lastCustomerMessageAt: found.lastCustomerMessageAt,
        now,
      }).state === 'closed'
    ) {
      throw new AppError('OUTSIDE_MESSAGING_WINDOW');
    }
  }
  const { message, created } = await tx.messages.append({
    conversationId,
    author: 'agent',
    authorUserId: agentId,
    authorName: agentName,
    body,
    systemEvent: null,
    clientMessageId,
    createdAt: now,
    ...(provider ? { entryPointId: conversation.entryPointId, deliveryStatus: 'sending' as const } : {}),
  });
  if (!created) {
    return { value: checkReplayedMessage({ stored: message, body, authorUserId: agentId }), events: [] };
  }
  const events: DomainEvent[] = [{ type: 'message.created', conversationId, messageId: message.id }];
  if (provider) {
    // The outbox: the send job commits with the message, and a sender takes it from there.
    await tx.outbox.enqueue({
      messageId: message.id,
      entryPointId: conversation.entryPointId,
      conversationId,
      seq: message.seq,
      dueAt: now,
      at: now,
    });
    events.push({ type: 'send.queued', messageId: message.id, dueAt: now });
  }
  return { value: message, events };
};
