import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  createChannelRegistry,
  createLivechatAdapter,
  createOutboxChannelAdapter,
} from '@switchboard/channels';
import { AppError, type Clock } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { Config } from '../config';
import {
  clientErrorHandler,
  frameworkErrors,
  registerErrorHandler,
  sendError,
  textSafeValidatorCompiler,
} from '../http/error-handler';
import { createPasswordWork } from '../http/password-work';
import { adminRoutes } from '../http/routes/admin';
import { adminConfigRoutes } from '../http/routes/admin-config';
import { adminEntryPointRoutes } from '../http/routes/admin-entry-points';
import { agentRoutes } from '../http/routes/agent';
import { authRoutes } from '../http/routes/auth';
import { conversationRoutes } from '../http/routes/conversations';
import { healthRoutes } from '../http/routes/health';
import { LIVECHAT_PREFIX, livechatRoutes } from '../http/routes/livechat';
import { mediaRoutes } from '../http/routes/media';
import { supervisorRoutes } from '../http/routes/supervisor';
import { supervisorAgentRoutes } from '../http/routes/supervisor-agents';
import { transferRoutes } from '../http/routes/transfers';
import { webhookRoutes } from '../http/routes/webhooks';
import { createPushListener } from '../realtime/push-listener';
import { connectRedisAdapter } from '../realtime/redis-adapter';
import { createRealtime, customerRoom } from '../realtime/sockets';
import { createSupervisorListener } from '../realtime/supervisor-listener';
import { simulatorRoutes } from '../simulator/simulator-routes';
import { createAttachmentFetcher } from './attachment-fetcher';
import type { AppContext } from './context';
import { createDeskViews } from './desk-views';
import { createEventBus } from './event-bus';
import { createHousekeeping } from './housekeeping';
import { createMediaLinks } from './media-links';
import { createOutboxSender } from './outbox-sender';
import { createProfileNames } from './profile-names';
import { createProviderConfigs } from './provider-configs';
import { createRedactionSweeper } from './redaction-sweeper';
import { createRoutingRunner } from './routing-runner';
import { createSecretBox, parseSecretsKey, type SecretBox } from './secret-box';
import { createUseCaseRunner } from './services';
import { createTimerScheduler } from './timer-scheduler';
import { createWebhookIntake } from './webhook-intake';

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
  secrets,
  providerFetch,
}: {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Seals entry points' secrets; default: from SECRETS_KEY (main.ts passes the data directory's key). */
  secrets?: SecretBox;
  /** How the outbox reaches the providers (tests and benches may count); default: fetch. */
  providerFetch?: typeof fetch;
}) => {
  const { trustProxy } = config;
  const app = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    // Only configured proxies may name the client's address: rate limits key on it.
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(textSafeValidatorCompiler);
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
    passwords: createPasswordWork({
      concurrency: config.passwordHashConcurrency,
      maxWaiting: config.passwordHashQueue,
    }),
  };
  let shuttingDown = false;
  const secretBox =
    secrets ??
    (() => {
      if (!config.secretsKey) {
        throw new Error('SECRETS_KEY is not set and no key was given');
      }
      return createSecretBox(parseSecretsKey(config.secretsKey));
    })();
  const providerConfigs = createProviderConfigs({ store, secrets: secretBox, config });
  const mediaLinks = createMediaLinks({ secrets: secretBox, publicUrl: config.publicUrl, clock });

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

  const webhooksRejected = new Counter({
    name: 'switchboard_webhook_rejected_total',
    help: 'Provider webhook deliveries refused, by channel and reason (signature, malformed)',
    labelNames: ['channel', 'reason'] as const,
    registers: [metrics],
  });

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
        // blob: for the files of a chat, which the widget reads with the chat's token and shows
        // from an object URL (an <img src> cannot send the token).
        imgSrc: ["'self'", 'data:', 'blob:'],
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
  await app.register(livechatRoutes(ctx), { prefix: LIVECHAT_PREFIX });
  await app.register(supervisorRoutes(ctx));
  await app.register(mediaRoutes({ ctx, links: mediaLinks }));
  await app.register(adminEntryPointRoutes({ ctx, secrets: secretBox, configs: providerConfigs }));
  await app.register(
    webhookRoutes({
      ctx,
      configs: providerConfigs,
      intake: createWebhookIntake({ run }),
      rejected: webhooksRejected,
    }),
  );
  await app.register(healthRoutes({ ...ctx, metrics, isShuttingDown: () => shuttingDown }));
  const simulator = config.simulator
    ? simulatorRoutes({
        store,
        configs: providerConfigs,
        logger,
        self: {
          publicBase: config.publicUrl,
          localBase: () => {
            const address = app.server.address();
            const port = typeof address === 'object' && address ? address.port : config.port;
            return `http://127.0.0.1:${port}`;
          },
        },
      })
    : null;
  if (simulator) {
    await app.register(simulator);
  }
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
  redis?.onResumed(() => realtime.resync());
  const routing = createRoutingRunner({ run, logger });
  const scheduler = createTimerScheduler({ run, clock, logger });
  const housekeeping = createHousekeeping({ store, logger });
  const redaction = createRedactionSweeper({ run, logger, days: config.sensitiveDataRetentionDays });
  const outbox = createOutboxSender({
    run,
    clock,
    logger,
    configs: providerConfigs,
    config,
    links: mediaLinks,
    ...(providerFetch ? { fetchFn: providerFetch } : {}),
  });
  const attachments = createAttachmentFetcher({
    run,
    logger,
    configs: providerConfigs,
    retentionDays: config.attachmentRetentionDays,
    ...(providerFetch ? { fetchFn: providerFetch } : {}),
  });
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
    createOutboxChannelAdapter('whatsapp'),
    createOutboxChannelAdapter('sms'),
    createOutboxChannelAdapter('messenger'),
  ]);
  bus.subscribe(createPushListener({ ctx, realtime, channels }));
  bus.subscribe(outbox.listener);
  bus.subscribe(attachments.listener);
  bus.subscribe(
    createProfileNames({
      run,
      configs: providerConfigs,
      logger,
      ...(providerFetch ? { fetchFn: providerFetch } : {}),
    }).listener,
  );
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
    outbox,
    attachments,
    redaction,
    /**
     * Starts what runs beside the requests: timers, the database's housekeeping (PGlite), and a
     * first routing run for what waited.
     */
    start: async () => {
      scheduler.start();
      outbox.start();
      attachments.start();
      housekeeping.start();
      redaction.start();
      await routing.request();
    },
    /** Everything that was published so far has been handled (tests). */
    settle: async () => {
      await bus.idle();
      await routing.idle();
      await bus.idle();
      await outbox.idle();
      await attachments.idle();
      await bus.idle();
    },
    stop: async () => {
      shuttingDown = true;
      await scheduler.stop();
      await outbox.stop();
      await attachments.stop();
      simulator?.stop();
      await housekeeping.stop();
      await redaction.stop();
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
