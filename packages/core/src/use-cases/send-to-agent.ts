import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { checkTargetAgent, loadChange, statusWhenOffered } from '../lifecycle';
import type { Agent, Conversation, Queue } from '../model';
import type { Tx } from '../ports';

/**
 * The one offer of a transfer to an agent or of a conference invitation: to that agent alone, if
 * Available and under their limit on the channel (else a 409 with the reason, and the caller's
 * transaction rolls back: nothing changes). The caller holds the routing lock, so no routing run
 * adds to the agent's load between the check and the offer.
 */
export const sendToAgent = async ({
  tx,
  now,
  agent,
  conversation,
  queue,
  requestId,
  kind,
}: {
  /** What the offer answers: a transfer (the conversation is offered already) or an invitation. */
  kind: 'transfer' | 'conference';
  tx: Tx;
  now: Date;
  agent: Agent;
  conversation: Conversation;
  queue: Queue;
  requestId: string;
}): Promise<DomainEvent[]> => {
  checkTargetAgent({
    agent,
    ...(await tx.agents.loadOn({ agentId: agent.id, channel: conversation.channel })),
  });
  const [offer] = await tx.offers.place(
    [
      {
        conversationId: conversation.id,
        userId: agent.id,
        channel: conversation.channel,
        offeredAt: now,
        deadlineAt: new Date(now.getTime() + queue.offerTimeoutSeconds * 1000),
        requestId,
      },
    ],
    { load: loadChange.offer(null, 'pending'), conversationStatus: statusWhenOffered(kind) },
  );
  if (!offer) {
    throw new AppError('AGENT_NOT_AVAILABLE');
  }
  return [
    {
      type: 'offer.created',
      offerId: offer.id,
      conversationId: conversation.id,
      agentId: agent.id,
      deadlineAt: offer.deadlineAt,
    },
  ];
};
