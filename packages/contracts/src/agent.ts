import { z } from 'zod';
import { ZMe } from './auth';
import { ZAgentState, ZId } from './common';
import { ZConversationSummary, ZOffer } from './conversation';

export const ZReason = z.object({ id: ZId, name: z.string() });
export type TReason = z.infer<typeof ZReason>;

/** A quick response as the desktop's `>>` pane lists it (core's quick-responses.ts fills its variables). */
export const ZQuickResponse = z.object({ id: ZId, name: z.string(), text: z.string() });
export type TQuickResponse = z.infer<typeof ZQuickResponse>;

export const ZSetStateRequestSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('available') }),
  z.object({ state: z.literal('idle'), idleReasonId: ZId }),
]);
export type TSetStateRequest = z.infer<typeof ZSetStateRequestSchema>;

export const ZAgentStateSnapshot = z.object({
  state: ZAgentState,
  stateReason: z.string().nullable(),
  stateSince: z.string(),
});
export type TAgentStateSnapshot = z.infer<typeof ZAgentStateSnapshot>;

/** Everything the desktop needs on load and after a reconnect. */
/** The administrator's lists an agent works with; pushed again on `lists.changed`. */
export const ZDeskLists = z.object({
  idleReasons: z.array(ZReason),
  wrapUpReasons: z.array(ZReason),
  /** CXone's dispositions and tags for the wrap-up; empty lists where the administrator made none. */
  dispositions: z.array(ZReason),
  tags: z.array(ZReason),
  quickResponses: z.array(ZQuickResponse),
});
export type TDeskLists = z.infer<typeof ZDeskLists>;

export const ZBootstrapResponseSchema = ZDeskLists.extend({
  user: ZMe,
  offers: z.array(ZOffer),
  conversations: z.array(ZConversationSummary),
});
export type TBootstrapResponse = z.infer<typeof ZBootstrapResponseSchema>;

export const ZOfferParamsSchema = z.object({ id: ZId });

export const WRAP_UP_MAX_TAGS = 20;

/**
 * Submit wrap-up: the reason (every guide); CXone's optional disposition and tags; and, as the
 * Webex WhatsApp guide offers, the state the agent takes next (without it the state stays).
 */
export const ZWrapUpRequestSchema = z.object({
  wrapUpReasonId: ZId,
  dispositionId: ZId.optional(),
  tagIds: z.array(ZId).max(WRAP_UP_MAX_TAGS).optional(),
  notes: z.string().max(2000).optional(),
  nextState: ZSetStateRequestSchema.optional(),
});
export type TWrapUpRequest = z.infer<typeof ZWrapUpRequestSchema>;
