import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import { type AdminUseCaseContext, REASON_SUBJECTS, type ReasonKind } from './admin-port';

/**
 * An administrator removes a reason. A wrap-up reason or a disposition earlier wrap-ups name is kept
 * (409), so that history and reports still say why; idle reasons and tags are recorded by name and
 * can always go.
 */
export const deleteReason = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  kind,
  id,
}: AdminUseCaseContext & { kind: ReasonKind; id: string }): Promise<UseCaseResult<null>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const reason = await admin.reasons.get(kind, id);
  if (!reason) {
    throw new AppError('REASON_NOT_FOUND');
  }
  const uses = await admin.reasons.countUses(kind, id);
  if (uses > 0) {
    throw new AppError('REASON_IN_USE', `The reason "${reason.name}" is named by ${uses} wrap-up(s)`, {
      wrapUps: uses,
    });
  }
  await admin.reasons.delete(kind, id);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: `${REASON_SUBJECTS[kind]}.deleted`,
    subjectType: REASON_SUBJECTS[kind],
    subjectId: id,
    details: { name: reason.name },
  });
  return { value: null, events: [{ type: 'lists.changed' }] };
};
