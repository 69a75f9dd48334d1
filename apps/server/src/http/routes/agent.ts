import {
  ZAgentStateSnapshot,
  ZBootstrapResponseSchema,
  ZSetStateRequestSchema,
} from '@switchboard/contracts';
import { AppError, setAgentState } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

export const agentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx));
    const errors = errorResponses(400, 401, 403, 404);

    app.get(
      '/api/agent/bootstrap',
      { schema: { tags: ['agent'], response: { 200: ZBootstrapResponseSchema, ...errors } } },
      async (request) => {
        const { userId } = agentOf(request);
        const user = await ctx.store.views.getMe(userId);
        if (!user) {
          throw new AppError('UNAUTHENTICATED');
        }
        const [lists, offers, conversations] = await Promise.all([
          ctx.store.views.listDeskLists(),
          ctx.desk.pendingOffers(userId),
          ctx.desk.openConversations(userId),
        ]);
        return { user, ...lists, offers, conversations };
      },
    );

    app.put(
      '/api/agent/state',
      {
        schema: {
          tags: ['agent'],
          body: ZSetStateRequestSchema,
          response: { 200: ZAgentStateSnapshot, ...errors },
        },
      },
      async (request) => {
        const { userId } = agentOf(request);
        const body = request.body;
        const result = await ctx.run(setAgentState, {
          agentId: userId,
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
