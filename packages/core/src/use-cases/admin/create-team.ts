import type { TCreateTeamRequest } from '@switchboard/contracts';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, TeamConfig } from './admin-port';
import { checkNameFree } from './admin-rules';

/** An administrator adds a team; members join it through the users API (teamIds). */
export const createTeam = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  input,
}: AdminUseCaseContext & { input: TCreateTeamRequest }): Promise<UseCaseResult<TeamConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  await checkNameFree({ findIdByName: admin.teams.findIdByName, name: input.name });
  const team = await admin.teams.create({ name: input.name });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'team.created',
    subjectType: 'team',
    subjectId: team.id,
    details: { name: team.name },
  });
  return { value: team, events: [] };
};
