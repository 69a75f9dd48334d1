import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { authorizeParticipant } from './authorize-participant';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * The agent ends: their participation goes to wrap-up (after-contact work). When no other agent
 * remains, the conversation ends for the customer too.
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
  const { conversation, participant } = await authorizeParticipant({ tx, conversationId, agentId });
  if (participant.state !== 'active') {
    throw new AppError('ALREADY_ENDED');
  }
  await tx.participants.update(participant.id, { state: 'wrapup', endedAt: now });
  const events: DomainEvent[] = [];
  const others = (await tx.participants.listLive(conversationId)).filter(
    (p) => p.id !== participant.id && p.state === 'active',
  );
  if (others.length === 0 && conversation.status !== 'ended') {
    await tx.conversations.update(conversationId, { status: 'ended', endedAt: now });
    const { message } = await tx.messages.append({
      conversationId,
      author: 'system',
      authorUserId: agentId,
      authorName: agentName,
      body: `${agentName} ended the chat`,
      systemEvent: 'conversation_ended',
      clientMessageId: null,
      createdAt: now,
    });
    events.push({ type: 'message.created', conversationId, messageId: message.id });
  }
  events.push({ type: 'conversation.updated', conversationId });
  return { value: null, events };
};
