import { AppError } from '../../errors';
import type { DomainEvent } from '../../events';
import { authorizeRole } from '../authorize-role';
import { signOutAgent } from '../sign-out-agent';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext } from './admin-port';

/**
 * DELETE on a user: they can no longer log in, every session ends (and its sockets close), open
 * offers go back to their queues, and the user goes offline. The row stays, so that history
 * (messages, wrap-ups, the audit log) keeps its author.
 */
export const deactivateUser = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
}: AdminUseCaseContext & { id: string }): Promise<UseCaseResult<null>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  if (id === actorId) {
    throw new AppError('SELF_LOCKOUT');
  }
  const user = await admin.users.get(id);
  if (!user) {
    throw new AppError('USER_NOT_FOUND');
  }
  if (user.deactivatedAt) {
    return { value: null, events: [] };
  }
  await admin.users.deactivate({ id, at: now });
  const sessionIds = await admin.users.revokeSessions(id);
  const signedOut = await signOutAgent({ tx, now, agentId: id });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'user.deactivated',
    subjectType: 'user',
    subjectId: id,
    details: { email: user.email, sessionsEnded: sessionIds.length },
  });
  const events: DomainEvent[] = [
    ...sessionIds.map((sessionId): DomainEvent => ({ type: 'session.ended', sessionId })),
    ...signedOut.events,
  ];
  return { value: null, events };
};
