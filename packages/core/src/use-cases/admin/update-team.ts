import type { TUpdateTeamRequest } from '@switchboard/contracts';
import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, TeamConfig } from './admin-port';
import { changedFields, checkNameFree } from './admin-rules';

/** An administrator renames a team. */
export const updateTeam = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
  patch,
}: AdminUseCaseContext & { id: string; patch: TUpdateTeamRequest }): Promise<UseCaseResult<TeamConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const before = await admin.teams.get(id);
  if (!before) {
    throw new AppError('TEAM_NOT_FOUND');
  }
  if (patch.name !== undefined) {
    await checkNameFree({ findIdByName: admin.teams.findIdByName, name: patch.name, exceptId: id });
  }
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) {
    return { value: before, events: [] };
  }
  const after = await admin.teams.update(id, patch);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'team.updated',
    subjectType: 'team',
    subjectId: id,
    details: changes,
  });
  return { value: after, events: [] };
};
