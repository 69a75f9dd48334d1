import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@switchboard/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { AppContext } from '../../app/context';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The connecting address is this host's own (IPv4 loopback, IPv6 loopback, or IPv4 mapped into IPv6). */
const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));

/**
 * Who may read the metrics (the event counts are the center's volume; the process's are a map for
 * an attacker): with METRICS_TOKEN, whoever sends it as a bearer token (compared in constant
 * time); without, only a scraper on this host, connecting directly: not through a proxy on this
 * host, which would make every internet request look local, so a forwarded request is refused.
 */
export const mayReadMetrics = (request: FastifyRequest, token: string | null): boolean => {
  if (token !== null) {
    const given = request.headers.authorization ?? '';
    return timingSafeEqual(digest(given), digest(`Bearer ${token}`));
  }
  return (
    isLoopback(request.socket.remoteAddress) &&
    request.headers['x-forwarded-for'] === undefined &&
    request.headers.forwarded === undefined &&
    request.headers['x-real-ip'] === undefined
  );
};

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

    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!mayReadMetrics(req, ctx.config.metricsToken)) {
        throw new AppError('METRICS_FORBIDDEN');
      }
      reply.header('content-type', ctx.metrics.contentType);
      return ctx.metrics.metrics();
    });
  };
