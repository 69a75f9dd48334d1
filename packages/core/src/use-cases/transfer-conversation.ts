import { type TTransferTarget, transferredLine, transferTargetId } from '@switchboard/contracts';
import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { checkQueueServes, decideTransfer, loadChange } from '../lifecycle';
import type { Agent, Narrowing, Queue } from '../model';
import { readLifecycle } from './read-lifecycle';
import { sendToAgent } from './send-to-agent';
import type { UseCaseContext, UseCaseResult } from './types';

export type TransferTarget = TTransferTarget;

/**
 * Transfer (Übergeben, Överför, Doorverbinden, Transférer, Transferir): the conversation leaves the
 * agent, who goes to wrap-up. To a queue it waits there keeping its place (its queuedAt: ahead of
 * later arrivals); to a team or a skill (CXone) it waits so in its own queue, for that team's members
 * or that skill's holders only (its narrowing); to an agent it is offered to them alone. The next agent sees every earlier
 * message, the comment and "Transferred by <agent> from <queue>", lines for agents only.
 */
export const transferConversation = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
  target,
  comment,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  agentName: string;
  target: TransferTarget;
  comment: string | null;
}): Promise<UseCaseResult<{ requestId: string }>> => {
  let toAgent: Agent | null = null;
  let toQueue: Queue | null = null;
  let narrowing: Narrowing | null = null;
  if (target.type === 'agent') {
    // Routing lock, then agent, then conversation: the order routing runs and rejects take them.
    await tx.lockRouting();
    toAgent = await tx.agents.lock(target.agentId);
    if (!toAgent || toAgent.deactivatedAt) {
      throw new AppError('USER_NOT_FOUND');
    }
  } else if (target.type === 'queue') {
    toQueue = await tx.queues.get(target.queueId);
    if (!toQueue) {
      throw new AppError('QUEUE_NOT_FOUND');
    }
  } else if (target.type === 'team') {
    if (!(await tx.teams.get(target.teamId))) {
      throw new AppError('TEAM_NOT_FOUND');
    }
    narrowing = target;
  } else {
    if (!(await tx.skills.exists(target.skill))) {
      throw new AppError('SKILL_NOT_FOUND');
    }
    narrowing = target;
  }
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  if (toQueue) {
    checkQueueServes(toQueue, conversation.channel);
  }
  const snapshot = await readLifecycle(tx, conversation);
  const { leaving, status } = decideTransfer(snapshot, {
    agentId,
    target: target.type === 'agent' ? target : { type: 'queue' },
  });
  const fromQueue = await tx.queues.get(conversation.queueId);
  const request = await tx.routingRequests.create({
    conversationId,
    kind: 'transfer',
    targetType: target.type,
    targetId: transferTargetId(target),
    requestedBy: agentId,
    requestedAt: now,
    fromQueueId: conversation.queueId,
    comment,
  });
  const queueId = toQueue?.id ?? conversation.queueId;
  await tx.participants.update(
    leaving,
    { state: 'wrapup', endedAt: now },
    { load: loadChange.participation('active', 'wrapup') },
  );
  const base = { conversationId, at: now, channel: conversation.channel, requestId: request.id };
  await tx.conversationEvents.append([
    {
      ...base,
      type: 'transferred',
      queueId,
      agentId: toAgent?.id ?? null,
      byAgentId: agentId,
      reason: comment,
    },
    { ...base, type: 'left', queueId: conversation.queueId, agentId },
  ]);
  const events: DomainEvent[] = [];
  await tx.conversations.update(conversationId, { status, queueId, requestId: request.id, narrowing });
  if (toAgent && fromQueue) {
    events.push(
      ...(await sendToAgent({
        tx,
        now,
        agent: toAgent,
        conversation,
        queue: fromQueue,
        requestId: request.id,
        kind: 'transfer',
      })),
    );
  } else {
    events.push({ type: 'conversation.queued', conversationId, queueId });
  }
  const line = { conversationId, author: 'system' as const, authorUserId: agentId, authorName: agentName };
  const lines = [
    { body: transferredLine(agentName, fromQueue?.name ?? '?'), systemEvent: 'transferred' },
    ...(comment ? [{ body: comment, systemEvent: 'transfer_comment' }] : []),
  ];
  for (const { body, systemEvent } of lines) {
    const { message } = await tx.messages.append({
      ...line,
      body,
      systemEvent,
      clientMessageId: null,
      createdAt: now,
      audience: 'agents',
    });
    events.push({ type: 'message.created', conversationId, messageId: message.id });
  }
  events.push({ type: 'conversation.updated', conversationId });
  return { value: { requestId: request.id }, events };
};
