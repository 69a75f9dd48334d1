import type { TRole } from '@switchboard/contracts';
import { AppError } from '../errors';
import { authorizeRole } from './authorize-role';
import type { UseCaseContext, UseCaseResult } from './types';

/** What is left where a customer's words, name and files were. */
export const ERASED = '[erased]';

/**
 * An administrator erases a customer's data on their request (GDPR art. 17, the right to erasure):
 * every conversation of that customer (on WhatsApp, SMS or Messenger every one from the same
 * number or account; on live chat, which knows no one across chats, this one), for good. Their
 * messages and the agents' answers (which quote them), the notes written about them (transfer
 * comments, wrap-up notes), their files and the names they gave become `[erased]`; their number or
 * account is forgotten, so a new message from it starts a new customer. What stays is what reports
 * count: when, which queue, who handled it, the wrap-up's reason and tags, and the system's lines.
 *
 * Only once every such conversation has ended (409 CONVERSATION_STILL_OPEN): a conversation an
 * agent holds is not emptied under them. The reason is written to the audit log with who erased.
 */
export const eraseCustomer = async ({
  tx,
  now,
  actorId,
  actorRole,
  conversationId,
  reason,
}: UseCaseContext & { actorId: string; actorRole: TRole; conversationId: string; reason: string }): Promise<
  UseCaseResult<{ conversations: number }>
> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const conversations = await tx.erasure.lockCustomerConversations(conversationId);
  if (conversations === null) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  if (conversations.some((c) => c.status !== 'ended')) {
    throw new AppError('CONVERSATION_STILL_OPEN');
  }
  for (const { id } of conversations) {
    await tx.erasure.eraseConversation({ id, placeholder: ERASED, at: now });
  }
  await tx.erasure.forgetContactOf(conversationId);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'customer.erased',
    subjectType: 'conversation',
    subjectId: conversationId,
    details: { conversations: conversations.length, reason },
  });
  return { value: { conversations: conversations.length }, events: [] };
};
