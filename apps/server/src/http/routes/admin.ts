import {
  ZAuditEntry,
  ZAuditQuerySchema,
  ZConversationParamsSchema,
  ZEraseCustomerRequestSchema,
  ZEraseCustomerResponseSchema,
  ZRevealRequestSchema,
  ZRevealResponseSchema,
  ZSettings,
  ZUpdateSettingsRequestSchema,
} from '@switchboard/contracts';
import { eraseCustomer, revealMaskedValue, updateSettings } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

/** Administrator settings and audit log; the supervisor's audited reveal of a masked value. */
export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const requireAdmin = createRequireAgent(ctx, { roles: ['admin'] });
    const requireSupervisor = createRequireAgent(ctx, { roles: ['supervisor'] });
    const errors = errorResponses(400, 401, 403, 404);

    app.get(
      '/api/admin/settings',
      { preValidation: requireAdmin, schema: { tags: ['admin'], response: { 200: ZSettings, ...errors } } },
      async () => ctx.store.views.getSettings(),
    );

    app.patch(
      '/api/admin/settings',
      {
        preValidation: requireAdmin,
        schema: {
          tags: ['admin'],
          body: ZUpdateSettingsRequestSchema,
          response: { 200: ZSettings, ...errors },
        },
      },
      async (request) => {
        const { userId, role } = agentOf(request);
        return ctx.run(updateSettings, { actorId: userId, actorRole: role, patch: request.body });
      },
    );

    app.get(
      '/api/admin/audit-log',
      {
        preValidation: requireAdmin,
        schema: {
          tags: ['admin'],
          querystring: ZAuditQuerySchema,
          response: { 200: z.object({ entries: z.array(ZAuditEntry) }), ...errors },
        },
      },
      async (request) => {
        const { limit, before } = request.query;
        return { entries: await ctx.store.views.listAuditLog({ limit, ...(before ? { before } : {}) }) };
      },
    );

    // A customer's right to erasure: every conversation of theirs, once all have ended (core's eraseCustomer).
    app.post(
      '/api/admin/conversations/:id/erase',
      {
        preValidation: requireAdmin,
        schema: {
          tags: ['admin'],
          params: ZConversationParamsSchema,
          body: ZEraseCustomerRequestSchema,
          response: { 200: ZEraseCustomerResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { userId, role } = agentOf(request);
        return ctx.run(eraseCustomer, {
          actorId: userId,
          actorRole: role,
          conversationId: request.params.id,
          reason: request.body.reason,
        });
      },
    );

    app.post(
      '/api/supervisor/reveal',
      {
        preValidation: requireSupervisor,
        schema: {
          tags: ['supervisor'],
          body: ZRevealRequestSchema,
          response: { 200: ZRevealResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { userId, role } = agentOf(request);
        const message = await ctx.store.views.getMessage(request.body.messageId);
        const region = message ? await ctx.store.views.getRegion(message.conversationId) : null;
        return ctx.run(revealMaskedValue, {
          actorId: userId,
          actorRole: role,
          messageId: request.body.messageId,
          spanIndex: request.body.spanIndex,
          reason: request.body.reason,
          region,
        });
      },
    );
  };
