import fastifyCors from '@fastify/cors';
import {
  SENDABLE_FILE_MAX_BYTES,
  ZAttachmentParamsSchema,
  ZConversationParamsSchema,
  ZCustomerConversation,
  ZCustomerReadRequestSchema,
  ZCustomerSendRequestSchema,
  ZEntryPointInfo,
  ZEntryPointParamsSchema,
  ZFileQuerySchema,
  ZMessage,
  ZMessagesQuerySchema,
  ZStartChatRequestSchema,
  ZStartChatResponseSchema,
} from '@switchboard/contracts';
import {
  AppError,
  COMPOSE_LIMITS,
  customerEndChat,
  customerReadMessages,
  postCustomerFile,
  postCustomerMessage,
  startLiveChat,
} from '@switchboard/core';
import { readAttachment } from '@switchboard/store';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { toMessageDto } from '../../app/dto';
import { acceptFileBodies, sendAttachment } from '../attachment-reply';
import { errorResponses } from '../error-responses';
import { hashToken, newToken, safeEqual } from '../tokens';

/** Where the live-chat API is registered: its CORS (and the preflight route CORS adds) stays here. */
export const LIVECHAT_PREFIX = '/api/livechat';

/** The customer side of live chat: no login, a per-conversation bearer token. */
export const livechatRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The widget runs on the customer's website, another origin: its API answers CORS requests.
    // It authenticates with a bearer token, never a cookie, so credentials stay off.
    await app.register(fastifyCors, {
      origin: ctx.config.widgetOrigins === true ? '*' : ctx.config.widgetOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization'],
      credentials: false,
      maxAge: 600,
      // The plugin answers preflights on every path of its context (this prefix only); one it
      // can't read gets our 204 without CORS headers rather than its plain-text 400.
      strictPreflight: false,
    });
    const errors = errorResponses(400, 401, 403, 404, 409, 429);

    // Every route it guards has the conversation's `id` among its params, validated before this runs.
    const requireCustomer = async (request: FastifyRequest) => {
      const { id } = request.params as { id: string };
      const header = request.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const stored = token ? await ctx.store.views.getCustomerTokenHash(id) : null;
      if (!token || !stored || !safeEqual(hashToken(token), stored)) {
        // One answer for "no such conversation" and "wrong token": ids can't be probed.
        throw new AppError('UNAUTHENTICATED', 'This chat is not yours or no longer exists');
      }
    };

    app.get(
      '/entry-points/:key',
      {
        schema: {
          tags: ['livechat'],
          params: ZEntryPointParamsSchema,
          response: { 200: ZEntryPointInfo, ...errors },
        },
      },
      async (request) => {
        const info = await ctx.store.views.getEntryPointInfo(request.params.key);
        if (!info) {
          throw new AppError('ENTRY_POINT_NOT_FOUND');
        }
        return info;
      },
    );

    app.post(
      '/conversations',
      {
        schema: {
          tags: ['livechat'],
          body: ZStartChatRequestSchema,
          response: { 201: ZStartChatResponseSchema, ...errors },
        },
        config: { rateLimit: { max: ctx.config.chatStartRateLimit, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const token = newToken();
        const { conversation, messages } = await ctx.run(startLiveChat, {
          entryPointKey: request.body.entryPoint,
          customerName: request.body.name,
          customerEmail: request.body.email ?? null,
          firstMessage: request.body.message ?? null,
          customerTokenHash: hashToken(token),
        });
        // The conversation as it was committed: no second read (this runs for every arrival).
        return reply.code(201).send({
          token,
          conversation: {
            id: conversation.id,
            status: conversation.status,
            customerName: conversation.customerName,
            customerLeft: conversation.customerLeft,
            composeLimit: COMPOSE_LIMITS[conversation.channel],
            agentName: null,
            messages: messages.map(toMessageDto),
          },
        });
      },
    );

    app.get(
      '/conversations/:id',
      {
        preHandler: requireCustomer,
        schema: {
          tags: ['livechat'],
          params: ZConversationParamsSchema,
          response: { 200: ZCustomerConversation, ...errors },
        },
      },
      async (request) => {
        const view = await ctx.store.views.getCustomerConversation(request.params.id);
        if (!view) {
          throw new AppError('CONVERSATION_NOT_FOUND');
        }
        return view;
      },
    );

    app.get(
      '/conversations/:id/messages',
      {
        preHandler: requireCustomer,
        schema: {
          tags: ['livechat'],
          params: ZConversationParamsSchema,
          querystring: ZMessagesQuerySchema,
          response: { 200: z.object({ messages: z.array(ZMessage) }), ...errors },
        },
      },
      async (request) => ({
        messages: await ctx.store.views.listMessages({
          conversationId: request.params.id,
          after: request.query.after ?? 0,
          forCustomer: true,
        }),
      }),
    );

    app.post(
      '/conversations/:id/messages',
      {
        preHandler: requireCustomer,
        schema: {
          tags: ['livechat'],
          params: ZConversationParamsSchema,
          body: ZCustomerSendRequestSchema,
          response: { 201: ZMessage, ...errors },
        },
      },
      async (request, reply) => {
        const message = await ctx.run(postCustomerMessage, {
          conversationId: request.params.id,
          body: request.body.body,
          clientMessageId: request.body.clientMessageId,
        });
        return reply.code(201).send(toMessageDto(message));
      },
    );

    // A file from the widget: its bytes are the body, under the file's own type, so this route
    // has a parser of its own (and a body limit of its own) that no other route of the widget shares.
    await app.register(async (scope) => {
      const files = scope.withTypeProvider<ZodTypeProvider>();
      acceptFileBodies(files);
      files.post(
        '/conversations/:id/attachments',
        {
          preHandler: requireCustomer,
          bodyLimit: SENDABLE_FILE_MAX_BYTES,
          config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
          schema: {
            tags: ['livechat'],
            description:
              'A file from the customer (the raw bytes as the body, under its type: JPEG, PNG, GIF, WebP, PDF or plain text, at most 10 MB): a customer message naming it, with the file, answered as the message.',
            params: ZConversationParamsSchema,
            querystring: ZFileQuerySchema,
            response: { 201: ZMessage, ...errors },
          },
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body)) {
            throw new AppError('VALIDATION_FAILED', 'The body must be the file');
          }
          const message = await ctx.run(postCustomerFile, {
            conversationId: request.params.id,
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
      '/conversations/:id/attachments/:attachmentId',
      {
        preHandler: requireCustomer,
        schema: {
          tags: ['livechat'],
          description:
            'A file of the chat (one the agent sent, or the customer): the bytes, a picture inline and anything else as a download, as the desk serves them.',
          params: ZAttachmentParamsSchema,
          response: errors,
        },
      },
      async (request, reply) => {
        const file = await readAttachment(ctx.store.database.db, {
          conversationId: request.params.id,
          attachmentId: request.params.attachmentId,
        });
        return sendAttachment(reply, file);
      },
    );

    // The widget reports what the customer has seen; the agent sees "Read" under their messages.
    app.post(
      '/conversations/:id/read',
      {
        preHandler: requireCustomer,
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['livechat'],
          params: ZConversationParamsSchema,
          body: ZCustomerReadRequestSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await ctx.run(customerReadMessages, {
          conversationId: request.params.id,
          upToSeq: request.body.upToSeq,
        });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/conversations/:id/end',
      {
        preHandler: requireCustomer,
        schema: {
          tags: ['livechat'],
          params: ZConversationParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await ctx.run(customerEndChat, { conversationId: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
