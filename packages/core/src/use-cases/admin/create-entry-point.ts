import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, EntryPointConfig, EntryPointWrite } from './admin-port';
import {
  checkEntryPointFields,
  checkQueueExists,
  describeEntryPoint,
  regionOfEntryPoint,
} from './entry-point-rules';

/** An administrator adds an asset: a live-chat widget, a WhatsApp number, an SMS number or a Messenger page. */
export const createEntryPoint = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  input,
}: AdminUseCaseContext & { input: EntryPointWrite }): Promise<UseCaseResult<EntryPointConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  checkEntryPointFields({
    channel: input.channel,
    settings: input.settings,
    secrets: input.sealedSecrets,
    templates: input.templates,
  });
  await checkQueueExists({ admin, queueId: input.queueId });
  const entryPoint = await admin.entryPoints.create({
    ...input,
    region: regionOfEntryPoint({ channel: input.channel, settings: input.settings, region: input.region }),
  });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'entry_point.created',
    subjectType: 'entry_point',
    subjectId: entryPoint.id,
    details: describeEntryPoint(entryPoint),
  });
  return { value: entryPoint, events: [] };
};
