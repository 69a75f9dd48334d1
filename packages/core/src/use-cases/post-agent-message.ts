import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { validateAgentMessageBody } from '../validate-message-body';
import { authorizeParticipant } from './authorize-participant';
import { checkReplayedMessage } from './replayed-message';
import type { UseCaseContext, UseCaseResult } from './types';

export const postAgentMessage = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
  body,
  clientMessageId,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  agentName: string;
  body: string;
  clientMessageId: string;
}): Promise<UseCaseResult<StoredMessage>> => {
  const { conversation, participant } = await authorizeParticipant({ tx, conversationId, agentId });
  if (participant.state !== 'active' || conversation.status === 'ended') {
    throw new AppError('CONVERSATION_ENDED');
  }
  // Seeds: once the customer has left, "the agent can no longer send, and ends with wrap-up".
  if (conversation.customerLeft) {
    throw new AppError('CUSTOMER_LEFT');
  }
  const problem = validateAgentMessageBody({ body, channel: conversation.channel });
  if (problem) {
    throw new AppError(problem);
  }
  const { message, created } = await tx.messages.append({
    conversationId,
    author: 'agent',
    authorUserId: agentId,
    authorName: agentName,
    body,
    systemEvent: null,
    clientMessageId,
    createdAt: now,
  });
  if (!created) {
    return { value: checkReplayedMessage({ stored: message, body, authorUserId: agentId }), events: [] };
  }
  return { value: message, events: [{ type: 'message.created', conversationId, messageId: message.id }] };
};
