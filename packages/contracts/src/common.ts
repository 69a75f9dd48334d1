import { z } from 'zod';
import { CHANNELS } from './constants';

export const ZId = z.string().uuid();

export const ZChannel = z.enum(CHANNELS);
export type TChannel = z.infer<typeof ZChannel>;

export const ZRole = z.enum(['agent', 'supervisor', 'admin']);
export type TRole = z.infer<typeof ZRole>;

/** Agent states of the seeds: Available, Idle (with a reason), RONA, Refused, and offline. */
export const ZAgentState = z.enum(['available', 'idle', 'rona', 'refused', 'offline']);
export type TAgentState = z.infer<typeof ZAgentState>;

/** Every error body the API returns, Fastify's shape plus our catalogue code. */
export const ZErrorResponse = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZIsoDate = z.string().describe('ISO 8601 timestamp');
