import type { Server as HttpServer } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import {
  AGENT_NAMESPACE,
  type AgentClientToServer,
  type AgentServerToClient,
  CUSTOMER_NAMESPACE,
  type CustomerClientToServer,
  type CustomerServerToClient,
  SESSION_COOKIE,
  ZCustomerTypingEvent,
  ZId,
  ZTypingEvent,
} from '@switchboard/contracts';
import { AppError, ERROR_CATALOGUE } from '@switchboard/core';
import { type Namespace, Server, type ServerOptions, type Socket } from 'socket.io';
import type { AppContext } from '../app/context';
import { readAgentSession } from '../http/auth';
import { hashToken, safeEqual } from '../http/tokens';
import { createAgentPresence } from './presence';
import { createSocketGuard } from './socket-guard';
import { createTypingRelay } from './typing-relay';

const SESSION_SWEEP_MS = 60_000;
/** At most this many typing pushes a second per conversation and direction, whatever clients send. */
const TYPING_INTERVAL_MS = 300;
const PARTICIPANTS_TTL_MS = 1000;

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const customerRoom = (conversationId: string) => `customer:${conversationId}`;

type AgentData = { userId: string; sessionId: string };
type CustomerData = { conversationId: string };
type AgentSocket = Socket<AgentClientToServer, AgentServerToClient, Record<string, never>, AgentData>;
type CustomerSocket = Socket<
  CustomerClientToServer,
  CustomerServerToClient,
  Record<string, never>,
  CustomerData
>;

export type RealtimeServer = ReturnType<typeof createRealtime>;

const connectError = (code: keyof typeof ERROR_CATALOGUE) => {
  const err = new Error(ERROR_CATALOGUE[code].message) as Error & { data: unknown };
  err.data = { code };
  return err;
};

/**
 * Socket.IO: agents authenticate with the session cookie, customers with their conversation token,
 * both at the handshake. Browsers always send Origin for cross-site requests; one not allowed is
 * refused before any handshake (cross-site WebSocket hijacking).
 */
