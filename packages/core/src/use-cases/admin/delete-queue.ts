import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext } from './admin-port';

/**
 * An administrator removes a queue nothing refers to. An entry point still pointing at it, or any
 * conversation (waiting or in history), keeps it: removing it would lose customers or reports.
 */
export const deleteQueue = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
}: AdminUseCaseContext & { id: string }): Promise<UseCaseResult<null>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const queue = await admin.queues.get(id);
  if (!queue) {
    throw new AppError('QUEUE_NOT_FOUND');
  }
  const uses = await admin.queues.countUses(id);
  if (uses.entryPoints > 0 || uses.conversations > 0) {
    const why =
      uses.entryPoints > 0
        ? `${uses.entryPoints} entry point(s) route to it; point them at another queue first`
        : uses.openConversations > 0
          ? `${uses.openConversations} conversation(s) in it are not ended`
          : 'it has conversation history, which reports keep';
    throw new AppError('QUEUE_IN_USE', `The queue "${queue.name}" is in use: ${why}`, uses);
  }
  await admin.queues.delete(id);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'queue.deleted',
    subjectType: 'queue',
    subjectId: id,
    details: { name: queue.name },
  });
  return { value: null, events: [] };
};
