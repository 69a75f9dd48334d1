import type { DomainEvent } from '../events';
import type { UseCaseContext, UseCaseResult } from './types';

/** A longer profile name is cut here: it is shown in a tab and a popover. */
export const CONTACT_NAME_MAX = 200;

/**
 * A contact's name as the provider's profile gives it (Messenger), stored once: a contact that has
 * a name keeps it. Its conversations and their customer's messages, which showed the channel
 * identity (a PSID) in its place, take the name, and the desktops that show them are told.
 */
export const nameContact = async ({
  tx,
  contactId,
  name,
}: UseCaseContext & { contactId: string; name: string }): Promise<UseCaseResult<{ named: boolean }>> => {
  const trimmed = name.replace(/\s+/g, ' ').trim().slice(0, CONTACT_NAME_MAX);
  if (!trimmed || trimmed.includes('\u0000')) {
    return { value: { named: false }, events: [] };
  }
  const contact = await tx.contacts.nameIfUnnamed({ id: contactId, name: trimmed });
  if (!contact) {
    return { value: { named: false }, events: [] };
  }
  const renamed = await tx.providerConversations.renameCustomer({
    contactId,
    from: contact.identity,
    to: trimmed,
  });
  const events: DomainEvent[] = [];
  for (const conversationId of renamed) {
    const offer = await tx.offers.findPending(conversationId);
    events.push({
      type: 'customer.named',
      conversationId,
      pendingOffer: offer ? { offerId: offer.id, agentId: offer.userId } : null,
    });
  }
  return { value: { named: true }, events };
};
