import { z } from 'zod';
import { ZChannel, ZId, ZIsoDate, ZRole } from './common';
import {
  CHANNEL_LIMIT,
  OFFER_TIMEOUT_SECONDS,
  PASSWORD_MIN_LENGTH,
  PROFICIENCY,
  QUEUE_PRIORITY,
  RESPONSE_TARGET_SECONDS,
  SERVICE_LEVEL_SECONDS,
} from './constants';

/**
 * The administrator's configuration API: queues, users (agents), teams, wrap-up and idle reasons.
 * Every request object is strict, so that a misspelt field is a 400 rather than silently ignored.
 */

/** The names core registers in ROUTING_STRATEGIES; a core test keeps the two lists equal. */
export const ROUTING_STRATEGY_NAMES = ['longest-available', 'least-busy', 'round-robin'] as const;
export const ZRoutingStrategy = z.enum(ROUTING_STRATEGY_NAMES);

export {
  CHANNEL_LIMIT,
  OFFER_TIMEOUT_SECONDS,
  PASSWORD_MIN_LENGTH,
  PROFICIENCY,
  QUEUE_PRIORITY,
  RESPONSE_TARGET_SECONDS,
  SERVICE_LEVEL_SECONDS,
} from './constants';

const ZName = z.string().trim().min(1).max(100);
export const ZSkillName = z.string().trim().min(1).max(64);
const ZProficiency = z.number().int().min(PROFICIENCY.min).max(PROFICIENCY.max);

/** True when no two items share a key: skills and team ids are sets. */
const distinct = (keys: string[]) => new Set(keys).size === keys.length;

export const ZNoAnswerState = z.enum(['rona', 'refused']);
export const ZOfferTimeoutSeconds = z
  .number()
  .int()
  .min(OFFER_TIMEOUT_SECONDS.min)
  .max(OFFER_TIMEOUT_SECONDS.max);
export const ZQueuePriority = z.number().int().min(QUEUE_PRIORITY.min).max(QUEUE_PRIORITY.max);
export const ZServiceLevelSeconds = z
  .number()
  .int()
  .min(SERVICE_LEVEL_SECONDS.min)
  .max(SERVICE_LEVEL_SECONDS.max);
/** How long a customer may wait for an answer before the agent's tab turns urgent. */
export const ZResponseTargetSeconds = z
  .number()
  .int()
  .min(RESPONSE_TARGET_SECONDS.min)
  .max(RESPONSE_TARGET_SECONDS.max);

export const ZQueueSkill = z.strictObject({ skill: ZSkillName, minProficiency: ZProficiency });
export type TQueueSkill = z.infer<typeof ZQueueSkill>;

const ZQueueChannels = z.array(ZChannel).min(1).refine(distinct, 'channels must not repeat');
const ZQueueSkills = z
  .array(ZQueueSkill)
  .max(50)
  .refine((skills) => distinct(skills.map((s) => s.skill.toLowerCase())), 'skills must not repeat');

export const ZAdminQueue = z.object({
  id: ZId,
  name: z.string(),
  channels: z.array(ZChannel),
  teamId: ZId.nullable(),
  skills: z.array(ZQueueSkill),
  priority: z.number().int(),
  offerTimeoutSeconds: z.number().int(),
  noAnswerState: ZNoAnswerState,
  strategy: ZRoutingStrategy,
  serviceLevelSeconds: z.number().int(),
  responseTargetSeconds: z.number().int(),
});
export type TAdminQueue = z.infer<typeof ZAdminQueue>;

/** Omitted fields take core's defaults (every channel, no team, 45 s, RONA, longest-available). */
export const ZCreateQueueRequestSchema = z.strictObject({
  name: ZName,
  channels: ZQueueChannels.optional(),
  teamId: ZId.nullable().optional(),
  skills: ZQueueSkills.optional(),
  priority: ZQueuePriority.optional(),
  offerTimeoutSeconds: ZOfferTimeoutSeconds.optional(),
  noAnswerState: ZNoAnswerState.optional(),
  strategy: ZRoutingStrategy.optional(),
  serviceLevelSeconds: ZServiceLevelSeconds.optional(),
  responseTargetSeconds: ZResponseTargetSeconds.optional(),
});
export type TCreateQueueRequest = z.infer<typeof ZCreateQueueRequestSchema>;

export const ZUpdateQueueRequestSchema = ZCreateQueueRequestSchema.partial();
export type TUpdateQueueRequest = z.infer<typeof ZUpdateQueueRequestSchema>;

