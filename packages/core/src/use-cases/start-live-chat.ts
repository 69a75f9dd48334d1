import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import type { Conversation, StoredMessage } from '../model';
import { validateCustomerMessageBody } from '../validate-message-body';
import { offerOnArrival } from './route-waiting-conversations';
import type { UseCaseContext, UseCaseResult } from './types';

/** A customer opens the widget on an entry point: a conversation is queued on the entry point's queue. */
export const startLiveChat = async ({
  tx,
  now,
  entryPointKey,
  customerName,
  customerEmail,
  firstMessage,
  customerTokenHash,
}: UseCaseContext & {
  entryPointKey: string;
  customerName: string;
  customerEmail: string | null;
  firstMessage: string | null;
  customerTokenHash: string;
}): Promise<UseCaseResult<{ conversation: Conversation; messages: StoredMessage[] }>> => {
  const entryPoint = await tx.entryPoints.getByKey(entryPointKey);
  if (!entryPoint || entryPoint.deletedAt || entryPoint.channel !== 'livechat') {
    throw new AppError('ENTRY_POINT_NOT_FOUND');
  }
  if (firstMessage !== null) {
    const problem = validateCustomerMessageBody({ body: firstMessage, channel: 'livechat' });
    if (problem) {
      throw new AppError(problem);
    }
  }
  const { conversation, opening } = await tx.conversations.create(
    {
      channel: 'livechat',
      entryPointId: entryPoint.id,
      queueId: entryPoint.queueId,
      status: 'queued',
      customerName,
      customerEmail,
      arrivedAt: now,
      queuedAt: now,
      customerTokenHash,
    },
    firstMessage === null
      ? undefined
      : {
          author: 'customer',
          authorUserId: null,
          authorName: customerName,
          body: firstMessage,
          systemEvent: null,
          clientMessageId: null,
          createdAt: now,
        },
    // The history reports read (reports.ts): the arrival, in the statement that makes the conversation.
    { logArrival: true },
  );
  const events: DomainEvent[] = [];
  const messages: StoredMessage[] = [];
  if (opening) {
    messages.push(opening);
    events.push({
      type: 'message.created',
      conversationId: conversation.id,
      messageId: opening.id,
      opening: true,
    });
  }
  // Straight to a free agent when nothing waits; otherwise queued, and the arrival triggers routing.
  const offered = await offerOnArrival({ tx, now, conversation });
  if (offered) {
    events.push(...offered);
    return { value: { conversation: { ...conversation, status: 'offered' }, messages }, events };
  }
  events.push({
    type: 'conversation.queued',
    conversationId: conversation.id,
    queueId: conversation.queueId,
  });
  return { value: { conversation, messages }, events };
};
