import type { DomainEvent } from '../events';
import type { Candidate } from '../model';
import { getRoutingStrategy } from '../routing/strategies';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * One routing run. Queues with waiting conversations are taken by priority (then by their oldest
 * waiting conversation), each channel on its own as limits are per channel; in each, conversations in their place order are offered one by one to an
 * eligible agent chosen by the queue's strategy, until the queue or its agents' capacity runs
 * out. A queue without a free agent does not hold up the next one.
 *
 * It runs under the routing lock, with the candidates read under row locks together with their
 * current load, so the limit check and the offer are one atomic step (Rocket.Chat PR #19352:
 * limits were exceeded when they were not). `maxOffers` bounds one transaction; the runner goes
 * again while a run used it all.
 */
export const routeWaitingConversations = async ({
  tx,
  now,
  maxOffers = 100,
}: UseCaseContext & { maxOffers?: number }): Promise<UseCaseResult<{ offered: number }>> => {
  await tx.lockRouting();
  const events: DomainEvent[] = [];
  let offered = 0;
  for (const { queue, channel } of await tx.queues.listWaitingGroups()) {
    if (offered >= maxOffers) {
      break;
    }
    const pool: Candidate[] = (await tx.agents.lockCandidates({ queue, channel })).filter(
      (c) => c.load < c.limit,
    );
    const capacity = pool.reduce((sum, c) => sum + (c.limit - c.load), 0);
    if (capacity === 0) {
      continue;
    }
    const strategy = getRoutingStrategy(queue.strategy);
    const waiting = await tx.conversations.lockWaiting({
      queueId: queue.id,
      channel,
      limit: Math.min(capacity, maxOffers - offered),
    });
    // Decide in memory, then write the group's offers, timers and marks in a few statements:
    // a decision costs no database round trip of its own.
    const present = await tx.participants.liveAgentsOf(waiting.map((c) => c.id));
    const decisions: { conversationId: string; userId: string; offeredAt: Date; deadlineAt: Date }[] = [];
    for (const conversation of waiting) {
      // An agent who still takes part in this conversation (it came back to the queue) is not offered it again.
      const taken = present.get(conversation.id);
      const chosen = strategy.choose(pool.filter((c) => c.load < c.limit && !taken?.has(c.agentId)));
      if (!chosen) {
        continue;
      }
      chosen.load++;
      chosen.lastOfferedAt = now;
      decisions.push({
        conversationId: conversation.id,
        userId: chosen.agentId,
        offeredAt: now,
        deadlineAt: new Date(now.getTime() + queue.offerTimeoutSeconds * 1000),
      });
    }
    const created = await tx.offers.createMany(decisions);
    await tx.conversations.markOffered(decisions.map((d) => d.conversationId));
    await tx.agents.markOffered({ ids: [...new Set(decisions.map((d) => d.userId))], at: now });
    await tx.timers.schedule(
      created.map((o) => ({ kind: 'offer.deadline' as const, subjectId: o.id, dueAt: o.deadlineAt })),
    );
    for (const offer of created) {
      events.push({
        type: 'offer.created',
        offerId: offer.id,
        conversationId: offer.conversationId,
        agentId: offer.userId,
        deadlineAt: offer.deadlineAt,
      });
    }
    offered += created.length;
  }
  return { value: { offered }, events };
};
