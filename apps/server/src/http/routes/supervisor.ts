import { ZSupervisorOverview } from '@switchboard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

/** The supervisor's live board; pushes of the same snapshot follow on `supervisor.overview`. */
export const supervisorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx, { roles: ['supervisor', 'admin'] }));
    const errors = errorResponses(401, 403);

    app.get(
      '/api/supervisor/overview',
      { schema: { tags: ['supervisor'], response: { 200: ZSupervisorOverview, ...errors } } },
      async () => {
        return ctx.store.supervisor.getOverview({ now: ctx.clock.now() });
      },
    );
  };
