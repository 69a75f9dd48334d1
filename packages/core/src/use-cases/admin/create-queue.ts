import type { TCreateQueueRequest } from '@switchboard/contracts';
import { authorizeRole } from '../authorize-role';
import type { UseCaseResult } from '../types';
import type { AdminUseCaseContext, QueueConfig } from './admin-port';
import { checkNameFree, checkTeamsExist, QUEUE_DEFAULTS } from './admin-rules';

/** An administrator adds a queue; what the request leaves out takes the defaults. */
export const createQueue = async ({
  tx,
  admin,
  now,
  actorId,
  actorRole,
  input,
}: AdminUseCaseContext & { input: TCreateQueueRequest }): Promise<UseCaseResult<QueueConfig>> => {
  authorizeRole({ role: actorRole, allowed: ['admin'] });
  await checkNameFree({ findIdByName: admin.queues.findIdByName, name: input.name });
  const teamId = input.teamId ?? null;
  await checkTeamsExist({
    existing: admin.teams.existing,
    ids: teamId ? [teamId] : [],
    field: 'body.teamId',
  });
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const queue = await admin.queues.create({ ...QUEUE_DEFAULTS, ...defined, name: input.name });
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'queue.created',
    subjectType: 'queue',
    subjectId: queue.id,
    details: { ...queue },
  });
  return { value: queue, events: [] };
};
