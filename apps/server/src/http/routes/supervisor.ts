import { ZErrorResponse, ZSupervisorOverview } from '@switchboard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { createRequireAgent } from '../auth';

/** The supervisor's live board; pushes of the same snapshot follow on `supervisor.overview`. */
export const supervisorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx, { roles: ['supervisor', 'admin'] }));
    const errors = { 401: ZErrorResponse, 403: ZErrorResponse };

    app.get(
      '/api/supervisor/overview',
      { schema: { tags: ['supervisor'], response: { 200: ZSupervisorOverview, ...errors } } },
      async () => {
        return ctx.store.supervisor.getOverview({ now: ctx.clock.now() });
      },
    );
  };
