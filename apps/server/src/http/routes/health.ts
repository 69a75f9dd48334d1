import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { AppContext } from '../../app/context';

export const healthRoutes =
  (ctx: AppContext & { metrics: Registry; isShuttingDown: () => boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    const ZStatus = z.object({ status: z.string() });

    /** Liveness: the process answers. */
    app.get('/healthz', { schema: { tags: ['ops'], response: { 200: ZStatus } } }, async () => ({
      status: 'ok',
    }));

    /** Readiness: the database answers and we are not shutting down. */
    app.get(
      '/readyz',
      { schema: { tags: ['ops'], response: { 200: ZStatus, 503: ZStatus } } },
      async (_req, reply) => {
        if (ctx.isShuttingDown()) {
          return reply.code(503).send({ status: 'shutting down' });
        }
        try {
          await ctx.store.database.ping();
          return { status: 'ready' };
        } catch {
          return reply.code(503).send({ status: 'database unavailable' });
        }
      },
    );

    app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
      reply.header('content-type', ctx.metrics.contentType);
      return ctx.metrics.metrics();
    });
  };
