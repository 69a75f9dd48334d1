import { AppError } from '../errors';
import { closeOfferAndRequeue } from './return-to-queue';
import { changeAgentState } from './set-agent-state';
import type { UseCaseContext, UseCaseResult } from './types';

/** CXone: "si vous cliquez sur Rejeter, le clavardage retourne dans la file d'attente et votre état devient Refusé". */
export const rejectOffer = async ({
  tx,
  now,
  offerId,
  agentId,
}: UseCaseContext & { offerId: string; agentId: string }): Promise<UseCaseResult<null>> => {
  // Lock order everywhere: offer, agent, conversation; so two deciders never wait on each other.
  const offer = await tx.offers.lock(offerId);
  const agent = await tx.agents.lock(agentId);
  if (!agent || !offer || offer.userId !== agentId) {
    throw new AppError('OFFER_NOT_FOUND');
  }
  if (offer.status !== 'pending') {
    throw new AppError('OFFER_CLOSED');
  }
  const conversation = await tx.conversations.lock(offer.conversationId);
  if (!conversation) {
    throw new AppError('OFFER_CLOSED');
  }
  const events = await changeAgentState({ tx, agent, state: 'refused', reason: null, now });
  events.push(...(await closeOfferAndRequeue({ tx, offer, conversation, reason: 'rejected', now })));
  return { value: null, events };
};
