import type { TUpdateReasonRequest } from '@switchboard/contracts';
import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import { type AdminUseCaseContext, REASON_SUBJECTS, type ReasonConfig, type ReasonKind } from './admin-port';
import { changedFields, checkNameFree } from './admin-rules';

/** An administrator renames or reorders a wrap-up or idle reason. */
export const updateReason = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  kind,
  id,
  patch,
}: AdminUseCaseContext & { kind: ReasonKind; id: string; patch: TUpdateReasonRequest }): Promise<
  UseCaseResult<ReasonConfig>
> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const before = await admin.reasons.get(kind, id);
  if (!before) {
    throw new AppError('REASON_NOT_FOUND');
  }
  if (patch.name !== undefined) {
    await checkNameFree({
      findIdByName: (name) => admin.reasons.findIdByName(kind, name),
      name: patch.name,
      exceptId: id,
    });
  }
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) {
    return { value: before, events: [] };
  }
  const after = await admin.reasons.update(kind, id, patch);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: `${REASON_SUBJECTS[kind]}.updated`,
    subjectType: REASON_SUBJECTS[kind],
    subjectId: id,
    details: changes,
  });
  return { value: after, events: [{ type: 'lists.changed' }] };
};
