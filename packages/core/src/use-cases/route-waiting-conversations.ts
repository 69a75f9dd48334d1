import type { DomainEvent } from '../events';
import { getRoutingStrategy } from '../routing/strategies';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * One routing run: waiting conversations in order (queue priority, then place in queue) are each
 * offered to one eligible agent chosen by the queue's strategy. Runs under the routing lock, and
 * the candidates are read with row locks and their current load, so that the limit check and the
 * offer are one atomic step (Rocket.Chat PR #19352: limits exceeded when they were not).
 */
export const routeWaitingConversations = async ({
  tx,
  now,
  batchSize = 50,
}: UseCaseContext & { batchSize?: number }): Promise<UseCaseResult<{ offered: number; waiting: number }>> => {
  await tx.lockRouting();
  const waiting = await tx.conversations.lockWaiting({ limit: batchSize });
  const events: DomainEvent[] = [];
  let offered = 0;
  for (const conversation of waiting) {
    const queue = await tx.queues.get(conversation.queueId);
    if (!queue) {
      continue;
    }
    const candidates = await tx.agents.lockCandidates({ queue, conversationId: conversation.id });
    const eligible = candidates.filter((c) => c.load < c.limit);
    const chosen = getRoutingStrategy(queue.strategy).choose(eligible);
    if (!chosen) {
      continue;
    }
    const offer = await tx.offers.create({
      conversationId: conversation.id,
      userId: chosen.agentId,
      offeredAt: now,
      deadlineAt: new Date(now.getTime() + queue.offerTimeoutSeconds * 1000),
    });
    await tx.conversations.update(conversation.id, { status: 'offered' });
    await tx.agents.markOffered({ id: chosen.agentId, at: now });
    await tx.timers.schedule({ kind: 'offer.deadline', subjectId: offer.id, dueAt: offer.deadlineAt });
    events.push({
      type: 'offer.created',
      offerId: offer.id,
      conversationId: conversation.id,
      agentId: chosen.agentId,
      deadlineAt: offer.deadlineAt,
    });
    offered++;
  }
  return { value: { offered, waiting: waiting.length }, events };
};
