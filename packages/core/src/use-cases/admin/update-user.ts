import type { TUpdateUserRequest } from '@switchboard/contracts';
import { AppError } from '../../errors';
import type { DomainEvent } from '../../events';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, UserConfig } from './admin-port';
import { changedFields, checkTeamsExist } from './admin-rules';

/**
 * An administrator changes a user: name, e-mail, role, password, teams, skills, per-channel limits.
 * A role change applies to open sessions at once (the session reads the role from the user).
 */
export const updateUser = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
  patch,
}: AdminUseCaseContext & {
  id: string;
  patch: Omit<TUpdateUserRequest, 'password'> & { passwordHash?: string };
}): Promise<UseCaseResult<UserConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const before = await admin.users.get(id);
  if (!before) {
    throw new AppError('USER_NOT_FOUND');
  }
  if (id === actorId && patch.role !== undefined && patch.role !== 'admin') {
    throw new AppError('SELF_LOCKOUT');
  }
  if (patch.email !== undefined) {
    const holder = await admin.users.findIdByEmail(patch.email);
    if (holder && holder !== id) {
      throw new AppError('EMAIL_TAKEN');
    }
  }
  if (patch.teamIds) {
    await checkTeamsExist({ existing: admin.teams.existing, ids: patch.teamIds, field: 'body.teamIds' });
  }
  const { passwordHash, limits, ...rest } = patch;
  const changes: Record<string, unknown> = changedFields(before, rest);
  const limitChanges = limits ? changedFields(before.limits, limits) : {};
  if (Object.keys(limitChanges).length > 0) {
    changes.limits = limitChanges;
  }
  if (passwordHash !== undefined) {
    // Never the hash itself: only that it changed.
    changes.password = 'changed';
  }
  if (Object.keys(changes).length === 0) {
    return { value: before, events: [] };
  }
  const after = await admin.users.update(id, patch);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'user.updated',
    subjectType: 'user',
    subjectId: id,
    details: changes,
  });
  // A raised limit or a new team or skill may make the agent eligible for what is waiting.
  const events: DomainEvent[] =
    changes.limits || changes.teamIds || changes.skills ? [{ type: 'capacity.freed', agentId: id }] : [];
  return { value: after, events };
};
