import type { DomainEvent } from '../events';
import type { Conversation, Offer } from '../model';
import type { Tx } from '../ports';

/**
 * Closes a pending offer and puts its conversation back in its queue. The conversation keeps its
 * `queuedAt`, so it keeps its place (CXone: "le clavardage retourne dans la file d'attente").
 */
export const closeOfferAndRequeue = async ({
  tx,
  offer,
  conversation,
  reason,
  now,
}: {
  tx: Tx;
  offer: Offer;
  conversation: Conversation;
  reason: 'rejected' | 'timed_out' | 'withdrawn';
  now: Date;
}): Promise<DomainEvent[]> => {
  await tx.offers.close({ id: offer.id, status: reason, at: now });
  await tx.timers.cancel({ kind: 'offer.deadline', subjectId: offer.id });
  const events: DomainEvent[] = [
    {
      type: 'offer.closed',
      offerId: offer.id,
      conversationId: offer.conversationId,
      agentId: offer.userId,
      reason,
    },
    { type: 'capacity.freed', agentId: offer.userId },
  ];
  if (conversation.status === 'offered') {
    await tx.conversations.update(conversation.id, { status: 'queued' });
    events.push({
      type: 'conversation.queued',
      conversationId: conversation.id,
      queueId: conversation.queueId,
    });
  }
  return events;
};
