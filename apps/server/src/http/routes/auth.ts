import {
  SESSION_COOKIE,
  ZErrorResponse,
  ZLoginRequestSchema,
  ZSessionResponseSchema,
} from '@switchboard/contracts';
import { AppError, sessionExpiry, signOutAgent } from '@switchboard/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { agentOf, createRequireAgent, readAgentSession, sessionCookieOptions } from '../auth';
import { errorResponses } from '../error-responses';
import { createLoginGuard } from '../login-guard';
import { verifyPassword } from '../passwords';

const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

import { hashToken, newToken } from '../tokens';

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const requireAgent = createRequireAgent(ctx);
    const loginGuard = createLoginGuard({
      perAddress: ctx.config.loginFailuresPerAddress,
      perAccount: ctx.config.loginFailuresPerAccount,
      windowMs: LOGIN_FAILURE_WINDOW_MS,
    });
    const errors = errorResponses(400, 401, 403, 429);

    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          body: ZLoginRequestSchema,
          response: { 200: ZSessionResponseSchema, ...errors },
        },
        config: {
          rateLimit: {
            max: ctx.config.loginRateLimit,
            timeWindow: '1 minute',
            // Per address and account: one attacker can't lock out everyone, nor try many passwords.
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { email?: unknown } | null)?.email ?? '')}`,
          },
        },
      },
      async (request, reply) => {
        const origin = request.headers.origin;
        if (origin && !ctx.config.allowedOrigins.includes(origin)) {
          throw new AppError('ORIGIN_FORBIDDEN');
        }
        const { email, password } = request.body;
        loginGuard.check(request.ip, email);
        // Known and unknown accounts cost the same hash, so their answers take as long.
        const user = await ctx.store.auth.findUserByEmail(email);
        const ok = await ctx.passwords.run(() => verifyPassword(password, user?.passwordHash ?? null));
        if (!user || !ok) {
          loginGuard.failed(request.ip, email);
          throw new AppError('INVALID_CREDENTIALS');
        }
        const token = newToken();
        const csrfToken = newToken();
        const now = ctx.clock.now();
        const expiresAt = sessionExpiry({ createdAt: now, now });
        await ctx.store.auth.createSession({
          userId: user.id,
          tokenHash: hashToken(token),
          csrfToken,
          now,
          expiresAt,
        });
        reply.setCookie(SESSION_COOKIE, token, {
          ...sessionCookieOptions(ctx.config.secureCookies),
          expires: expiresAt,
        });
        const me = await ctx.store.views.getMe(user.id);
        return { user: me!, csrfToken };
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], response: { 200: ZSessionResponseSchema, 401: ZErrorResponse } } },
      async (request) => {
        const session = await readAgentSession({
          store: ctx.store,
          clock: ctx.clock,
          token: request.cookies[SESSION_COOKIE],
        });
        const me = session ? await ctx.store.views.getMe(session.userId) : null;
        if (!session || !me) {
          throw new AppError('UNAUTHENTICATED');
        }
        return { user: me, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        preValidation: requireAgent,
        schema: { tags: ['auth'], response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        const { sessionId, userId } = agentOf(request);
        await ctx.store.auth.deleteSession(sessionId);
        ctx.events.publish([{ type: 'session.ended', sessionId }]);
        // The last session of an agent going away takes the agent offline, and their offers back.
        if ((await ctx.store.auth.countLiveSessions({ userId, now: ctx.clock.now() })) === 0) {
          await ctx.run(signOutAgent, { agentId: userId });
        }
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.config.secureCookies));
        return reply.code(204).send(null);
      },
    );
  };
