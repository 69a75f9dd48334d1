import { ZSupervisorOverview, ZSupervisorReport, ZSupervisorReportQuery } from '@switchboard/contracts';
import { buildPeriodReport, checkReportPeriod } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { createRequireAgent } from '../auth';
import { errorResponses } from '../error-responses';

/**
 * The supervisor's live board (pushes of the same snapshot follow on `supervisor.overview`), and the
 * report of a period.
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
        checkReportPeriod({ from, to });
        const facts = await ctx.store.supervisor.getReportFacts({ from, to });
        const report = buildPeriodReport(facts);
        const queueNames = new Map(facts.queues.map((q) => [q.id, q.name]));
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          queues: report.queues.map(({ queueId, ...figures }) => ({
            id: queueId,
            name: queueNames.get(queueId) ?? '',
            ...figures,
          })),
          agents: report.agents
            .map(({ agentId, ...figures }) => ({
              id: agentId,
              name: facts.agentNames.get(agentId) ?? '',
              ...figures,
            }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          totals: report.totals,
          generatedAt: ctx.clock.now().toISOString(),
        };
      },
    );
  };
