import type { DomainEvent } from '../events';
import { decideOfferFailed, loadChange } from '../lifecycle';
import type { Conversation, Offer } from '../model';
import type { Tx } from '../ports';

/**
 * Closes a pending offer that was not accepted. A new or transferred conversation goes back to its
 * queue keeping its `queuedAt`, so it keeps its place (CXone: "le clavardage retourne dans la file
 * d'attente"); a conference invitation leaves the conversation with its agent. A transfer to an
 * agent, or an invitation, fails with its offer and its requester is told (lifecycle.ts).
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
  await tx.offers.close({ id: offer.id, status: reason, at: now, load: loadChange.offer('pending', reason) });
  await tx.timers.cancel({ kind: 'offer.deadline', subjectId: offer.id });
  const request = offer.requestId ? await tx.routingRequests.get(offer.requestId) : null;
  const decision = decideOfferFailed(conversation, request ?? { kind: 'new', targetType: 'queue' });
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
  const base = {
    conversationId: conversation.id,
    at: now,
    queueId: conversation.queueId,
    channel: conversation.channel,
  };
  await tx.conversationEvents.append([
    { ...base, type: reason, agentId: offer.userId, requestId: offer.requestId, reason },
  ]);
  if (request && decision.requestFailed) {
    await tx.routingRequests.close({ id: request.id, status: 'failed', at: now });
    if (request.kind !== 'new' && request.requestedBy) {
      events.push({
        type: 'request.failed',
        requestId: request.id,
        conversationId: conversation.id,
        kind: request.kind,
        requestedBy: request.requestedBy,
        agentId: offer.userId,
        reason,
      });
    }
  }
  if (decision.requeue) {
    await tx.conversations.update(conversation.id, {
      status: 'queued',
      ...(decision.requestFailed ? { requestId: null } : {}),
    });
    events.push({
      type: 'conversation.queued',
      conversationId: conversation.id,
      queueId: conversation.queueId,
    });
  }
  if (decision.requestFailed) {
    events.push({ type: 'conversation.updated', conversationId: conversation.id });
  }
  return events;
};
