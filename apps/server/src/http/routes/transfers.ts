import {
  ZChannel,
  ZConferenceRequestSchema,
  ZConversationParamsSchema,
  ZConversationSummary,
  ZErrorResponse,
  ZTransferRequestSchema,
  ZTransferTargets,
} from '@switchboard/contracts';
import {
  AppError,
  endConference,
  exitConference,
  inviteToConference,
  transferConversation,
} from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { agentNameOf, agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

/** Transfer and conference (product.md "Transfer, conference, end"): thin, each one use case. */
export const transferRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx));
    const errors = errorResponses(400, 401, 403, 404, 409);
    const agentName = (userId: string) => agentNameOf(ctx.store, userId);
    /** What the agent who acted sees of the conversation now (masked per viewer). */
    const summary = async (conversationId: string, userId: string) => {
      const view = await ctx.desk.summary(conversationId, userId);
      if (!view) {
        throw new AppError('CONVERSATION_NOT_FOUND');
      }
      return view;
    };
    const schema = { tags: ['conversations'], params: ZConversationParamsSchema };

    app.get(
      '/api/transfer-targets',
      {
        schema: {
          tags: ['conversations'],
          querystring: z.object({ channel: ZChannel.optional() }),
          response: { 200: ZTransferTargets, 401: ZErrorResponse, 403: ZErrorResponse },
        },
      },
      async (request) =>
        ctx.store.views.listTransferTargets(request.query.channel ?? 'livechat', agentOf(request).userId),
    );

    app.post(
      '/api/conversations/:id/transfer',
      {
        schema: {
          ...schema,
          body: ZTransferRequestSchema,
          response: { 200: ZConversationSummary, ...errors },
        },
      },
      async (request) => {
        const { userId } = agentOf(request);
        await ctx.run(transferConversation, {
          conversationId: request.params.id,
          agentId: userId,
          agentName: await agentName(userId),
          target: request.body.target,
          comment: request.body.comment?.trim() || null,
        });
        return summary(request.params.id, userId);
      },
    );

    app.post(
      '/api/conversations/:id/conference',
      {
        schema: {
          ...schema,
          body: ZConferenceRequestSchema,
          response: { 200: ZConversationSummary, ...errors },
        },
      },
      async (request) => {
        const { userId } = agentOf(request);
        await ctx.run(inviteToConference, {
          conversationId: request.params.id,
          agentId: userId,
          target:
            'queueId' in request.body
              ? { type: 'queue', queueId: request.body.queueId }
              : { type: 'agent', agentId: request.body.agentId },
        });
        return summary(request.params.id, userId);
      },
    );

    for (const [path, useCase] of [
      ['end-conference', endConference],
      ['exit-conference', exitConference],
    ] as const) {
      app.post(
        `/api/conversations/:id/${path}`,
        { schema: { ...schema, response: { 200: ZConversationSummary, ...errors } } },
        async (request) => {
          const { userId } = agentOf(request);
          await ctx.run(useCase, {
            conversationId: request.params.id,
            agentId: userId,
            agentName: await agentName(userId),
          });
          return summary(request.params.id, userId);
        },
      );
    }
  };
