import { CSRF_HEADER, SESSION_COOKIE, type TRole } from '@switchboard/contracts';
import { AppError, authorizeRole, type Clock, isSessionLive, sessionExpiry } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, safeEqual } from './tokens';

export interface AgentSession {
  sessionId: string;
  userId: string;
  role: TRole;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    agentSession: AgentSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Sliding expiry is written at most once a minute per session.
const TOUCH_EVERY_MS = 60_000;

export const sessionCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure }) as const;

/** Resolves the session cookie to a live session, or null. */
export const readAgentSession = async ({
  store,
  clock,
  token,
}: {
  store: Store;
  clock: Clock;
  token: string | undefined;
}): Promise<(AgentSession & { createdAt: Date; expiresAt: Date }) | null> => {
  if (!token || token.length > 100) {
    return null;
  }
  const now = clock.now();
  const session = await store.auth.findLiveSession({ tokenHash: hashToken(token), now });
  if (!session || !isSessionLive({ expiresAt: session.expiresAt, now })) {
    return null;
  }
  return {
    sessionId: session.id,
    userId: session.userId,
    role: session.role,
    csrfToken: session.csrfToken,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
  };
};

/**
 * preValidation hook for agent routes: a live session, and on writes the CSRF token (synchroniser
 * token in a header, which a cross-site form cannot set) plus an allowed Origin when the browser
 * sent one; with `roles`, one of those roles (core's rule). It runs before the body is validated,
 * so whoever may not call a route gets 401 or 403 whatever they sent, and learns nothing of its
 * schema; the use cases check the role again.
 */
export const createRequireAgent =
  (
    { store, clock, config }: { store: Store; clock: Clock; config: { allowedOrigins: string[] } },
    { roles }: { roles?: TRole[] } = {},
  ) =>
  async (request: FastifyRequest, _reply: FastifyReply) => {
    const { allowedOrigins } = config;
    const token = request.cookies[SESSION_COOKIE];
    const session = await readAgentSession({ store, clock, token });
    if (!session) {
      throw new AppError(token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && !allowedOrigins.includes(origin)) {
        throw new AppError('ORIGIN_FORBIDDEN');
      }
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }
    const now = clock.now();
    if (
      session.expiresAt.getTime() - sessionExpiry({ createdAt: session.createdAt, now }).getTime() <
      -TOUCH_EVERY_MS
    ) {
      await store.auth.touchSession({
        id: session.sessionId,
        now,
        expiresAt: sessionExpiry({ createdAt: session.createdAt, now }),
      });
    }
    if (roles) {
      authorizeRole({ role: session.role, allowed: roles });
    }
    request.agentSession = {
      sessionId: session.sessionId,
      userId: session.userId,
      role: session.role,
      csrfToken: session.csrfToken,
    };
  };

export const agentOf = (request: FastifyRequest): AgentSession => {
  if (!request.agentSession) {
    throw new AppError('UNAUTHENTICATED');
  }
  return request.agentSession;
};

/** The acting agent's display name, as system lines and messages carry it. */
export const agentNameOf = async (store: Store, userId: string): Promise<string> =>
  (await store.views.getMe(userId))?.name ?? 'Agent';
