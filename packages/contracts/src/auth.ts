import { z } from 'zod';
import { ZAgentState, ZId, ZRole } from './common';

export const ZLoginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequestSchema>;

export const ZMe = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  state: ZAgentState,
  stateReason: z.string().nullable(),
  stateSince: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

/** The CSRF token must be echoed in the `x-csrf-token` header of every cookie-authenticated write. */
export const ZSessionResponseSchema = z.object({ user: ZMe, csrfToken: z.string() });
export type TSessionResponse = z.infer<typeof ZSessionResponseSchema>;
