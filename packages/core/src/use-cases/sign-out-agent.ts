import type { DomainEvent } from '../events';
import { closeOfferAndRequeue } from './return-to-queue';
import { changeAgentState } from './set-agent-state';
import type { UseCaseContext, UseCaseResult } from './types';

/** Logging out: the agent goes offline and their open offers go back to the queue at once. */
export const signOutAgent = async ({
  tx,
  now,
  agentId,
}: UseCaseContext & { agentId: string }): Promise<UseCaseResult<null>> => {
  const events: DomainEvent[] = [];
  for (const pending of await tx.offers.listPendingForAgent(agentId)) {
    const offer = await tx.offers.lock(pending.id);
    const conversation = await tx.conversations.lock(pending.conversationId);
    if (offer?.status === 'pending' && conversation) {
      events.push(...(await closeOfferAndRequeue({ tx, offer, conversation, reason: 'withdrawn', now })));
    }
  }
  const agent = await tx.agents.lock(agentId);
  if (agent) {
    events.unshift(...(await changeAgentState({ tx, agent, state: 'offline', reason: null, now })));
  }
  return { value: null, events };
};
