import type { LifecycleSnapshot } from '../lifecycle';
import type { Conversation, Offer } from '../model';
import type { Tx } from '../ports';

/** What lifecycle.ts decides on, read in the caller's transaction (the conversation locked first). */
export const readLifecycle = async (
  tx: Tx,
  conversation: Conversation,
): Promise<LifecycleSnapshot & { pending: Offer | null }> => {
  const participants = await tx.participants.listLive(conversation.id);
  const pending = await tx.offers.findPending(conversation.id);
  const request = pending?.requestId ? await tx.routingRequests.get(pending.requestId) : null;
  return {
    status: conversation.status,
    customerLeft: conversation.customerLeft,
    participants,
    pendingOffer: pending ? { userId: pending.userId, kind: request?.kind ?? 'new' } : null,
    pending,
  };
};
