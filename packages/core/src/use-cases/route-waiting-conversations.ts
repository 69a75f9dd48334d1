import type { DomainEvent } from '../events';
import { loadChange, statusWhenOffered } from '../lifecycle';
import type { Candidate, Conversation, Offer, OfferDecision, Queue, WaitingConversation } from '../model';
import { getRoutingStrategy, type RoutingStrategy } from '../routing/strategies';
import type { UseCaseContext, UseCaseResult } from './types';

/** What a routing run's offers change besides themselves (lifecycle.ts). */
const ROUTED = {
  load: loadChange.offer(null, 'pending'),
  conversationStatus: statusWhenOffered('routing'),
};

/** Candidates read first: enough for an arrival, and to tell a queue without a free agent. */
const FIRST_LOOK = 2;

/**
 * Each waiting conversation, in place order, to the candidate the strategy ranks first among those
 * under their limit who do not take part in it already. In memory: no database round trip per decision.
 *
 * `candidates` are the best by the strategy's ranking, all of them when `complete`. A choice only
 * moves the chosen agent back, so while one candidate not yet chosen (and not excluded) is left,
 * the best among them ranks before every agent not read, and the choice is the one over all agents.
 * When none is left and some were not read, the answer is null: read them all and decide again.
 */
const decide = ({
  waiting,
  candidates,
  complete,
  strategy,
  queue,
  now,
}: {
  waiting: readonly WaitingConversation[];
  candidates: readonly Candidate[];
  complete: boolean;
  strategy: RoutingStrategy;
  queue: Queue;
  now: Date;
}): OfferDecision[] | null => {
  const pool = candidates.map((c) => ({ ...c }));
  const chosenOnce = new Set<string>();
  const deadlineAt = new Date(now.getTime() + queue.offerTimeoutSeconds * 1000);
  const decisions: OfferDecision[] = [];
  for (const { conversation, presentAgentIds } of waiting) {
    const eligible = pool.filter((c) => c.load < c.limit && !presentAgentIds.includes(c.agentId));
    if (!complete && eligible.every((c) => chosenOnce.has(c.agentId))) {
      return null;
    }
    const chosen = strategy.choose(eligible);
    if (!chosen) {
      continue;
    }
    chosen.load++;
    chosen.lastOfferedAt = now;
    chosenOnce.add(chosen.agentId);
    decisions.push({
      conversationId: conversation.id,
      userId: chosen.agentId,
      channel: conversation.channel,
      offeredAt: now,
      deadlineAt,
      // A transferred conversation's offers answer its transfer; an arrival's, none (kind 'new').
      requestId: conversation.requestId,
    });
  }
  return decisions;
};

const offerCreated = (offer: Offer): DomainEvent => ({
  type: 'offer.created',
  offerId: offer.id,
  conversationId: offer.conversationId,
  agentId: offer.userId,
  deadlineAt: offer.deadlineAt,
});

/**
 * A conversation that has just arrived, offered in its own transaction when that is what a routing
 * run would do at once: nothing else waits in any queue (so no one is ahead of it, by place or by
 * priority), an agent is free for it, and no other process is routing now. The same ranking and
 * the same checked write as a run; one transaction instead of two, and no wait for the run.
 * Null when it must wait: then its arrival triggers a run, as any arrival does.
 */
export const offerOnArrival = async ({
  tx,
  now,
  conversation,
}: UseCaseContext & { conversation: Conversation }): Promise<DomainEvent[] | null> => {
  if (!(await tx.tryLockRouting())) {
    return null;
  }
  const queue = await tx.queues.getIfAloneWaiting({
    queueId: conversation.queueId,
    conversationId: conversation.id,
  });
  if (!queue) {
    return null;
  }
  const { channel } = conversation;
  const strategy = getRoutingStrategy(queue.strategy);
  const candidates = await tx.agents.listCandidates({
    queue,
    channel,
    ranking: strategy.ranking,
    limit: FIRST_LOOK,
  });
  const decisions = decide({
    waiting: [{ conversation, presentAgentIds: [] }],
    candidates,
    // One conversation, no one excluded: the best candidate read is the best of all.
    complete: true,
    strategy,
    queue,
    now,
  });
  if (!decisions || decisions.length === 0) {
    return null;
  }
  const created = await tx.offers.place(decisions, ROUTED);
  return created.length === 0 ? null : created.map(offerCreated);
};

