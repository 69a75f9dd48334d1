import type { TAdminQueue, TChannel, TCreateQueueRequest, TUpdateQueueRequest } from '@switchboard/contracts';
import {
  OFFER_TIMEOUT_SECONDS,
  QUEUE_PRIORITY,
  RESPONSE_TARGET_SECONDS,
  SERVICE_LEVEL_SECONDS,
} from '@switchboard/contracts/constants';
import { CHANNELS } from './user-form';

export const STRATEGIES = ['longest-available', 'least-busy', 'round-robin'] as const;
export const NO_ANSWER_STATES = ['rona', 'refused'] as const;

/** A queue as the form edits it: numbers as typed, skills as rows (an empty row is no skill). */
export interface QueueDraft {
  name: string;
  channels: TChannel[];
  /** '' for none. */
  teamId: string;
  /** Each skill's minimum proficiency as `level`. */
  skills: { skill: string; level: string }[];
  priority: string;
  offerTimeoutSeconds: string;
  noAnswerState: (typeof NO_ANSWER_STATES)[number];
  strategy: (typeof STRATEGIES)[number];
  serviceLevelSeconds: string;
  responseTargetSeconds: string;
}

/** A new queue with the server's defaults (core's QUEUE_DEFAULTS): every channel, RONA, longest-available. */
export const emptyQueueDraft = (): QueueDraft => ({
  name: '',
  channels: [...CHANNELS],
  teamId: '',
  skills: [],
  priority: String(QUEUE_PRIORITY.default),
  offerTimeoutSeconds: String(OFFER_TIMEOUT_SECONDS.default),
  noAnswerState: 'rona',
  strategy: 'longest-available',
  serviceLevelSeconds: String(SERVICE_LEVEL_SECONDS.default),
  responseTargetSeconds: String(RESPONSE_TARGET_SECONDS.default),
});

export const draftOfQueue = (queue: TAdminQueue): QueueDraft => ({
  name: queue.name,
  channels: [...queue.channels],
  teamId: queue.teamId ?? '',
  skills: queue.skills.map((s) => ({ skill: s.skill, level: String(s.minProficiency) })),
  priority: String(queue.priority),
  offerTimeoutSeconds: String(queue.offerTimeoutSeconds),
  noAnswerState: queue.noAnswerState,
  strategy: queue.strategy,
  serviceLevelSeconds: String(queue.serviceLevelSeconds),
  responseTargetSeconds: String(queue.responseTargetSeconds),
});

/** The whole queue as the server takes it; ranges are the server's to check (its refusal is shown). */
export const createQueueRequest = (draft: QueueDraft): TCreateQueueRequest => ({
  name: draft.name.trim(),
  // In the order the desk lists channels, whatever order they were ticked in.
  channels: CHANNELS.filter((channel) => draft.channels.includes(channel)),
  teamId: draft.teamId === '' ? null : draft.teamId,
  skills: draft.skills
    .filter((row) => row.skill.trim() !== '')
    .map((row) => ({ skill: row.skill.trim(), minProficiency: Number(row.level) })),
  priority: Number(draft.priority),
  offerTimeoutSeconds: Number(draft.offerTimeoutSeconds),
  noAnswerState: draft.noAnswerState,
  strategy: draft.strategy,
  serviceLevelSeconds: Number(draft.serviceLevelSeconds),
  responseTargetSeconds: Number(draft.responseTargetSeconds),
});

/** Only the fields that changed, so a save never rewrites what another administrator changed meanwhile. */
export const updateQueueRequest = (draft: QueueDraft, queue: TAdminQueue): TUpdateQueueRequest => {
  const whole = createQueueRequest(draft);
  const current = createQueueRequest(draftOfQueue(queue));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(whole) as (keyof TCreateQueueRequest)[]) {
    if (JSON.stringify(whole[key]) !== JSON.stringify(current[key])) {
      patch[key] = whole[key];
    }
  }
  return patch as TUpdateQueueRequest;
};
