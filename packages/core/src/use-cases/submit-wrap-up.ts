import { AppError } from '../errors';
import { loadChange } from '../lifecycle';
import type { UseCaseContext, UseCaseResult } from './types';

/** "Submit wrap-up" closes the agent's after-contact work and frees their capacity. */
export const submitWrapUp = async ({
  tx,
  now,
  conversationId,
  agentId,
  wrapUpReasonId,
  notes,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  wrapUpReasonId: string;
  notes: string | null;
}): Promise<UseCaseResult<null>> => {
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
  await tx.participants.update(
    participant.id,
    { state: 'done', wrapUpReasonId, notes, wrappedAt: now },
    { load: loadChange.participation('wrapup', 'done') },
  );
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
      { type: 'capacity.freed', agentId },
    ],
  };
};