export const ZAgentSkill = z.strictObject({ skill: ZSkillName, proficiency: ZProficiency });
export type TAgentSkill = z.infer<typeof ZAgentSkill>;

const ZChannelLimit = z.number().int().min(CHANNEL_LIMIT.min).max(CHANNEL_LIMIT.max);
/** Per-channel concurrency limits; a request may name only the channels it changes. */
export const ZChannelLimitsPatch = z.strictObject({
  livechat: ZChannelLimit.optional(),
  whatsapp: ZChannelLimit.optional(),
  sms: ZChannelLimit.optional(),
  messenger: ZChannelLimit.optional(),
});
export const ZChannelLimits = z.object({
  livechat: z.number().int(),
  whatsapp: z.number().int(),
  sms: z.number().int(),
  messenger: z.number().int(),
});
export type TChannelLimits = z.infer<typeof ZChannelLimits>;

const ZAgentSkills = z
  .array(ZAgentSkill)
  .max(50)
  .refine((skills) => distinct(skills.map((s) => s.skill.toLowerCase())), 'skills must not repeat');
const ZTeamIds = z.array(ZId).max(50).refine(distinct, 'teamIds must not repeat');

/** A user as the administrator sees it: never a password hash. */
export const ZAdminUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  teamIds: z.array(ZId),
  skills: z.array(ZAgentSkill),
  limits: ZChannelLimits,
  deactivatedAt: ZIsoDate.nullable(),
  createdAt: ZIsoDate,
});
export type TAdminUser = z.infer<typeof ZAdminUser>;

const ZEmail = z.string().trim().toLowerCase().email().max(254);
const ZPassword = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const ZCreateUserRequestSchema = z.strictObject({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  /** Hashed by the server before anything else sees it. */
  password: ZPassword,
  teamIds: ZTeamIds.optional(),
  skills: ZAgentSkills.optional(),
  limits: ZChannelLimitsPatch.optional(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequestSchema>;

/** Lists replace what was there (teamIds, skills); limits change only the channels named. */
export const ZUpdateUserRequestSchema = z.strictObject({
  email: ZEmail.optional(),
  name: ZName.optional(),
  role: ZRole.optional(),
  password: ZPassword.optional(),
  teamIds: ZTeamIds.optional(),
  skills: ZAgentSkills.optional(),
  limits: ZChannelLimitsPatch.optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequestSchema>;

export const ZAdminTeam = z.object({ id: ZId, name: z.string(), memberIds: z.array(ZId) });
export type TAdminTeam = z.infer<typeof ZAdminTeam>;
export const ZCreateTeamRequestSchema = z.strictObject({ name: ZName });
export type TCreateTeamRequest = z.infer<typeof ZCreateTeamRequestSchema>;
export const ZUpdateTeamRequestSchema = ZCreateTeamRequestSchema.partial();
export type TUpdateTeamRequest = z.infer<typeof ZUpdateTeamRequestSchema>;

/** Wrap-up and idle reasons share one shape; `position` orders them in the desktop's lists. */
export const ZAdminReason = z.object({ id: ZId, name: z.string(), position: z.number().int() });
export type TAdminReason = z.infer<typeof ZAdminReason>;
export const ZCreateReasonRequestSchema = z.strictObject({
  name: ZName,
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TCreateReasonRequest = z.infer<typeof ZCreateReasonRequestSchema>;
export const ZUpdateReasonRequestSchema = ZCreateReasonRequestSchema.partial();
export type TUpdateReasonRequest = z.infer<typeof ZUpdateReasonRequestSchema>;

/**
 * A quick response (the `>>` pane): `text` may hold variables, `{{order_number}}` for the agent to
 * fill, `{{agent_name}}`, `{{agent_id}}` and `{{customer_name}}` filled by the desktop. Core checks
 * the text (QUICK_RESPONSE_INVALID, MESSAGE_RESERVED_CHARACTERS).
 */
export const ZAdminQuickResponse = z.object({
  id: ZId,
  name: z.string(),
  text: z.string(),
  position: z.number().int(),
});
export type TAdminQuickResponse = z.infer<typeof ZAdminQuickResponse>;
export const ZCreateQuickResponseRequestSchema = z.strictObject({
  name: ZName,
  text: z.string().max(4000),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TCreateQuickResponseRequest = z.infer<typeof ZCreateQuickResponseRequestSchema>;
export const ZUpdateQuickResponseRequestSchema = ZCreateQuickResponseRequestSchema.partial();
export type TUpdateQuickResponseRequest = z.infer<typeof ZUpdateQuickResponseRequestSchema>;

export const ZIdParamsSchema = z.object({ id: ZId });
