import { AppError } from '../errors';
import { decideLeaveConference } from '../lifecycle';
import { leaveConversation } from './leave-conversation';
import { readLifecycle } from './read-lifecycle';
import type { UseCaseContext, UseCaseResult } from './types';

/** End conference: the agent who holds the conversation leaves it to the agent they added and goes to wrap-up (product.md: "the conversation stays with the other agent"). */
export const endConference = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
}: UseCaseContext & { conversationId: string; agentId: string; agentName: string }): Promise<
  UseCaseResult<null>
> => {
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  const snapshot = await readLifecycle(tx, conversation);
  const decision = decideLeaveConference(snapshot, { agentId, how: 'end' });
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
