import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, EntryPointConfig, MessageTemplate } from './admin-port';
import { checkEntryPointFields, checkQueueExists, describeEntryPoint } from './entry-point-rules';

/**
 * An administrator changes an asset. Settings and secrets named change; the others stay. A
 * setting given as null is removed (an optional one, such as messagingServiceSid or apiBaseUrl).
 */
export const updateEntryPoint = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  id,
  patch,
}: AdminUseCaseContext & {
  id: string;
  patch: {
    name?: string;
    queueId?: string;
    settings: Record<string, string | null>;
    sealedSecrets: Record<string, string>;
    templates?: MessageTemplate[];
  };
}): Promise<UseCaseResult<EntryPointConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  const current = await admin.entryPoints.get(id);
  if (!current || current.deletedAt) {
    throw new AppError('ENTRY_POINT_NOT_FOUND');
  }
  checkEntryPointFields({
    channel: current.channel,
    settings: patch.settings,
    secrets: patch.sealedSecrets,
    templates: patch.templates,
  });
  if (patch.queueId) {
    await checkQueueExists({ admin, queueId: patch.queueId });
  }
  const settings = Object.fromEntries(
    Object.entries({ ...current.settings, ...patch.settings }).filter(([, v]) => v !== null),
  );
  const updated = await admin.entryPoints.update(id, {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.queueId === undefined ? {} : { queueId: patch.queueId }),
    settings,
    sealedSecrets: { ...current.sealedSecrets, ...patch.sealedSecrets },
    ...(patch.templates === undefined ? {} : { templates: patch.templates }),
  });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'entry_point.updated',
    subjectType: 'entry_point',
    subjectId: id,
    details: { ...describeEntryPoint(updated), secretsChanged: Object.keys(patch.sealedSecrets).sort() },
  });
  return { value: updated, events: [] };
};