/**
 * One routing run. Queues with waiting conversations are taken by priority (then by their oldest
 * waiting conversation), each channel on its own as limits are per channel; in each, conversations
 * in their place order are offered one by one to an eligible agent chosen by the queue's strategy,
 * until the queue or its agents' capacity runs out. A queue without a free agent does not hold up
 * the next one.
 *
 * It runs under the routing lock, so no other run adds to an agent's load meanwhile; the offers are
 * made in one statement that checks each chosen agent again under its row lock (Rocket.Chat PR
 * #19352: limits were exceeded when they were not checked atomically). Only the best candidates
 * by the strategy's ranking are read, one more than the conversations to place (see `decide`):
 * the cost of a run follows the offers it makes, not the number of agents or the backlog. `maxOffers` bounds one transaction; `again` tells the runner to go on: the bound was
 * reached, or a chosen agent had gone and their conversation waits for another.
 */
export const routeWaitingConversations = async ({
  tx,
  now,
  maxOffers = 100,
}: UseCaseContext & { maxOffers?: number }): Promise<
  UseCaseResult<{ offered: number; missed: number; again: boolean }>
> => {
  await tx.lockRouting();
  const events: DomainEvent[] = [];
  let offered = 0;
  let missed = 0;
  for (const { queue, channel, narrowing } of await tx.queues.listWaitingGroups()) {
    const room = maxOffers - offered;
    if (room <= 0) {
      break;
    }
    const strategy = getRoutingStrategy(queue.strategy);
    const { ranking } = strategy;
    const group = { queue, channel, narrowing, ranking };
    let candidates = await tx.agents.listCandidates({ ...group, limit: FIRST_LOOK });
    if (candidates.length === 0) {
      continue;
    }
    let complete = candidates.length < FIRST_LOOK;
    const capacity = candidates.reduce((n, c) => n + c.limit - c.load, 0);
    const waitingIn = { queueId: queue.id, channel, narrowing };
    let waiting = await tx.conversations.lockWaiting({
      ...waitingIn,
      limit: complete ? Math.min(room, capacity) : room,
    });
    if (
      complete &&
      waiting.length < room &&
      waiting.some((w) => w.presentAgentIds.some((id) => candidates.some((c) => c.agentId === id)))
    ) {
      // A conversation at the head that a candidate already takes part in (transferred by them,
      // in their wrap-up) does not use their capacity: read further, or a later one would wait
      // beside a free agent (found by the routing property test).
      waiting = await tx.conversations.lockWaiting({ ...waitingIn, limit: room });
    }
    if (!complete && waiting.length >= candidates.length) {
      const limit = waiting.length + 1;
      candidates = await tx.agents.listCandidates({ ...group, limit });
      complete = candidates.length < limit;
    }
    let decisions = decide({ waiting, candidates, complete, strategy, queue, now });
    if (decisions === null) {
      // Agents who already take part in these conversations filled the look-ahead: read everyone.
      candidates = await tx.agents.listCandidates({ ...group, limit: null });
      decisions = decide({ waiting, candidates, complete: true, strategy, queue, now }) ?? [];
    }
    const created = await tx.offers.place(decisions, ROUTED);
    missed += decisions.length - created.length;
    events.push(...created.map(offerCreated));
    offered += created.length;
  }
  return { value: { offered, missed, again: offered >= maxOffers || missed > 0 }, events };
};
