import type { Offer } from '../model';
import { closeOfferAndRequeue } from './return-to-queue';
import { changeAgentState } from './set-agent-state';
import type { UseCaseContext, UseCaseResult } from './types';

/** The state log's reason when an agent is taken offline because their desktop went away. */
export const DISCONNECTED_REASON = 'disconnected';

/**
 * The agent's desktop is gone (browser closed, network lost) and did not come back within the
 * grace period; the caller has checked that no socket of theirs is connected anywhere. Like Webex
 * and CXone, the agent leaves routing: they go offline (reason `disconnected`) and their pending
 * offers are withdrawn, each conversation going back to its queue keeping its place, so customers
 * do not wait on an offer nobody sees until it times out into RONA.
 *
 * What they already hold (active conversations, wrap-up) stays theirs: reconnecting, often a
 * moment later, they find it where they left it, and the customer is not handed to a stranger
 * mid-conversation. A supervisor sees them offline with those conversations on the board.
 *
 * An agent already offline (logged out, or taken offline before) is left alone: nothing is logged.
 */
export const disconnectAgent = async ({
  tx,
  now,
  agentId,
}: UseCaseContext & { agentId: string }): Promise<UseCaseResult<{ disconnected: boolean }>> => {
  // Lock order everywhere: offer, agent, conversation; so two deciders never wait on each other.
  const offers: Offer[] = [];
  for (const pending of await tx.offers.listPendingForAgent(agentId)) {
    const offer = await tx.offers.lock(pending.id);
    if (offer?.status === 'pending' && offer.userId === agentId) {
      offers.push(offer);
    }
  }
  const agent = await tx.agents.lock(agentId);
  if (!agent || agent.state === 'offline') {
    return { value: { disconnected: false }, events: [] };
  }
  const events = await changeAgentState({
    tx,
    agent,
    state: 'offline',
    reason: DISCONNECTED_REASON,
    now,
  });
  for (const offer of offers) {
    const conversation = await tx.conversations.lock(offer.conversationId);
    if (conversation) {
      events.push(...(await closeOfferAndRequeue({ tx, offer, conversation, reason: 'withdrawn', now })));
    }
  }
  return { value: { disconnected: true }, events };
};