export const createRealtime = ({
  ctx,
  httpServer,
  adapter,
}: {
  ctx: AppContext;
  httpServer: HttpServer;
  /** Fan-out to the sockets of other server processes (Redis); in-memory when absent. */
  adapter?: ServerOptions['adapter'];
}) => {
  const io = new Server(httpServer, {
    ...(adapter ? { adapter } : {}),
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Polling from an embedding site needs CORS; who may connect is decided per namespace below.
    cors: { origin: true, credentials: false },
  });

  const perSecond = ctx.config.socketEventRateLimit;
  const guard = createSocketGuard({
    logger: ctx.logger,
    perSocket: { burst: perSecond * 2, perSecond },
    // A customer may have the chat open in several tabs, an agent the desktop in several windows.
    perKey: { burst: perSecond * 4, perSecond: perSecond * 2 },
    connectionsPerKey: { burst: 30, perSecond: 1 },
    floodStrikes: 100,
    floodWindowMs: 10_000,
  });

  const typingRelay = createTypingRelay({
    intervalMs: TYPING_INTERVAL_MS,
    participantsTtlMs: PARTICIPANTS_TTL_MS,
    readParticipants: (conversationId) => ctx.store.views.listLiveParticipantIds(conversationId),
    toAgents: (conversationId, agentIds, typing) => {
      for (const userId of agentIds) {
        io.of(AGENT_NAMESPACE).to(userRoom(userId)).emit('typing', { conversationId, typing });
      }
    },
    toCustomer: (conversationId, typing) =>
      io.of(CUSTOMER_NAMESPACE).to(customerRoom(conversationId)).emit('typing', { typing }),
    logger: ctx.logger,
  });

  const originAllowed = (origin: string | undefined, allowed: true | string[]) =>
    !origin || allowed === true || allowed.includes(origin);

  const agents = io.of(AGENT_NAMESPACE) as unknown as Namespace<
    AgentClientToServer,
    AgentServerToClient,
    Record<string, never>,
    AgentData
  >;
  agents.use(async (socket, next) => {
    // The agent namespace trusts a cookie, so only the desktop's own origins may open it.
    if (!originAllowed(socket.handshake.headers.origin, ctx.config.allowedOrigins)) {
      return next(connectError('ORIGIN_FORBIDDEN'));
    }
    try {
      const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
      const session = await readAgentSession({
        store: ctx.store,
        clock: ctx.clock,
        token: cookies[SESSION_COOKIE],
      });
      if (!session) {
        return next(connectError('UNAUTHENTICATED'));
      }
      if (!guard.admit(`agent:${session.userId}`)) {
        return next(connectError('RATE_LIMITED'));
      }
      socket.data.userId = session.userId;
      socket.data.sessionId = session.sessionId;
      await socket.join([userRoom(session.userId), sessionRoom(session.sessionId)]);
      return next();
    } catch (err) {
      ctx.logger.error({ err }, 'agent socket handshake failed');
      return next(connectError('INTERNAL'));
    }
  });
  const presence = createAgentPresence({
    ctx,
    graceMs: ctx.config.agentDisconnectGraceMs,
    // Cluster-wide through the adapter: the agent may have come back on another process.
    countSockets: async (userId) => (await agents.in(userRoom(userId)).fetchSockets()).length,
    hasLocalSocket: (userId) => (agents.adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0,
    localUserIds: () => [...new Set([...agents.sockets.values()].map((s) => s.data.userId))],
  });
  agents.on('connection', (socket: AgentSocket) => {
    guard.limit(socket, `agent:${socket.data.userId}`);
    presence.connected(socket.data.userId);
    socket.on('disconnect', () => presence.disconnected(socket.data.userId));
    socket.on(
      'typing',
      guard.handler(ZTypingEvent, async ({ conversationId, typing }) => {
        if (!(await typingRelay.participantsOf(conversationId)).includes(socket.data.userId)) {
          throw new AppError('NOT_A_PARTICIPANT');
        }
        typingRelay.fromAgent(conversationId, typing);
      }),
    );
  });

  const customers = io.of(CUSTOMER_NAMESPACE) as unknown as Namespace<
    CustomerClientToServer,
    CustomerServerToClient,
    Record<string, never>,
    CustomerData
  >;
  customers.use(async (socket, next) => {
    if (!originAllowed(socket.handshake.headers.origin, ctx.config.widgetOrigins)) {
      return next(connectError('ORIGIN_FORBIDDEN'));
    }
    try {
      const auth = socket.handshake.auth as { token?: unknown; conversationId?: unknown };
      const token = typeof auth.token === 'string' ? auth.token : '';
      const id = ZId.safeParse(auth.conversationId);
      if (!token || !id.success) {
        return next(connectError('UNAUTHENTICATED'));
      }
      const conversationId = id.data;
      if (!guard.admit(`customer:${conversationId}`)) {
        return next(connectError('RATE_LIMITED'));
      }
      const stored = await ctx.store.views.getCustomerTokenHash(conversationId);
      if (!stored || !safeEqual(hashToken(token), stored)) {
        return next(connectError('UNAUTHENTICATED'));
      }
      socket.data.conversationId = conversationId;
      await socket.join(customerRoom(conversationId));
      return next();
    } catch (err) {
      ctx.logger.error({ err }, 'customer socket handshake failed');
      return next(connectError('INTERNAL'));
    }
  });
  customers.on('connection', (socket: CustomerSocket) => {
    guard.limit(socket, `customer:${socket.data.conversationId}`);
    socket.on(
      'typing',
      guard.handler(ZCustomerTypingEvent, ({ typing }) => {
        typingRelay.fromCustomer(socket.data.conversationId, typing);
      }),
    );
  });

  /**
   * A socket authenticates once, at the handshake; its session can end later (logout, expiry).
   * Sockets whose session is no longer live are closed, so a logged-out browser hears nothing more.
   */
  // Each process sweeps its own sockets, with one query for all of them: with a thousand agents
  // connected, a thousand look-ups a minute would crowd out the work users wait for.
  const dropDeadSessions = async () => {
    const sockets = [...agents.sockets.values()];
    if (sockets.length === 0) {
      return;
    }
    const live = await ctx.store.auth.findLiveSessionIds({
      ids: [...new Set(sockets.map((s) => s.data.sessionId))],
      now: ctx.clock.now(),
    });
    for (const socket of sockets) {
      if (!live.has(socket.data.sessionId)) {
        socket.disconnect(true);
      }
    }
  };
  const sessionSweep = setInterval(() => {
    dropDeadSessions().catch((err) => ctx.logger.warn({ err }, 'session sweep failed'));
  }, SESSION_SWEEP_MS);
  sessionSweep.unref();

  return {
    io,
    agents,
    /** Agents whose desktop is gone leave routing after a grace period; stop before closing sockets. */
    presence,
    dropDeadSessions,
    customers,
    /**
     * Closes every client connection of this process, in every namespace, so the HTTP server can
     * close. Local only: through the Redis adapter a plain disconnectSockets would also drop the
     * sockets held by the other server processes.
     */
    disconnectAll: () => {
      agents.local.disconnectSockets(true);
      customers.local.disconnectSockets(true);
      io.engine.close();
    },
    disconnectSession: (sessionId: string) => agents.in(sessionRoom(sessionId)).disconnectSockets(true),
    /**
     * Tells this process's desktops and widgets to catch up from the store, as after a reconnect:
     * after a Redis outage, what the other processes pushed meanwhile never reached them. Local
     * only: every process tells its own.
     */
    resync: () => {
      agents.local.emit('resync');
      customers.local.emit('resync');
    },
    // The HTTP server is Fastify's to close; this ends Socket.IO's own timers and adapters.
    close: async () => {
      clearInterval(sessionSweep);
      guard.close();
      typingRelay.stop();
      await presence.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
};
