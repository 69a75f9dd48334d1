import type { TUpdateQueueRequest } from '@switchboard/contracts';
import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, QueueConfig } from './admin-port';
import { changedFields, checkNameFree, checkTeamsExist } from './admin-rules';

/**
 * An administrator changes a queue: offer timeout, no-answer state, priority, strategy, service
 * level, channels, team and skills. Offers already made keep their deadline; the next offer uses
 * the new values.
 */
export const updateQueue = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
  patch,
}: AdminUseCaseContext & { id: string; patch: TUpdateQueueRequest }): Promise<UseCaseResult<QueueConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const before = await admin.queues.get(id);
  if (!before) {
    throw new AppError('QUEUE_NOT_FOUND');
  }
  if (patch.name !== undefined) {
    await checkNameFree({ findIdByName: admin.queues.findIdByName, name: patch.name, exceptId: id });
  }
  if (patch.teamId) {
    await checkTeamsExist({ existing: admin.teams.existing, ids: [patch.teamId], field: 'body.teamId' });
  }
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) {
    return { value: before, events: [] };
  }
  const after = await admin.queues.update(id, patch);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'queue.updated',
    subjectType: 'queue',
    subjectId: id,
    details: changes,
  });
  // A queue's team, skills or channels changing can match waiting conversations with free agents.
  return { value: after, events: [{ type: 'queue.changed', queueId: after.id }] };
};
