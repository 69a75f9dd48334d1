import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { closeOfferAndRequeue } from './return-to-queue';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * The customer ends the chat from the widget (Webex live chat: "Klant heeft het gesprek
 * beëindigd"). A waiting conversation ends at once (an open offer is withdrawn); an active one
 * stays with its agents, who see "Customer has left the chat" and can only end and wrap up.
 */
export const customerEndChat = async ({
  tx,
  now,
  conversationId,
}: UseCaseContext & { conversationId: string }): Promise<UseCaseResult<null>> => {
  // Every offer is made under the routing lock (a routing run, a transfer to an agent, an
  // invitation), so holding it no offer can appear for this conversation while we decide: then the
  // usual order, offer before conversation, and never an offer left for a chat the customer left.
  await tx.lockRouting();
  const pending = await tx.offers.findPending(conversationId);
  const offer = pending ? await tx.offers.lock(pending.id) : null;
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  if (conversation.status === 'ended' || conversation.customerLeft) {
    return { value: null, events: [] };
  }
  const events: DomainEvent[] = [];
  if (offer && offer.status === 'pending') {
    events.push(...(await closeOfferAndRequeue({ tx, offer, conversation, reason: 'withdrawn', now })));
    // closeOfferAndRequeue queued it again; the customer is gone, so it ends instead.
    const requeued = events.findIndex((e) => e.type === 'conversation.queued');
    if (requeued >= 0) {
      events.splice(requeued, 1);
    }
  }
  const active = conversation.status === 'active';
  await tx.conversations.update(conversationId, {
    customerLeft: true,
    ...(active ? {} : { status: 'ended' as const, endedAt: now }),
  });
  const base = { conversationId, at: now, queueId: conversation.queueId, channel: conversation.channel };
  await tx.conversationEvents.append([
    { ...base, type: 'customer_left' },
    ...(active ? [] : [{ ...base, type: 'ended' as const, reason: 'customer' }]),
  ]);
  const { message } = await tx.messages.append({
    conversationId,
    author: 'system',
    authorUserId: null,
    authorName: conversation.customerName,
    body: 'Customer has left the chat',
    systemEvent: 'customer_left',
    clientMessageId: null,
    createdAt: now,
  });
  events.push(
    { type: 'message.created', conversationId, messageId: message.id },
    { type: 'conversation.updated', conversationId },
  );
  return { value: null, events };
};
