import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import type { UseCaseContext, UseCaseResult } from './types';

/** Accept opens the conversation for the agent (seeds: "Klicken Sie in der Anfrage auf Annehmen"). */
export const acceptOffer = async ({
  tx,
  now,
  offerId,
  agentId,
  agentName,
}: UseCaseContext & { offerId: string; agentId: string; agentName: string }): Promise<
  UseCaseResult<{ conversationId: string }>
> => {
  const offer = await tx.offers.lock(offerId);
  if (!offer || offer.userId !== agentId) {
    throw new AppError('OFFER_NOT_FOUND');
  }
  if (offer.status !== 'pending') {
    throw new AppError('OFFER_CLOSED');
  }
  const conversation = await tx.conversations.lock(offer.conversationId);
  if (conversation?.status !== 'offered') {
    throw new AppError('OFFER_CLOSED');
  }
  await tx.offers.close({ id: offer.id, status: 'accepted', at: now });
  await tx.timers.cancel({ kind: 'offer.deadline', subjectId: offer.id });
  await tx.participants.create({
    conversationId: conversation.id,
    userId: agentId,
    channel: conversation.channel,
    joinedAt: now,
  });
  await tx.conversations.update(conversation.id, { status: 'active' });
  const { message } = await tx.messages.append({
    conversationId: conversation.id,
    author: 'system',
    authorUserId: agentId,
    authorName: agentName,
    body: `${agentName} joined the chat`,
    systemEvent: 'agent_joined',
    clientMessageId: null,
    createdAt: now,
  });
  const events: DomainEvent[] = [
    { type: 'offer.closed', offerId, conversationId: conversation.id, agentId, reason: 'accepted' },
    { type: 'conversation.updated', conversationId: conversation.id },
    { type: 'message.created', conversationId: conversation.id, messageId: message.id },
  ];
  return { value: { conversationId: conversation.id }, events };
};
