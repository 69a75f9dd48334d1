import { closeOfferAndRequeue } from './return-to-queue';
import { changeAgentState } from './set-agent-state';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * The offer's deadline passed: the conversation goes back keeping its place, and the agent goes to
 * the queue's no-answer state (Webex: RONA; CXone: Refused). A deadline that fires for an offer
 * already decided does nothing.
 */
export const expireOffer = async ({
  tx,
  now,
  offerId,
}: UseCaseContext & { offerId: string }): Promise<UseCaseResult<{ expired: boolean }>> => {
  const offer = await tx.offers.lock(offerId);
  if (offer?.status !== 'pending') {
    return { value: { expired: false }, events: [] };
  }
  const agent = await tx.agents.lock(offer.userId);
  const conversation = await tx.conversations.lock(offer.conversationId);
  if (!agent || !conversation) {
    return { value: { expired: false }, events: [] };
  }
  const queue = await tx.queues.get(conversation.queueId);
  const events = await changeAgentState({
    tx,
    agent,
    state: queue?.noAnswerState ?? 'rona',
    reason: null,
    now,
  });
  events.push(...(await closeOfferAndRequeue({ tx, offer, conversation, reason: 'timed_out', now })));
  return { value: { expired: true }, events };
};
