import type { DomainEvent } from '../events';
import { loadChange } from '../lifecycle';
import type { Conversation, Offer, Participant } from '../model';
import type { Tx } from '../ports';
import { closeOfferAndRequeue } from './return-to-queue';

/**
 * Writes an agent's leaving as lifecycle.ts decided it: their participation to wrap-up, a guest
 * promoted to holder, or the conversation ended (an invitation still waiting is withdrawn then).
 * Shared by End, End conference and Exit conference.
 */
export const leaveConversation = async ({
  tx,
  now,
  conversation,
  agentId,
  agentName,
  leaving,
  promote,
  ends,
  pending,
}: {
  tx: Tx;
  now: Date;
  conversation: Conversation;
  agentId: string;
  agentName: string;
  leaving: string;
  promote: string | null;
  ends: boolean;
  /** The conversation's pending offer as read under its lock, if any. */
  pending: Offer | null;
}): Promise<DomainEvent[]> => {
  const conversationId = conversation.id;
  await tx.participants.update(
    leaving,
    { state: 'wrapup', endedAt: now },
    { load: loadChange.participation('active', 'wrapup') },
  );
  if (promote) {
    await tx.participants.update(promote, { role: 'owner' satisfies Participant['role'] }, { load: 0 });
  }
  const base = { conversationId, at: now, queueId: conversation.queueId, channel: conversation.channel };
  const events: DomainEvent[] = [];
  if (ends) {
    const offer = pending ? await tx.offers.lock(pending.id) : null;
    if (offer?.status === 'pending') {
      events.push(...(await closeOfferAndRequeue({ tx, offer, conversation, reason: 'withdrawn', now })));
    }
    await tx.conversations.update(conversationId, { status: 'ended', endedAt: now });
    await tx.conversationEvents.append([
      { ...base, type: 'left', agentId },
      { ...base, type: 'ended', agentId, reason: 'agent' },
    ]);
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
  } else {
    await tx.conversationEvents.append([{ ...base, type: 'left', agentId }]);
    if (conversation.status !== 'ended') {
      const { message } = await tx.messages.append({
        conversationId,
        author: 'system',
        authorUserId: agentId,
        authorName: agentName,
        body: `${agentName} left the chat`,
        systemEvent: 'agent_left',
        clientMessageId: null,
        createdAt: now,
      });
      events.push({ type: 'message.created', conversationId, messageId: message.id });
    }
  }
  events.push({ type: 'conversation.updated', conversationId });
  return events;
};
