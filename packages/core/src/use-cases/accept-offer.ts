import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { decideAccept, loadChange } from '../lifecycle';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * Accept opens the conversation for the agent (seeds: "Klicken Sie in der Anfrage auf Annehmen").
 * An offer of a transfer makes them its holder; a conference invitation adds them beside the agent
 * who invited them (lifecycle.ts).
 */
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
  if (!conversation) {
    throw new AppError('OFFER_CLOSED');
  }
  const request = offer.requestId ? await tx.routingRequests.get(offer.requestId) : null;
  const kind = request?.kind ?? 'new';
  const { role, status } = decideAccept(
    {
      status: conversation.status,
      customerLeft: conversation.customerLeft,
      participants: [],
      pendingOffer: null,
    },
    { kind },
  );
  await tx.offers.close({
    id: offer.id,
    status: 'accepted',
    at: now,
    load: loadChange.offer('pending', 'accepted'),
  });
  await tx.timers.cancel({ kind: 'offer.deadline', subjectId: offer.id });
  await tx.participants.create({
    conversationId: conversation.id,
    userId: agentId,
    channel: conversation.channel,
    joinedAt: now,
    role,
    load: loadChange.participation(null, 'active'),
  });
  if (conversation.status !== status || conversation.requestId !== null || conversation.narrowing !== null) {
    await tx.conversations.update(conversation.id, { status, requestId: null, narrowing: null });
  }
  if (request) {
    await tx.routingRequests.close({ id: request.id, status: 'done', at: now });
  }
  const base = {
    conversationId: conversation.id,
    at: now,
    queueId: conversation.queueId,
    channel: conversation.channel,
  };
  await tx.conversationEvents.append([
    { ...base, type: 'accepted', agentId, requestId: offer.requestId },
    ...(kind === 'conference'
      ? [
          {
            ...base,
            type: 'joined' as const,
            agentId,
            byAgentId: request?.requestedBy ?? null,
            requestId: offer.requestId,
          },
        ]
      : []),
  ]);
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
