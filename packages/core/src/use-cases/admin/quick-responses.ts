import type { TCreateQuickResponseRequest, TUpdateQuickResponseRequest } from '@switchboard/contracts';
import { AppError } from '../../errors';
import { validateQuickResponseText } from '../../quick-responses';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, QuickResponseConfig } from './admin-port';
import { changedFields, checkNameFree } from './admin-rules';

/** An administrator adds a quick response; without a position it goes last. */
export const createQuickResponse = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  input,
}: AdminUseCaseContext & { input: TCreateQuickResponseRequest }): Promise<
  UseCaseResult<QuickResponseConfig>
> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  validateQuickResponseText(input.text);
  await checkNameFree({ findIdByName: (name) => admin.quickResponses.findIdByName(name), name: input.name });
  const existing = await admin.quickResponses.list();
  const position = input.position ?? Math.max(-1, ...existing.map((r) => r.position)) + 1;
  const created = await admin.quickResponses.create({ name: input.name, text: input.text, position });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'quick-response.created',
    subjectType: 'quick-response',
    subjectId: created.id,
    details: { name: created.name, text: created.text, position: created.position },
  });
  return { value: created, events: [{ type: 'lists.changed' }] };
};

/** An administrator renames, rewrites or reorders a quick response. */
export const updateQuickResponse = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
  patch,
}: AdminUseCaseContext & { id: string; patch: TUpdateQuickResponseRequest }): Promise<
  UseCaseResult<QuickResponseConfig>
> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const before = await admin.quickResponses.get(id);
  if (!before) {
    throw new AppError('QUICK_RESPONSE_NOT_FOUND');
  }
  if (patch.text !== undefined) {
    validateQuickResponseText(patch.text);
  }
  if (patch.name !== undefined) {
    await checkNameFree({
      findIdByName: (name) => admin.quickResponses.findIdByName(name),
      name: patch.name,
      exceptId: id,
    });
  }
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) {
    return { value: before, events: [] };
  }
  const after = await admin.quickResponses.update(id, patch);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'quick-response.updated',
    subjectType: 'quick-response',
    subjectId: id,
    details: changes,
  });
  return { value: after, events: [{ type: 'lists.changed' }] };
};

/** An administrator removes a quick response; inserted texts are ordinary messages and stay. */
export const deleteQuickResponse = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
}: AdminUseCaseContext & { id: string }): Promise<UseCaseResult<null>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const existing = await admin.quickResponses.get(id);
  if (!existing) {
    throw new AppError('QUICK_RESPONSE_NOT_FOUND');
  }
  await admin.quickResponses.delete(id);
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'quick-response.deleted',
    subjectType: 'quick-response',
    subjectId: id,
    details: { name: existing.name },
  });
  return { value: null, events: [{ type: 'lists.changed' }] };
};
