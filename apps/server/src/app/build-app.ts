import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { createChannelRegistry, createLivechatAdapter } from '@switchboard/channels';
import { AppError, type Clock } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { Config } from '../config';
import { registerErrorHandler, sendError } from '../http/error-handler';
import { adminRoutes } from '../http/routes/admin';
import { adminConfigRoutes } from '../http/routes/admin-config';
import { agentRoutes } from '../http/routes/agent';
import { authRoutes } from '../http/routes/auth';
import { conversationRoutes } from '../http/routes/conversations';
import { healthRoutes } from '../http/routes/health';
import { livechatRoutes } from '../http/routes/livechat';
import { supervisorRoutes } from '../http/routes/supervisor';
import { supervisorAgentRoutes } from '../http/routes/supervisor-agents';
import { transferRoutes } from '../http/routes/transfers';
import { createPushListener } from '../realtime/push-listener';
import { connectRedisAdapter } from '../realtime/redis-adapter';
import { createRealtime, customerRoom } from '../realtime/sockets';
import { createSupervisorListener } from '../realtime/supervisor-listener';
import type { AppContext } from './context';
import { createDeskViews } from './desk-views';
import { createEventBus } from './event-bus';
import { createHousekeeping } from './housekeeping';
import { createRoutingRunner } from './routing-runner';
import { createUseCaseRunner } from './services';
import { createTimerScheduler } from './timer-scheduler';

const BODY_LIMIT = 64 * 1024;

/**
 * The composition root: wires the store, the clock and the logger into use cases, listeners,
 * HTTP routes and sockets. Tests call it with PGlite in memory and a fake clock.
 */
export const buildApp = async ({
  config,
  store,
  clock,
  logger,
}: {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
}) => {
  const app = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const bus = createEventBus({ logger });
  const run = createUseCaseRunner({ store, bus, clock });
  const ctx: AppContext = {
    config,
    store,
    clock,
    run,
    logger,
    events: bus,
    desk: createDeskViews({ store }),
  };
  let shuttingDown = false;

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const eventsCounter = new Counter({
    name: 'switchboard_domain_events_total',
    help: 'Domain events published, by type',
    labelNames: ['type'],
    registers: [metrics],
  });
  const databaseLoad = store.database.load;
  if (databaseLoad) {
    // Embedded PGlite works on a thread of its own: the rate of this counter is how busy it is
    // (1 = always), which the process's CPU and event-loop figures do not show apart.
    new Counter({
      name: 'switchboard_database_thread_busy_seconds_total',
      help: "Time the embedded database's thread (PGlite) has spent working",
      registers: [metrics],
      async collect() {
        const { active } = await databaseLoad();
        this.reset();
        this.inc(active / 1000);
      },
    });
  }

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // After parsing, so that a route may key on the body (login: per address and account).
    hook: 'preHandler',
    errorResponseBuilder: (_req, context) =>
      new AppError('RATE_LIMITED', `Too many requests; try again in ${context.after}`),
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard API',
        description:
          'Open-source digital contact center. Errors: {statusCode, code, error, message}; codes in docs/errors.md.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
          customerToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(authRoutes(ctx));
  await app.register(adminRoutes(ctx));
  await app.register(supervisorAgentRoutes(ctx));
  await app.register(adminConfigRoutes(ctx));
  await app.register(agentRoutes(ctx));
  await app.register(conversationRoutes(ctx));
  await app.register(transferRoutes(ctx));
  await app.register(livechatRoutes(ctx));
  await app.register(supervisorRoutes(ctx));
  await app.register(healthRoutes({ ...ctx, metrics, isShuttingDown: () => shuttingDown }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasDesktop = existsSync(join(config.desktopDir, 'index.html'));
  const hasWidget = existsSync(join(config.widgetDir, 'index.html'));
  if (hasWidget) {
    await app.register(fastifyStatic, {
      root: config.widgetDir,
      prefix: '/demo/',
      decorateReply: false,
      index: 'index.html',
    });
    app.get('/demo', { schema: { hide: true } }, (_req, reply) => reply.redirect('/demo/'));
  }
  if (hasDesktop) {
    await app.register(fastifyStatic, {
      root: config.desktopDir,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      request.method === 'GET' &&
      hasDesktop &&
      !path.startsWith('/api') &&
      !path.startsWith('/socket.io')
    ) {
      // The desktop is a single-page app: its own routes load index.html.
      return reply.type('text/html').sendFile('index.html', config.desktopDir);
    }
    return sendError(reply, 'NOT_FOUND', `No route for ${request.method} ${path}`);
  });

  // Several processes on one database: socket pushes fan out through Redis. Connected before the
  // caller listens, so no push of this process is lost to the others.
  const redis = config.redisUrl ? await connectRedisAdapter({ url: config.redisUrl, logger }) : null;
  const realtime = createRealtime({
    ctx,
    httpServer: app.server,
    ...(redis ? { adapter: redis.adapter } : {}),
  });
  const routing = createRoutingRunner({ run, logger });
  const scheduler = createTimerScheduler({ run, clock, logger });
  const housekeeping = createHousekeeping({ store, logger });
  bus.subscribe((event) => {
    eventsCounter.inc({ type: event.type });
  });
  const channels = createChannelRegistry([
    createLivechatAdapter({
      transport: {
        emitToCustomer: (conversationId, payload) =>
          realtime.customers.to(customerRoom(conversationId)).emit('message.created', payload),
      },
    }),
  ]);
  bus.subscribe(createPushListener({ ctx, realtime, channels }));
  const supervisorBoard = createSupervisorListener({ ctx, realtime, clustered: redis !== null });
  bus.subscribe(supervisorBoard.listener);
  bus.subscribe(routing.listener);
  bus.subscribe(scheduler.listener);

  return {
    app,
    ctx,
    bus,
    realtime,
    routing,
    scheduler,
    /**
     * Starts what runs beside the requests: timers, the database's housekeeping (PGlite), and a
     * first routing run for what waited.
     */
    start: async () => {
      scheduler.start();
      housekeeping.start();
      await routing.request();
    },
    /** Everything that was published so far has been handled (tests). */
    settle: async () => {
      await bus.idle();
      await routing.idle();
      await bus.idle();
    },
    stop: async () => {
      shuttingDown = true;
      await scheduler.stop();
      await housekeeping.stop();
      await supervisorBoard.stop();
      // Before the sockets close, so that closing them does not count as desktops going away.
      await realtime.presence.stop();
      realtime.disconnectAll();
      await app.close();
      await realtime.close();
      await routing.idle();
      await bus.idle();
      await redis?.close();
    },
  };
};

export type SwitchboardApp = Awaited<ReturnType<typeof buildApp>>;
