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
  const pending = await tx.offers.findPending(conversationId);
  let offer = pending ? await tx.offers.lock(pending.id) : null;
  const conversation = await tx.conversations.lock(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  // An offer made while we waited for the conversation's lock (a transfer to an agent, a routing
  // run) is withdrawn too: never an offer left for a chat the customer has left. Locked after the
  // conversation, against the usual order: an accept holding it deadlocks with us at worst, and
  // PostgreSQL aborts one of the two, which the runner retries.
  const latest = await tx.offers.findPending(conversationId);
  if (latest && latest.id !== offer?.id) {
    offer = await tx.offers.lock(latest.id);
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
