import type { TCreateReasonRequest } from '@switchboard/contracts';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import { type AdminUseCaseContext, REASON_SUBJECTS, type ReasonConfig, type ReasonKind } from './admin-port';
import { checkNameFree } from './admin-rules';

/** An administrator adds a wrap-up or idle reason; without a position it goes last. */
export const createReason = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  kind,
  input,
}: AdminUseCaseContext & { kind: ReasonKind; input: TCreateReasonRequest }): Promise<
  UseCaseResult<ReasonConfig>
> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  await checkNameFree({ findIdByName: (name) => admin.reasons.findIdByName(kind, name), name: input.name });
  const existing = await admin.reasons.list(kind);
  const position = input.position ?? Math.max(-1, ...existing.map((r) => r.position)) + 1;
  const reason = await admin.reasons.create(kind, { name: input.name, position });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: `${REASON_SUBJECTS[kind]}.created`,
    subjectType: REASON_SUBJECTS[kind],
    subjectId: reason.id,
    details: { name: reason.name, position: reason.position },
  });
  return { value: reason, events: [{ type: 'lists.changed' }] };
};
