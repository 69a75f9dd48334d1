import type { TRole, TSettings } from '@switchboard/contracts';
import { authorizeRole } from './authorize-role';
import type { UseCaseContext, UseCaseResult } from './types';

/** An administrator changes desktop settings; each change is written to the audit log with before and after. */
export const updateSettings = async ({
  tx,
  now,
  actorId,
  actorRole,
  patch,
}: UseCaseContext & {
  actorId: string;
  actorRole: TRole;
  patch: Partial<TSettings>;
}): Promise<UseCaseResult<TSettings>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const before = await tx.settings.get();
  const after: TSettings = { ...before, ...patch };
  const changed = (Object.keys(patch) as (keyof TSettings)[]).filter((k) => before[k] !== after[k]);
  for (const key of changed) {
    await tx.settings.set({ key, value: after[key], at: now, by: actorId });
    await tx.audit.append({
      at: now,
      actorUserId: actorId,
      action: 'settings.changed',
      subjectType: 'setting',
      subjectId: key,
      details: { from: before[key], to: after[key] },
    });
  }
  return {
    value: after,
    events: changed.length > 0 ? [{ type: 'settings.changed', keys: changed }] : [],
  };
};
