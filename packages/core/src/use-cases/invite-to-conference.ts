import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { checkQueueServes, decideInvite } from '../lifecycle';
import type { Agent } from '../model';
import { getRoutingStrategy } from '../routing/strategies';
import { readLifecycle } from './read-lifecycle';
import { sendToAgent } from './send-to-agent';
import type { UseCaseContext, UseCaseResult } from './types';

export type ConferenceTarget = { type: 'agent'; agentId: string } | { type: 'queue'; queueId: string };

/**
 * Conference (Konferenz, Konferens, Conferentie, Conferencia): the agent invites a colleague, who
 * gets an offer marked as a conference request from them. The conversation stays with the inviter
 * meanwhile; accepted, both take part (accept-offer.ts). The invitation counts against the
 * invited agent's limit like any offer.
 *
 * With a queue (the WhatsApp guide's "or a queue"), the queue's strategy picks the colleague now
 * among its eligible agents who are Available with room on the channel and not in the
 * conversation already; with none, 409 NO_AGENT_AVAILABLE and nothing changes. The conversation
 * is live with its agent, so it does not wait in the queue: the inviter tries again or another way.
 */
export const inviteToConference = async ({
  tx,
  now,
  conversationId,
  agentId,
  target,
}: UseCaseContext & { conversationId: string; agentId: string; target: ConferenceTarget }): Promise<
  UseCaseResult<{ requestId: string; inviteeId: string }>
> => {
  // Routing lock, then agent, then conversation: the order routing runs and rejects take them.
  await tx.lockRouting();
  const invitee =
    target.type === 'agent'
      ? await tx.agents.lock(target.agentId)
      : await pickFromQueue({ tx, conversationId, queueId: target.queueId });
  if (!invitee || invitee.deactivatedAt) {
    throw new AppError('USER_NOT_FOUND');
  }
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  decideInvite(await readLifecycle(tx, conversation), { agentId, inviteeId: invitee.id });
  const queue = await tx.queues.get(conversation.queueId);
  if (!queue) {
    throw new AppError('QUEUE_NOT_FOUND');
  }
  const request = await tx.routingRequests.create({
    conversationId,
    kind: 'conference',
    targetType: target.type,
    targetId: target.type === 'agent' ? target.agentId : target.queueId,
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
      queueId: target.type === 'queue' ? target.queueId : conversation.queueId,
      channel: conversation.channel,
      agentId: invitee.id,
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
    kind: 'conference',
  });
  events.push({ type: 'conversation.updated', conversationId });
  return { value: { requestId: request.id, inviteeId: invitee.id }, events };
};

/**
 * The colleague a conference with a queue goes to: the first by the queue's strategy among its
 * eligible agents with room on the conversation's channel, not taking part in it already; locked.
 * Read before the conversation's row lock (the lock order above); decideInvite checks again under it.
 */
const pickFromQueue = async ({
  tx,
  conversationId,
  queueId,
}: Pick<UseCaseContext, 'tx'> & { conversationId: string; queueId: string }): Promise<Agent> => {
  const queue = await tx.queues.get(queueId);
  if (!queue) {
    throw new AppError('QUEUE_NOT_FOUND');
  }
  const conversation = await tx.conversations.get(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  checkQueueServes(queue, conversation.channel);
  const present = new Set((await tx.participants.listLive(conversationId)).map((p) => p.userId));
  const strategy = getRoutingStrategy(queue.strategy);
  const candidates = await tx.agents.listCandidates({
    queue,
    channel: conversation.channel,
    ranking: strategy.ranking,
    // Enough to pass over everyone already in it (a conversation has few participants).
    limit: present.size + 1,
  });
  const chosen = strategy.choose(candidates.filter((c) => !present.has(c.agentId)));
  const agent = chosen ? await tx.agents.lock(chosen.agentId) : null;
  if (!agent) {
    throw new AppError('NO_AGENT_AVAILABLE', `No agent of ${queue.name} is Available with room for it`, {
      queue: queue.name,
    });
  }
  return agent;
};
