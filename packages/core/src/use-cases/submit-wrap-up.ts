import type { TSetStateRequest } from '@switchboard/contracts';
import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { loadChange } from '../lifecycle';
import { changeAgentState } from './set-agent-state';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * "Submit wrap-up" closes the agent's after-contact work and frees their capacity. With it go the
 * wrap-up reason, CXone's optional disposition and tags (each one of the administrator's), notes,
 * and optionally the state the agent takes next (Webex WhatsApp guide: the availability state
 * chosen in the wrap-up dialog), in the same transaction, so routing sees the agent's new state and
 * free capacity at once.
 */
export const submitWrapUp = async ({
  tx,
  now,
  conversationId,
  agentId,
  wrapUpReasonId,
  dispositionId = null,
  tagIds = [],
  notes,
  nextState = null,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  wrapUpReasonId: string;
  dispositionId?: string | null;
  tagIds?: readonly string[];
  notes: string | null;
  nextState?: TSetStateRequest | null;
}): Promise<UseCaseResult<null>> => {
  // The agent before the conversation, as expiring and rejecting an offer lock them.
  const agent = nextState === null ? null : await tx.agents.lock(agentId);
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  const participant = await tx.participants.find({ conversationId, userId: agentId });
  if (!participant || participant.state === 'done') {
    throw new AppError(participant ? 'NOT_IN_WRAP_UP' : 'NOT_A_PARTICIPANT');
  }
  if (participant.state !== 'wrapup') {
    throw new AppError('NOT_IN_WRAP_UP', 'End the conversation before the wrap-up');
  }
  const reason = await tx.reasons.getWrapUpReason(wrapUpReasonId);
  if (!reason) {
    throw new AppError('REASON_NOT_FOUND', 'Choose one of the wrap-up reasons');
  }
  const disposition = dispositionId === null ? null : await tx.reasons.getDisposition(dispositionId);
  if (dispositionId !== null && !disposition) {
    throw new AppError('REASON_NOT_FOUND', 'Choose one of the dispositions, or none');
  }
  const wanted = [...new Set(tagIds)];
  const tags = await tx.reasons.getTags(wanted);
  if (tags.length !== wanted.length) {
    throw new AppError('REASON_NOT_FOUND', 'Choose tags from the list');
  }
  let idleReason: string | null = null;
  if (nextState?.state === 'idle') {
    const idle = await tx.reasons.getIdleReason(nextState.idleReasonId);
    if (!idle) {
      throw new AppError('REASON_NOT_FOUND', 'Choose one of the idle reasons');
    }
    idleReason = idle.name;
  }
  await tx.participants.update(
    participant.id,
    {
      state: 'done',
      wrapUpReasonId,
      dispositionId: disposition?.id ?? null,
      tags: tags.map((tag) => tag.name),
      notes,
      wrappedAt: now,
    },
    { load: loadChange.participation('wrapup', 'done') },
  );
  const stateEvents: DomainEvent[] = [];
  if (nextState !== null && agent) {
    stateEvents.push(
      ...(await changeAgentState({ tx, agent, state: nextState.state, reason: idleReason, now })),
    );
  }
  await tx.conversationEvents.append([
    {
      conversationId,
      type: 'wrapped_up',
      at: now,
      queueId: conversation.queueId,
      channel: conversation.channel,
      agentId,
      reason: reason.name,
    },
  ]);
  return {
    value: null,
    events: [
      { type: 'conversation.updated', conversationId },
      ...stateEvents,
      { type: 'capacity.freed', agentId },
    ],
  };
};
