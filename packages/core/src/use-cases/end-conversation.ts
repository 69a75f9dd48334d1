import { AppError } from '../errors';
import { decideEnd } from '../lifecycle';
import { leaveConversation } from './leave-conversation';
import { readLifecycle } from './read-lifecycle';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * The agent ends: their participation goes to wrap-up (after-contact work). When no other agent
 * remains, the conversation ends for the customer too; in a conference the other agent keeps it
 * (lifecycle.ts: End is End conference or Exit conference there).
 */
export const endConversation = async ({
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
  const decision = decideEnd(snapshot, { agentId });
  const events = await leaveConversation({
    tx,
    now,
    conversation,
    agentId,
    agentName,
    ...decision,
    pending: snapshot.pending,
  });
  return { value: null, events };
};
