import { AppError } from '../../errors';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, EntryPointConfig, MessageTemplate } from './admin-port';
import {
  checkEntryPointFields,
  checkQueueExists,
  describeEntryPoint,
  regionOfEntryPoint,
} from './entry-point-rules';

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
    /** A code sets it; null reads it from the asset's number again; absent keeps it (below). */
    region?: string | null;
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
  // A region read from the asset's number follows a change of that number; one the administrator
  // set stays until they change it.
  const derivedBefore = regionOfEntryPoint({
    channel: current.channel,
    settings: current.settings,
    region: null,
  });
  const region =
    patch.region !== undefined
      ? regionOfEntryPoint({ channel: current.channel, settings, region: patch.region })
      : current.region === derivedBefore
        ? regionOfEntryPoint({ channel: current.channel, settings, region: null })
        : current.region;
  const updated = await admin.entryPoints.update(id, {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.queueId === undefined ? {} : { queueId: patch.queueId }),
    settings,
    sealedSecrets: { ...current.sealedSecrets, ...patch.sealedSecrets },
    ...(patch.templates === undefined ? {} : { templates: patch.templates }),
    region,
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
