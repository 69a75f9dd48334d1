import { ZErrorResponse, ZSupervisorOverview } from '@switchboard/contracts';
import { authorizeRole } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { agentOf, createRequireAgent } from '../auth';

/** The supervisor's live board; pushes of the same snapshot follow on `supervisor.overview`. */
export const supervisorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preHandler', createRequireAgent(ctx));
    const errors = { 401: ZErrorResponse, 403: ZErrorResponse };

    app.get(
      '/api/supervisor/overview',
      { schema: { tags: ['supervisor'], response: { 200: ZSupervisorOverview, ...errors } } },
      async (request) => {
        authorizeRole({ role: agentOf(request).role, allowed: ['supervisor', 'admin'] });
        return ctx.store.supervisor.getOverview({ now: ctx.clock.now() });
      },
    );
  };
