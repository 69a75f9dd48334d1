import {
  SENDABLE_FILE_MAX_BYTES,
  ZAttachmentParamsSchema,
  ZConversationDetail,
  ZConversationParamsSchema,
  ZConversationSummary,
  ZEarlierAttachmentParamsSchema,
  ZEarlierConversations,
  ZEarlierParamsSchema,
  ZFileQuerySchema,
  ZHistoryDetail,
  ZHistoryDetailQuery,
  ZId,
  ZMessage,
  ZMessagesQuerySchema,
  ZOfferParamsSchema,
  ZSendMessageRequestSchema,
  ZSendTemplateRequestSchema,
  ZWrapUpRequestSchema,
} from '@switchboard/contracts';
import {
  AppError,
  acceptOffer,
  authorizeParticipant,
  endConversation,
  postAgentFile,
  postAgentMessage,
  rejectOffer,
  retryFailedMessage,
  sendTemplateMessage,
  submitWrapUp,
} from '@switchboard/core';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { toMessageDto } from '../../app/dto';
import { acceptFileBodies, sendAttachment } from '../attachment-reply';
import { agentNameOf, agentOf, createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

export const conversationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx));
    const errors = errorResponses(400, 401, 403, 404, 409);
    const agentName = (userId: string) => agentNameOf(ctx.store, userId);
    const detail = async (conversationId: string, userId: string) => {
      const view = await ctx.desk.detail(conversationId, userId);
      if (!view) {
        throw new AppError('CONVERSATION_NOT_FOUND');
      }
      return view;
    };
    /** Reads check participation in core too, in a transaction of their own. */
    const authorize = (conversationId: string, agentId: string) =>
      ctx.store.transact(authorizeParticipant, { conversationId, agentId }, ctx.clock.now());

    app.post(
      '/api/offers/:id/accept',
      {
        schema: {
          tags: ['offers'],
          params: ZOfferParamsSchema,
          response: { 200: ZConversationDetail, ...errors },
        },
      },
      async (request) => {
        const { userId } = agentOf(request);
        const { conversationId } = await ctx.run(acceptOffer, {
          offerId: request.params.id,
          agentId: userId,
          agentName: await agentName(userId),
        });
        return detail(conversationId, userId);
      },
    );

    app.post(
      '/api/offers/:id/reject',
      { schema: { tags: ['offers'], params: ZOfferParamsSchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await ctx.run(rejectOffer, { offerId: request.params.id, agentId: agentOf(request).userId });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/conversations/:id',
      {
        schema: {
          tags: ['conversations'],
          params: ZConversationParamsSchema,
          response: { 200: ZConversationDetail, ...errors },
        },
      },
      async (request) => {
        const { userId } = agentOf(request);
        await authorize(request.params.id, userId);
        return detail(request.params.id, userId);
      },
    );

    app.get(
      '/api/conversations/:id/earlier',
      {
        schema: {
          tags: ['conversations'],
          params: ZConversationParamsSchema,
          response: { 200: ZEarlierConversations, ...errors },
        },
      },
      async (request) => {
        await authorize(request.params.id, agentOf(request).userId);
        return { conversations: await ctx.desk.earlier(request.params.id) };
      },
    );

    app.get(
      '/api/conversations/:id/earlier/:earlierId',
      {
        schema: {
          tags: ['conversations'],
          params: ZEarlierParamsSchema,
          querystring: ZHistoryDetailQuery,
          response: { 200: ZHistoryDetail, ...errors },
        },
      },
      async (request) => {
        await authorize(request.params.id, agentOf(request).userId);
        const found = await ctx.desk.earlierDetail(
          request.params.id,
          request.params.earlierId,
          request.query.after,
        );
        if (!found) {
          throw new AppError('CONVERSATION_NOT_FOUND');
        }
        return found;
      },
    );

    app.get(
      '/api/conversations/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['conversations'],
          description:
            "A file the customer sent, once fetched from the provider: a picture inline, anything else as a download; for agents taking part (the message's `attachments` list them).",
          params: ZAttachmentParamsSchema,
          response: errors,
        },
      },
      async (request, reply) => {
        await authorize(request.params.id, agentOf(request).userId);
        const file = await ctx.desk.attachmentFile(request.params.id, request.params.attachmentId);
        return sendAttachment(reply, file);
      },
    );

    app.get(
      '/api/conversations/:id/earlier/:earlierId/attachments/:attachmentId',
      {
        schema: {
          tags: ['conversations'],
          description:
            "A file the same customer sent in an earlier conversation (the agent's interaction history), as the one above serves it.",
          params: ZEarlierAttachmentParamsSchema,
          response: errors,
        },
      },
      async (request, reply) => {
        const { id, earlierId, attachmentId } = request.params;
        await authorize(id, agentOf(request).userId);
        const file = await ctx.desk.earlierAttachmentFile(id, earlierId, attachmentId);
        return sendAttachment(reply, file);
      },
    );

    // A file from the agent: its bytes are the body, under the file's own type, so this route has
    // a parser (and a body limit) of its own that no other route shares.
    await app.register(async (scope) => {
      const files = scope.withTypeProvider<ZodTypeProvider>();
      acceptFileBodies(files);
      files.post(
        '/api/conversations/:id/attachments',
        {
          bodyLimit: SENDABLE_FILE_MAX_BYTES,
          schema: {
            tags: ['conversations'],
            description:
              "A file for the customer (the raw bytes as the body, under its type: JPEG, PNG, GIF, WebP, PDF or plain text; at most 10 MB, 5 MB on WhatsApp and SMS): an agent message naming it, with the file, sent like a text (on WhatsApp, SMS and Messenger through the outbox, as the provider's media message).",
            params: ZConversationParamsSchema,
            querystring: ZFileQuerySchema,
            response: { 201: ZMessage, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
          },
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body)) {
            throw new AppError('VALIDATION_FAILED', 'The body must be the file');
          }
          const agent = agentOf(request);
          const message = await ctx.run(postAgentFile, {
            conversationId: request.params.id,
            agentId: agent.userId,
            agentName: await agentName(agent.userId),
            clientMessageId: request.query.clientMessageId,
            file: {
              contentType: request.headers['content-type'] ?? '',
              name: request.query.name ?? null,
              bytes: request.body,
            },
          });
          return reply.code(201).send(toMessageDto(message));
        },
      );
    });

    app.get(
      '/api/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          params: ZConversationParamsSchema,
          querystring: ZMessagesQuerySchema,
          response: { 200: z.object({ messages: z.array(ZMessage) }), ...errors },
        },
      },
      async (request) => {
        await authorize(request.params.id, agentOf(request).userId);
        return { messages: await ctx.desk.messages(request.params.id, request.query.after ?? 0) };
      },
    );

    app.post(
      '/api/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          params: ZConversationParamsSchema,
          body: ZSendMessageRequestSchema,
          response: { 201: ZMessage, ...errors },
        },
      },
      async (request, reply) => {
        const { userId } = agentOf(request);
        const message = await ctx.run(postAgentMessage, {
          conversationId: request.params.id,
          agentId: userId,
          agentName: await agentName(userId),
          body: request.body.body,
          clientMessageId: request.body.clientMessageId,
        });
        // The agent's own message comes back masked too: "messages in both directions".
        return reply.code(201).send((await ctx.desk.message(message.id)) ?? toMessageDto(message));
      },
    );

    app.post(
      '/api/conversations/:id/template-messages',
      {
        schema: {
          tags: ['conversations'],
          description:
            "WhatsApp: sends one of the entry point's approved templates (after the 24-hour window).",
          params: ZConversationParamsSchema,
          body: ZSendTemplateRequestSchema,
          response: { 201: ZMessage, ...errors },
        },
      },
      async (request, reply) => {
        const { userId } = agentOf(request);
        const message = await ctx.run(sendTemplateMessage, {
          conversationId: request.params.id,
          agentId: userId,
          agentName: await agentName(userId),
          templateName: request.body.templateName,
          parameters: request.body.parameters,
          clientMessageId: request.body.clientMessageId,
        });
        return reply.code(201).send((await ctx.desk.message(message.id)) ?? toMessageDto(message));
      },
    );

    app.post(
      '/api/conversations/:id/messages/:messageId/retry',
      {
        schema: {
          tags: ['conversations'],
          description: 'Sends again an agent message whose delivery failed (WhatsApp, SMS, Messenger).',
          params: ZConversationParamsSchema.extend({ messageId: ZId }),
          response: { 200: ZMessage, ...errors },
        },
      },
      async (request) => {
        const message = await ctx.run(retryFailedMessage, {
          conversationId: request.params.id,
          messageId: request.params.messageId,
          agentId: agentOf(request).userId,
        });
        return (await ctx.desk.message(message.id)) ?? toMessageDto(message);
      },
    );

    app.post(
      '/api/conversations/:id/end',
      {
        schema: {
          tags: ['conversations'],
          params: ZConversationParamsSchema,
          response: { 200: ZConversationSummary, ...errors },
        },
      },
      async (request) => {
        const { userId } = agentOf(request);
        await ctx.run(endConversation, {
          conversationId: request.params.id,
          agentId: userId,
          agentName: await agentName(userId),
        });
        const { messages: _messages, ...summary } = await detail(request.params.id, userId);
        return summary;
      },
    );

    app.post(
      '/api/conversations/:id/wrap-up',
      {
        schema: {
          tags: ['conversations'],
          params: ZConversationParamsSchema,
          body: ZWrapUpRequestSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await ctx.run(submitWrapUp, {
          conversationId: request.params.id,
          agentId: agentOf(request).userId,
          wrapUpReasonId: request.body.wrapUpReasonId,
          dispositionId: request.body.dispositionId ?? null,
          tagIds: request.body.tagIds ?? [],
          notes: request.body.notes?.trim() || null,
          nextState: request.body.nextState ?? null,
        });
        return reply.code(204).send(null);
      },
    );
  };
