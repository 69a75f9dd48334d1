import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext } from './admin-port';

/**
 * An administrator removes a team; its memberships go with it. A team a queue requires is kept
 * (409): setting the queue's team to null instead would silently open it to every agent.
 */
export const deleteTeam = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
}: AdminUseCaseContext & { id: string }): Promise<UseCaseResult<null>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const team = await admin.teams.get(id);
  if (!team) {
    throw new AppError('TEAM_NOT_FOUND');
  }
  const queues = await admin.teams.countQueues(id);
  if (queues > 0) {
    throw new AppError('TEAM_IN_USE', `The team "${team.name}" is required by ${queues} queue(s)`, {
      queues,
    });
  }
  await admin.teams.delete(id);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'team.deleted',
    subjectType: 'team',
    subjectId: id,
    details: { name: team.name, memberIds: team.memberIds },
  });
  return { value: null, events: [] };
};
