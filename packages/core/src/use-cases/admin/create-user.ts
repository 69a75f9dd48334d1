import type { TCreateUserRequest } from '@switchboard/contracts';
import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, UserConfig } from './admin-port';
import { ALL_CHANNELS, checkTeamsExist, DEFAULT_CHANNEL_LIMIT } from './admin-rules';

/** An administrator adds a user (agent, supervisor or administrator). The server hashed the password. */
export const createUser = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  input,
}: AdminUseCaseContext & {
  input: Omit<TCreateUserRequest, 'password'> & { passwordHash: string };
}): Promise<UseCaseResult<UserConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  if (await admin.users.findIdByEmail(input.email)) {
    throw new AppError('EMAIL_TAKEN');
  }
  await checkTeamsExist({ existing: admin.teams.existing, ids: input.teamIds ?? [], field: 'body.teamIds' });
  // Every channel gets its own row, so that a later change of one never moves the others.
  const limits = {
    ...Object.fromEntries(ALL_CHANNELS.map((c) => [c, DEFAULT_CHANNEL_LIMIT])),
    ...input.limits,
  };
  const user = await admin.users.create({ ...input, limits });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'user.created',
    subjectType: 'user',
    subjectId: user.id,
    details: {
      email: user.email,
      name: user.name,
      role: user.role,
      teamIds: user.teamIds,
      skills: user.skills,
      limits: user.limits,
    },
  });
  return { value: user, events: [] };
};
