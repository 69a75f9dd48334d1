import { fileNameOf } from '../attachments';
import { nameOfIdentity, readsProfileName } from '../channels';
import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import { type InboundEvent, MAX_ATTACHMENTS_PER_MESSAGE } from '../inbound';
import { offerOnArrival } from './route-waiting-conversations';
import type { UseCaseContext, UseCaseResult } from './types';

type InboundMessage = Extract<InboundEvent, { kind: 'message' }>;

/**
 * A customer's message from a provider webhook, stored once per entry point and provider id
 * (deliveries come at least once). It continues the contact's open conversation on that entry
 * point, or starts a new one, queued and routed like a live chat.
 */
export const receiveProviderMessage = async ({
  tx,
  now,
  entryPointId,
  message,
}: UseCaseContext & { entryPointId: string; message: InboundMessage }): Promise<
  UseCaseResult<{ conversationId: string; messageId: string; created: boolean }>
> => {
  const { entryPoint, known, contact, open } = await tx.providerMessages.findWithSender({
    entryPointId,
    providerMessageId: message.providerMessageId,
    identity: message.identity,
    name: message.profileName,
    at: now,
  });
  if (!entryPoint || entryPoint.deletedAt || entryPoint.channel === 'livechat') {
    throw new AppError('ENTRY_POINT_NOT_FOUND');
  }
  if (known) {
    return {
      value: { conversationId: known.conversationId, messageId: known.id, created: false },
      events: [],
    };
  }
  if (!contact) {
    throw new Error('the store read no contact for a new provider message');
  }
  const customerName = contact.name ?? nameOfIdentity(entryPoint.channel, message.identity);
  const newMessage = {
    author: 'customer' as const,
    authorUserId: null,
    authorName: customerName,
    // Providers allow more than our composer (Twilio: 1,600 characters): kept as the customer wrote it.
    body: message.body,
    systemEvent: null,
    clientMessageId: null,
    createdAt: now,
    entryPointId,
    providerMessageId: message.providerMessageId,
  };
  if (open) {
    const stored = await tx.providerMessages.append({
      ...newMessage,
      conversationId: open.id,
      customerWroteAt: now,
    });
    return {
      value: { conversationId: open.id, messageId: stored.id, created: true },
      events: [
        { type: 'message.created', conversationId: open.id, messageId: stored.id },
        ...(await addAttachments({
          tx,
          now,
          entryPointId,
          message,
          conversationId: open.id,
          messageId: stored.id,
        })),
      ],
    };
  }
  const { conversation, opening } = await tx.conversations.create(
    {
      channel: entryPoint.channel,
      entryPointId,
      queueId: entryPoint.queueId,
      status: 'queued',
      customerName,
      customerEmail: null,
      arrivedAt: now,
      queuedAt: now,
      customerTokenHash: null,
      contactId: contact.id,
      lastCustomerMessageAt: now,
    },
    newMessage,
    // The history reports read (reports.ts): a WhatsApp, SMS or Messenger conversation arrives as
    // a live chat does, in the statement that makes it.
    { logArrival: true },
  );
  const events: DomainEvent[] = [];
  if (opening) {
    events.push({
      type: 'message.created',
      conversationId: conversation.id,
      messageId: opening.id,
      opening: true,
    });
  }
  if (opening) {
    events.push(
      ...(await addAttachments({
        tx,
        now,
        entryPointId,
        message,
        conversationId: conversation.id,
        messageId: opening.id,
      })),
    );
  }
  if (contact.name === null && readsProfileName(entryPoint.channel)) {
    // Read from the provider after the commit, never in this transaction: the webhook answers
    // as soon as the message is stored, and the name may never come (see name-contact.ts).
    events.push({
      type: 'contact.profile_wanted',
      contactId: contact.id,
      entryPointId,
      identity: contact.identity,
    });
  }
  const offered = await offerOnArrival({ tx, now, conversation });
  events.push(
    ...(offered ?? [
      { type: 'conversation.queued', conversationId: conversation.id, queueId: conversation.queueId },
    ]),
  );
  return { value: { conversationId: conversation.id, messageId: opening?.id ?? '', created: true }, events };
};

/**
 * The files that came with a stored message, pending: fetched from the provider after the commit
 * (`attachments.wanted`), never in this transaction, so the webhook answers as soon as the message
 * is stored. The message's placeholder text (`[image] caption`) stays what transcripts show.
 */
const addAttachments = async ({
  tx,
  now,
  entryPointId,
  message,
  conversationId,
  messageId,
}: UseCaseContext & {
  entryPointId: string;
  message: InboundMessage;
  conversationId: string;
  messageId: string;
}): Promise<DomainEvent[]> => {
  const attachments = (message.attachments ?? [])
    .slice(0, MAX_ATTACHMENTS_PER_MESSAGE)
    .map((file) => ({ ...file, name: fileNameOf(file.name) }));
  if (attachments.length === 0) {
    return [];
  }
  if (!(await tx.settings.get()).acceptCustomerFiles) {
    // Listed, so the agent knows a file was sent, but never fetched: the administrator keeps them out.
    const refused = {
      code: 'not_accepted',
      providerCode: null,
      reason: 'Files from customers are turned off',
    };
    await tx.attachments.add({
      messageId,
      conversationId,
      entryPointId,
      attachments: attachments.map((file) => ({ ...file, refused })),
      at: now,
    });
    return [];
  }
  await tx.attachments.add({ messageId, conversationId, entryPointId, attachments, at: now });
  return [{ type: 'attachments.wanted', messageId }];
};
