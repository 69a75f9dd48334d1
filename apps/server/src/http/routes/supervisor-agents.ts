import { ZAgentStateSnapshot, ZSetStateRequestSchema } from '@switchboard/contracts';
import { superviseAgentState } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

/** A supervisor changes an agent's state, e.g. from RONA or Refused back to Available. */
export const supervisorAgentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx, { roles: ['supervisor', 'admin'] }));
    app.put(
      '/api/supervisor/agents/:id/state',
      {
        schema: {
          tags: ['supervisor'],
          params: z.object({ id: z.string().uuid() }),
          body: ZSetStateRequestSchema,
          response: {
            200: ZAgentStateSnapshot,
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const body = request.body;
        const result = await ctx.run(superviseAgentState, {
          actorRole: agentOf(request).role,
          agentId: request.params.id,
          state: body.state,
          ...(body.state === 'idle' ? { idleReasonId: body.idleReasonId } : {}),
        });
        return {
          state: result.state,
          stateReason: result.stateReason,
          stateSince: result.stateSince.toISOString(),
        };
      },
    );
  };
