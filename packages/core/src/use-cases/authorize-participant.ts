import { AppError } from '../errors';
import type { Conversation, Participant } from '../model';
import type { Tx } from '../ports';

/** An agent may open only a conversation they take part in (or took part in and still wrap up). */
export const authorizeParticipant = async ({
  tx,
  conversationId,
  agentId,
}: {
  tx: Tx;
  conversationId: string;
  agentId: string;
}): Promise<{ conversation: Conversation; participant: Participant }> => {
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  const participant = await tx.participants.find({ conversationId, userId: agentId });
  if (!participant || participant.state === 'done') {
    throw new AppError('NOT_A_PARTICIPANT');
  }
  return { conversation, participant };
};
