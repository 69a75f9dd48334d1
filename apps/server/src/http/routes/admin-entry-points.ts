import {
  ENTRY_POINT_FIELDS,
  type TAdminEntryPoint,
  ZAdminEntryPoint,
  ZCreateEntryPointRequestSchema,
  ZIdParamsSchema,
  ZUpdateEntryPointRequestSchema,
} from '@switchboard/contracts';
import {
  AppError,
  createEntryPoint,
  deleteEntryPoint,
  type EntryPointConfig,
  updateEntryPoint,
} from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import type { ProviderConfigs } from '../../app/provider-configs';
import type { SecretBox } from '../../app/secret-box';
import { createAdminUseCaseRunner } from '../../app/services';
import { agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

const SECRET_FIELDS = new Set<string>(Object.values(ENTRY_POINT_FIELDS).flatMap((f) => [...f.secrets]));

/**
 * Assets (entry points) for the administrator: live chat, WhatsApp, SMS and Messenger. Secrets
 * are sealed here, before anything is stored, and never come back: an answer says which are set.
 */
export const adminEntryPointRoutes =
  ({
    ctx,
    secrets,
    configs,
  }: {
    ctx: AppContext;
    secrets: SecretBox;
    configs: ProviderConfigs;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx, { roles: ['admin'] }));
    const runAdmin = createAdminUseCaseRunner({ store: ctx.store, events: ctx.events, clock: ctx.clock });
    const errors = errorResponses(400, 401, 403, 404);
    const writeErrors = errorResponses(400, 401, 403, 404, 409);
    const actor = (request: Parameters<typeof agentOf>[0]) => {
      const { userId, role } = agentOf(request);
      return { actorId: userId, actorRole: role };
    };
    const base = ctx.config.publicUrl.replace(/\/+$/, '');
    const toDto = (e: EntryPointConfig): TAdminEntryPoint => ({
      id: e.id,
      name: e.name,
      channel: e.channel,
      queueId: e.queueId,
      key: e.key,
      region: e.region,
      webhookUrl: e.channel === 'livechat' ? null : `${base}/webhooks/${e.channel}/${e.id}`,
      settings: e.settings,
      secretsSet: Object.keys(e.sealedSecrets).sort(),
      templates: e.templates,
      simulated: e.simulated,
      deletedAt: e.deletedAt?.toISOString() ?? null,
    });
    /** The request's fields apart: public settings, and secrets sealed one by one. */
    const split = (fields: Record<string, unknown>) => {
      const settings: Record<string, string | null> = {};
      const sealedSecrets: Record<string, string> = {};
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined || ['channel', 'name', 'queueId', 'templates', 'region'].includes(k)) {
          continue;
        }
        if (SECRET_FIELDS.has(k)) {
          sealedSecrets[k] = secrets.seal(String(v));
        } else {
          settings[k] = v === null ? null : String(v);
        }
      }
      return { settings, sealedSecrets };
    };
    const found = (e: EntryPointConfig | null) => {
      if (!e) {
        throw new AppError('ENTRY_POINT_NOT_FOUND');
      }
      return e;
    };

    app.get(
      '/api/admin/entry-points',
      {
        schema: {
          tags: ['admin'],
          response: { 200: z.object({ entryPoints: z.array(ZAdminEntryPoint) }), ...errors },
        },
      },
      async () => ({ entryPoints: (await ctx.store.admin.entryPoints.list()).map(toDto) }),
    );
    app.get(
      '/api/admin/entry-points/:id',
      {
        schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 200: ZAdminEntryPoint, ...errors } },
      },
      async (request) => toDto(found(await ctx.store.admin.entryPoints.get(request.params.id))),
    );
    app.post(
      '/api/admin/entry-points',
      {
        schema: {
          tags: ['admin'],
          body: ZCreateEntryPointRequestSchema,
          response: { 201: ZAdminEntryPoint, ...writeErrors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const created = await runAdmin(createEntryPoint, {
          ...actor(request),
          input: {
            name: body.name,
            channel: body.channel,
            queueId: body.queueId,
            region: body.region ?? null,
            ...split(body),
            ...('templates' in body && body.templates ? { templates: body.templates } : {}),
          },
        });
        return reply.code(201).send(toDto(created));
      },
    );
    app.patch(
      '/api/admin/entry-points/:id',
      {
        schema: {
          tags: ['admin'],
          params: ZIdParamsSchema,
          body: ZUpdateEntryPointRequestSchema,
          response: { 200: ZAdminEntryPoint, ...writeErrors },
        },
      },
      async (request) => {
        const { name, queueId, templates, region, ...rest } = request.body;
        const updated = await runAdmin(updateEntryPoint, {
          ...actor(request),
          id: request.params.id,
          patch: {
            ...(name ? { name } : {}),
            ...(queueId ? { queueId } : {}),
            ...(templates ? { templates } : {}),
            ...(region === undefined ? {} : { region }),
            ...split(rest),
          },
        });
        configs.forget(updated.id);
        return toDto(updated);
      },
    );
    app.delete(
      '/api/admin/entry-points/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 204: z.null(), ...writeErrors } } },
      async (request, reply) => {
        await runAdmin(deleteEntryPoint, { ...actor(request), id: request.params.id });
        configs.forget(request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
