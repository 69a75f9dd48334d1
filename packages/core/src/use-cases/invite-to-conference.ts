import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { decideInvite } from '../lifecycle';
import { readLifecycle } from './read-lifecycle';
import { sendToAgent } from './send-to-agent';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * Conference (Konferenz, Konferens, Conferentie, Conferencia): the agent invites a colleague, who
 * gets an offer marked as a conference request from them. The conversation stays with the inviter
 * meanwhile; accepted, both take part (accept-offer.ts). The invitation counts against the
 * invited agent's limit like any offer.
 */
export const inviteToConference = async ({
  tx,
  now,
  conversationId,
  agentId,
  inviteeId,
}: UseCaseContext & { conversationId: string; agentId: string; inviteeId: string }): Promise<
  UseCaseResult<{ requestId: string }>
> => {
  await tx.lockRouting();
  const invitee = await tx.agents.lock(inviteeId);
  if (!invitee || invitee.deactivatedAt) {
    throw new AppError('USER_NOT_FOUND');
  }
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  decideInvite(await readLifecycle(tx, conversation), { agentId, inviteeId });
  const queue = await tx.queues.get(conversation.queueId);
  if (!queue) {
    throw new AppError('QUEUE_NOT_FOUND');
  }
  const request = await tx.routingRequests.create({
    conversationId,
    kind: 'conference',
    targetType: 'agent',
    targetId: inviteeId,
    requestedBy: agentId,
    requestedAt: now,
    fromQueueId: conversation.queueId,
    comment: null,
  });
  await tx.conversationEvents.append([
    {
      conversationId,
      type: 'conference_requested',
      at: now,
      queueId: conversation.queueId,
      channel: conversation.channel,
      agentId: inviteeId,
      byAgentId: agentId,
      requestId: request.id,
    },
  ]);
  const events: DomainEvent[] = await sendToAgent({
    tx,
    now,
    agent: invitee,
    conversation,
    queue,
    requestId: request.id,
  });
  events.push({ type: 'conversation.updated', conversationId });
  return { value: { requestId: request.id }, events };
};
