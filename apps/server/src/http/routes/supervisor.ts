import {
  ZAttachmentParamsSchema,
  ZConversationParamsSchema,
  ZHistoryDetail,
  ZHistoryDetailQuery,
  ZHistoryPage,
  ZHistoryQuery,
  ZSupervisorOverview,
  ZSupervisorReport,
  ZSupervisorReportQuery,
} from '@switchboard/contracts';
import { AppError, checkPeriod, reportOfTotals } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { sendAttachment } from '../attachment-reply';
import { createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

/**
 * The supervisor's live board (pushes of the same snapshot follow on `supervisor.overview`), the
 * report of a period, and the history: the conversations of a period and each one whole, masked
 * on the server like everything a desktop gets (desk-views.ts).
 */
export const supervisorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preValidation', createRequireAgent(ctx, { roles: ['supervisor', 'admin'] }));
    const errors = errorResponses(401, 403);
    const queryErrors = errorResponses(400, 401, 403);

    app.get(
      '/api/supervisor/overview',
      { schema: { tags: ['supervisor'], response: { 200: ZSupervisorOverview, ...errors } } },
      async () => {
        return ctx.store.supervisor.getOverview({ now: ctx.clock.now() });
      },
    );

    app.get(
      '/api/supervisor/report',
      {
        schema: {
          tags: ['supervisor'],
          querystring: ZSupervisorReportQuery,
          response: { 200: ZSupervisorReport, ...queryErrors },
        },
      },
      async (request) => {
        const from = new Date(request.query.from);
        const to = new Date(request.query.to);
        checkPeriod({ from, to });
        const totals = await ctx.store.supervisor.getReportTotals({ from, to });
        const report = reportOfTotals({
          queues: totals.queues,
          channels: totals.channels,
          agents: totals.agents,
          serviceLevels: new Map(totals.queues.map((q) => [q.queueId, q.serviceLevelSeconds])),
        });
        const names = new Map(
          [...totals.queues, ...totals.agents].map((x) => ['queueId' in x ? x.queueId : x.agentId, x.name]),
        );
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          queues: report.queues.map(({ queueId, ...figures }) => ({
            id: queueId,
            name: names.get(queueId) ?? '',
            ...figures,
          })),
          channels: report.channels,
          agents: report.agents.map(({ agentId, ...figures }) => ({
            id: agentId,
            name: names.get(agentId) ?? '',
            ...figures,
          })),
          totals: report.totals,
          generatedAt: ctx.clock.now().toISOString(),
        };
      },
    );

    app.get(
      '/api/supervisor/conversations',
      {
        schema: {
          tags: ['supervisor'],
          querystring: ZHistoryQuery,
          response: { 200: ZHistoryPage, ...queryErrors },
        },
      },
      async (request) => {
        const from = new Date(request.query.from);
        const to = new Date(request.query.to);
        checkPeriod({ from, to });
        return ctx.desk.history({ ...request.query, from, to });
      },
    );

    app.get(
      '/api/supervisor/conversations/:id',
      {
        schema: {
          tags: ['supervisor'],
          params: ZConversationParamsSchema,
          querystring: ZHistoryDetailQuery,
          response: { 200: ZHistoryDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const detail = await ctx.desk.historyDetail(request.params.id, request.query.after);
        if (!detail) {
          throw new AppError('CONVERSATION_NOT_FOUND');
        }
        return detail;
      },
    );

    app.get(
      '/api/supervisor/conversations/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['supervisor'],
          description:
            'A file the customer sent in a conversation of the history, as agents taking part read it.',
          params: ZAttachmentParamsSchema,
          response: errorResponses(400, 401, 403, 404),
        },
      },
      async (request, reply) => {
        const file = await ctx.desk.attachmentFile(request.params.id, request.params.attachmentId);
        return sendAttachment(reply, file);
      },
    );
  };
