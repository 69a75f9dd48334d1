import { AppError } from '../errors';
import { decideLeaveConference } from '../lifecycle';
import { leaveConversation } from './leave-conversation';
import { readLifecycle } from './read-lifecycle';
import type { UseCaseContext, UseCaseResult } from './types';

export type LeaveConferenceOptions = UseCaseContext & {
  conversationId: string;
  agentId: string;
  agentName: string;
};

/**
 * An agent leaves a conference and goes to wrap-up; the lifecycle decides, by `how`, who holds
 * the conversation after them (End conference: the added agent; Exit conference: the first).
 */
export const leaveConference = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
  how,
}: LeaveConferenceOptions & { how: 'end' | 'exit' }): Promise<UseCaseResult<null>> => {
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  const snapshot = await readLifecycle(tx, conversation);
  const decision = decideLeaveConference(snapshot, { agentId, how });
  const events = await leaveConversation({
    tx,
    now,
    conversation,
    agentId,
    agentName,
    ...decision,
    ends: false,
    pending: snapshot.pending,
  });
  return { value: null, events };
};
