import { AppError } from '../../errors';
import type { DomainEvent } from '../../events';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext } from './admin-port';

/**
 * An administrator deletes an asset. Seeds: its live conversations are interrupted; the desktop
 * shows an alert, sending is disabled and the agent can only end them. The row stays (marked
 * deleted), so nothing of the conversations is lost.
 */
export const deleteEntryPoint = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
}: AdminUseCaseContext & { id: string }): Promise<UseCaseResult<void>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const current = await admin.entryPoints.get(id);
  if (!current || current.deletedAt) {
    throw new AppError('ENTRY_POINT_NOT_FOUND');
  }
  await admin.entryPoints.markDeleted({ id, at: now });
  const open = await admin.entryPoints.listOpenConversationIds(id);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'entry_point.deleted',
    subjectType: 'entry_point',
    subjectId: id,
    details: { name: current.name, channel: current.channel, interruptedConversations: open.length },
  });
  const events: DomainEvent[] = open.map((conversationId) => ({
    type: 'conversation.updated',
    conversationId,
  }));
  return { value: undefined, events };
};
