import {
  CHANNEL_LIMIT,
  CHANNELS,
  OFFER_TIMEOUT_SECONDS,
  QUEUE_PRIORITY,
  RESPONSE_TARGET_SECONDS,
  SERVICE_LEVEL_SECONDS,
  type TChannel,
} from '@switchboard/contracts';
import { AppError } from '../../errors';
import type { QueueConfig } from './admin-port';

export const ALL_CHANNELS: readonly TChannel[] = CHANNELS;

/** A new queue's defaults: CXone's 45 s offer timeout, Webex's RONA, the seeds' longest-available. */
export const QUEUE_DEFAULTS: Omit<QueueConfig, 'id' | 'name'> = {
  channels: [...ALL_CHANNELS],
  teamId: null,
  skills: [],
  priority: QUEUE_PRIORITY.default,
  offerTimeoutSeconds: OFFER_TIMEOUT_SECONDS.default,
  noAnswerState: 'rona',
  strategy: 'longest-available',
  serviceLevelSeconds: SERVICE_LEVEL_SECONDS.default,
  responseTargetSeconds: RESPONSE_TARGET_SECONDS.default,
};

/** Users' default per-channel limit, as users.chat_limit's column default. */
export const DEFAULT_CHANNEL_LIMIT: number = CHANNEL_LIMIT.default;

/** A 400 that names the field, in the shape the HTTP error handler gives schema failures. */
export const invalidField = (field: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', `Invalid request: ${field}: ${message}`, {
    issues: [{ field, message }],
  });

/** The fields whose value differs, as {from, to}: the audit entry of an update. */
export const changedFields = <T extends object>(
  before: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> => {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(patch) as (keyof T & string)[]) {
    const to = patch[key];
    if (to !== undefined && JSON.stringify(before[key]) !== JSON.stringify(to)) {
      changes[key] = { from: before[key], to };
    }
  }
  return changes;
};

/**
 * An unknown team may not be named by a queue or user; answered as a 400 on the field, since the
 * request (not the resource addressed) is what is wrong.
 */
export const checkTeamsExist = async ({
  existing,
  ids,
  field,
}: {
  existing: (ids: readonly string[]) => Promise<string[]>;
  ids: readonly string[];
  field: string;
}): Promise<void> => {
  if (ids.length === 0) {
    return;
  }
  const found = new Set(await existing(ids));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw invalidField(field, `no team has the id ${missing}`);
  }
};

/** Two resources of a kind may not share a name, compared case-insensitively by the store. */
export const checkNameFree = async ({
  findIdByName,
  name,
  exceptId,
}: {
  findIdByName: (name: string) => Promise<string | null>;
  name: string;
  exceptId?: string;
}): Promise<void> => {
  const holder = await findIdByName(name);
  if (holder && holder !== exceptId) {
    throw new AppError('NAME_TAKEN', `The name "${name}" is already taken`);
  }
};
