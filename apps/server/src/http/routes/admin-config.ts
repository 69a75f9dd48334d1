import {
  type TAdminQueue,
  type TAdminUser,
  ZAdminQueue,
  ZAdminQuickResponse,
  ZAdminReason,
  ZAdminTeam,
  ZAdminUser,
  ZCreateQueueRequestSchema,
  ZCreateQuickResponseRequestSchema,
  ZCreateReasonRequestSchema,
  ZCreateTeamRequestSchema,
  ZCreateUserRequestSchema,
  ZIdParamsSchema,
  ZUpdateQueueRequestSchema,
  ZUpdateQuickResponseRequestSchema,
  ZUpdateReasonRequestSchema,
  ZUpdateTeamRequestSchema,
  ZUpdateUserRequestSchema,
} from '@switchboard/contracts';
import {
  AppError,
  createQueue,
  createQuickResponse,
  createReason,
  createTeam,
  createUser,
  deactivateUser,
  deleteQueue,
  deleteQuickResponse,
  deleteReason,
  deleteTeam,
  type QueueConfig,
  type ReasonKind,
  type UserConfig,
  updateQueue,
  updateQuickResponse,
  updateReason,
  updateTeam,
  updateUser,
} from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { createAdminUseCaseRunner } from '../../app/services';
import { agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';
import { hashPassword } from '../passwords';

// The contract lists the registered strategies; only they are ever written.
const toQueueDto = (q: QueueConfig): TAdminQueue => ({
  ...q,
  strategy: q.strategy as TAdminQueue['strategy'],
});

const toUserDto = (u: UserConfig): TAdminUser => ({
  ...u,
  deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

const found = <T>(
  value: T | null,
  code:
    | 'QUEUE_NOT_FOUND'
    | 'USER_NOT_FOUND'
    | 'TEAM_NOT_FOUND'
    | 'REASON_NOT_FOUND'
    | 'QUICK_RESPONSE_NOT_FOUND',
): T => {
  if (value === null) {
    throw new AppError(code);
  }
  return value;
};

/**
 * The administrator's configuration: queues, users, teams, wrap-up and idle reasons, quick
 * responses. Each write is
 * one core use case (role check, business rules, audit entry) in one transaction.
 */
export const adminConfigRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx, { roles: ['admin'] }));
    const runAdmin = createAdminUseCaseRunner({ store: ctx.store, events: ctx.events, clock: ctx.clock });
    const errors = errorResponses(400, 401, 403, 404);
    const writeErrors = errorResponses(400, 401, 403, 404, 409);
    const actor = (request: Parameters<typeof agentOf>[0]) => {
      const { userId, role } = agentOf(request);
      return { actorId: userId, actorRole: role };
    };

    // Queues
    app.get(
      '/api/admin/queues',
      {
        schema: { tags: ['admin'], response: { 200: z.object({ queues: z.array(ZAdminQueue) }), ...errors } },
      },
      async () => {
        return { queues: (await ctx.store.admin.queues.list()).map(toQueueDto) };
      },
    );
    app.get(
      '/api/admin/queues/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 200: ZAdminQueue, ...errors } } },
      async (request) => {
        return toQueueDto(found(await ctx.store.admin.queues.get(request.params.id), 'QUEUE_NOT_FOUND'));
      },
    );
    app.post(
      '/api/admin/queues',
      {
        schema: {
          tags: ['admin'],
          body: ZCreateQueueRequestSchema,
          response: { 201: ZAdminQueue, ...writeErrors },
        },
      },
      async (request, reply) => {
        const queue = await runAdmin(createQueue, { ...actor(request), input: request.body });
        return reply.code(201).send(toQueueDto(queue));
      },
    );
    app.patch(
      '/api/admin/queues/:id',
      {
        schema: {
          tags: ['admin'],
          params: ZIdParamsSchema,
          body: ZUpdateQueueRequestSchema,
          response: { 200: ZAdminQueue, ...writeErrors },
        },
      },
      async (request) =>
        toQueueDto(
          await runAdmin(updateQueue, { ...actor(request), id: request.params.id, patch: request.body }),
        ),
    );
    app.delete(
      '/api/admin/queues/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 204: z.null(), ...writeErrors } } },
      async (request, reply) => {
        await runAdmin(deleteQueue, { ...actor(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    // Users: DELETE deactivates, so that history keeps its author.
    app.get(
      '/api/admin/users',
      { schema: { tags: ['admin'], response: { 200: z.object({ users: z.array(ZAdminUser) }), ...errors } } },
      async () => {
        return { users: (await ctx.store.admin.users.list()).map(toUserDto) };
      },
    );
    app.get(
      '/api/admin/users/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 200: ZAdminUser, ...errors } } },
      async (request) => {
        return toUserDto(found(await ctx.store.admin.users.get(request.params.id), 'USER_NOT_FOUND'));
      },
    );
    app.post(
      '/api/admin/users',
      {
        schema: {
          tags: ['admin'],
          body: ZCreateUserRequestSchema,
          response: { 201: ZAdminUser, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { password, ...rest } = request.body;
        const passwordHash = await ctx.passwords.run(() => hashPassword(password));
        const user = await runAdmin(createUser, { ...actor(request), input: { ...rest, passwordHash } });
        return reply.code(201).send(toUserDto(user));
      },
    );
    app.patch(
      '/api/admin/users/:id',
      {
        schema: {
          tags: ['admin'],
          params: ZIdParamsSchema,
          body: ZUpdateUserRequestSchema,
          response: { 200: ZAdminUser, ...writeErrors },
        },
      },
      async (request) => {
        const { password, ...rest } = request.body;
        const patch =
          password === undefined
            ? rest
            : { ...rest, passwordHash: await ctx.passwords.run(() => hashPassword(password)) };
        return toUserDto(await runAdmin(updateUser, { ...actor(request), id: request.params.id, patch }));
      },
    );
    app.delete(
      '/api/admin/users/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 204: z.null(), ...writeErrors } } },
      async (request, reply) => {
        await runAdmin(deactivateUser, { ...actor(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    // Teams
    app.get(
      '/api/admin/teams',
      { schema: { tags: ['admin'], response: { 200: z.object({ teams: z.array(ZAdminTeam) }), ...errors } } },
      async () => {
        return { teams: await ctx.store.admin.teams.list() };
      },
    );
    app.get(
      '/api/admin/teams/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 200: ZAdminTeam, ...errors } } },
      async (request) => {
        return found(await ctx.store.admin.teams.get(request.params.id), 'TEAM_NOT_FOUND');
      },
    );
    app.post(
      '/api/admin/teams',
      {
        schema: {
          tags: ['admin'],
          body: ZCreateTeamRequestSchema,
          response: { 201: ZAdminTeam, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await runAdmin(createTeam, { ...actor(request), input: request.body })),
    );
    app.patch(
      '/api/admin/teams/:id',
      {
        schema: {
          tags: ['admin'],
          params: ZIdParamsSchema,
          body: ZUpdateTeamRequestSchema,
          response: { 200: ZAdminTeam, ...writeErrors },
        },
      },
      async (request) =>
        runAdmin(updateTeam, { ...actor(request), id: request.params.id, patch: request.body }),
    );
    app.delete(
      '/api/admin/teams/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 204: z.null(), ...writeErrors } } },
      async (request, reply) => {
        await runAdmin(deleteTeam, { ...actor(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    // Wrap-up and idle reasons, dispositions and tags: one shape, four lists.
    for (const [kind, path] of [
      ['wrap-up', '/api/admin/wrap-up-reasons'],
      ['idle', '/api/admin/idle-reasons'],
      ['disposition', '/api/admin/dispositions'],
      ['tag', '/api/admin/tags'],
    ] as const satisfies readonly (readonly [ReasonKind, string])[]) {
      app.get(
        path,
        {
          schema: {
            tags: ['admin'],
            response: { 200: z.object({ reasons: z.array(ZAdminReason) }), ...errors },
          },
        },
        async () => {
          return { reasons: await ctx.store.admin.reasons.list(kind) };
        },
      );
      app.get(
        `${path}/:id`,
        { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 200: ZAdminReason, ...errors } } },
        async (request) => {
          return found(await ctx.store.admin.reasons.get(kind, request.params.id), 'REASON_NOT_FOUND');
        },
      );
      app.post(
        path,
        {
          schema: {
            tags: ['admin'],
            body: ZCreateReasonRequestSchema,
            response: { 201: ZAdminReason, ...writeErrors },
          },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(await runAdmin(createReason, { ...actor(request), kind, input: request.body })),
      );
      app.patch(
        `${path}/:id`,
        {
          schema: {
            tags: ['admin'],
            params: ZIdParamsSchema,
            body: ZUpdateReasonRequestSchema,
            response: { 200: ZAdminReason, ...writeErrors },
          },
        },
        async (request) =>
          runAdmin(updateReason, { ...actor(request), kind, id: request.params.id, patch: request.body }),
      );
      app.delete(
        `${path}/:id`,
        { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 204: z.null(), ...writeErrors } } },
        async (request, reply) => {
          await runAdmin(deleteReason, { ...actor(request), kind, id: request.params.id });
          return reply.code(204).send(null);
        },
      );
    }

    // Quick responses: the agents' `>>` pane reads them in /api/agent/bootstrap.
    app.get(
      '/api/admin/quick-responses',
      {
        schema: {
          tags: ['admin'],
          response: { 200: z.object({ quickResponses: z.array(ZAdminQuickResponse) }), ...errors },
        },
      },
      async () => ({ quickResponses: await ctx.store.admin.quickResponses.list() }),
    );
    app.get(
      '/api/admin/quick-responses/:id',
      {
        schema: {
          tags: ['admin'],
          params: ZIdParamsSchema,
          response: { 200: ZAdminQuickResponse, ...errors },
        },
      },
      async (request) =>
        found(await ctx.store.admin.quickResponses.get(request.params.id), 'QUICK_RESPONSE_NOT_FOUND'),
    );
    app.post(
      '/api/admin/quick-responses',
      {
        schema: {
          tags: ['admin'],
          body: ZCreateQuickResponseRequestSchema,
          response: { 201: ZAdminQuickResponse, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await runAdmin(createQuickResponse, { ...actor(request), input: request.body })),
    );
    app.patch(
      '/api/admin/quick-responses/:id',
      {
        schema: {
          tags: ['admin'],
          params: ZIdParamsSchema,
          body: ZUpdateQuickResponseRequestSchema,
          response: { 200: ZAdminQuickResponse, ...writeErrors },
        },
      },
      async (request) =>
        runAdmin(updateQuickResponse, { ...actor(request), id: request.params.id, patch: request.body }),
    );
    app.delete(
      '/api/admin/quick-responses/:id',
      { schema: { tags: ['admin'], params: ZIdParamsSchema, response: { 204: z.null(), ...writeErrors } } },
      async (request, reply) => {
        await runAdmin(deleteQuickResponse, { ...actor(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
