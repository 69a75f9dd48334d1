import { resolve } from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** When set, Socket.IO fans out through Redis, so several server processes can share one database. */
  REDIS_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  /** Comma-separated origins allowed to call the API with cookies and to open sockets. */
  ALLOWED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Failed log-ins per 15 minutes from one address (over all accounts), and to one account. */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
  /** Password hashes (128 MiB each) run at once, and how many may wait their turn. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(200),
  CHAT_START_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Sites that may embed the live-chat widget: `*` (any; its API uses tokens, not cookies) or a comma-separated list. */
  WIDGET_ORIGINS: z.string().default('*'),
  /**
   * Whose X-Forwarded-For to believe: unset or `false` (nobody: the peer's address counts), a
   * comma-separated list of proxy addresses or CIDRs, or a hop count.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'false, a hop count, or addresses/CIDRs separated by commas',
    )
    .default('false'),
  /** Socket events one socket may send a second (twice that at once); past it they are refused. */
  SOCKET_EVENT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** How long an agent's desktop may be gone (no socket anywhere) before they are taken offline. */
  AGENT_DISCONNECT_GRACE_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  ATTACHMENT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  /** Ended conversations' stored values (cards, IBANs, ids, e-mails, phones) are overwritten masked this many days after; 0 keeps them. */
  SENSITIVE_DATA_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  /** 32 bytes (hex or base64) sealing entry points' secrets; unset: a key file in DATA_DIR. */
  SECRETS_KEY: z.string().optional(),
  /** The providers' API addresses: the real ones unless a test or the simulator points elsewhere. */
  WHATSAPP_API_URL: z.string().url().default('https://graph.facebook.com'),
  TWILIO_API_URL: z.string().url().default('https://api.twilio.com'),
  MESSENGER_API_URL: z.string().url().default('https://graph.facebook.com'),
  /** A bearer token Prometheus sends for GET /metrics; unset, only this host may read them. */
  METRICS_TOKEN: z.string().trim().min(16, 'at least 16 characters').optional(),
  /** The provider simulator at /simulator: on with the demo data unless set. */
  SIMULATOR: z.enum(['true', 'false']).optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  allowedOrigins: string[];
  logLevel: string;
  seedDemo: boolean;
  secureCookies: boolean;
  loginRateLimit: number;
  loginFailuresPerAddress: number;
  loginFailuresPerAccount: number;
  passwordHashConcurrency: number;
  passwordHashQueue: number;
  chatStartRateLimit: number;
  /** `true` for any site, else the list of origins. */
  widgetOrigins: true | string[];
  agentDisconnectGraceMs: number;
  /** Customers' files are removed this many days after they arrived; 0 keeps them. */
  attachmentRetentionDays: number;
  sensitiveDataRetentionDays: number;
  socketEventRateLimit: number;
  /** Fastify's trustProxy: false, a hop count, or the addresses and CIDRs of trusted proxies. */
  trustProxy: false | number | string[];
  /** GET /metrics wants `Authorization: Bearer <this>`; null: only requests from this host, not forwarded. */
  metricsToken: string | null;
  /** SECRETS_KEY, parsed; null: the caller provides one (main.ts: a key file in the data directory). */
  secretsKey: string | null;
  providerApiUrls: { whatsapp: string; sms: string; messenger: string };
  simulator: boolean;
  desktopDir: string;
  widgetDir: string;
}

const here = import.meta.dirname;

/** Configuration from the environment; a wrong value stops the start with a message naming it. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const origins = new Set([
    new URL(publicUrl).origin,
    `http://localhost:${e.PORT}`,
    `http://127.0.0.1:${e.PORT}`,
  ]);
  for (const o of e.ALLOWED_ORIGINS?.split(',') ?? []) {
    if (o.trim()) {
      origins.add(new URL(o.trim()).origin);
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: resolve(e.DATA_DIR),
    publicUrl,
    allowedOrigins: [...origins],
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'true',
    secureCookies: publicUrl.startsWith('https:'),
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    loginFailuresPerAccount: e.LOGIN_FAILURES_PER_ACCOUNT,
    passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY,
    passwordHashQueue: e.PASSWORD_HASH_QUEUE,
    chatStartRateLimit: e.CHAT_START_RATE_LIMIT,
    widgetOrigins:
      e.WIDGET_ORIGINS.trim() === '*'
        ? true
        : e.WIDGET_ORIGINS.split(',')
            .map((o) => o.trim())
            .filter(Boolean)
            .map((o) => new URL(o).origin),
    agentDisconnectGraceMs: Math.round(e.AGENT_DISCONNECT_GRACE_SECONDS * 1000),
    attachmentRetentionDays: e.ATTACHMENT_RETENTION_DAYS,
    sensitiveDataRetentionDays: e.SENSITIVE_DATA_RETENTION_DAYS,
    socketEventRateLimit: e.SOCKET_EVENT_RATE_LIMIT,
    trustProxy:
      e.TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY.split(',').map((a) => a.trim()),
    secretsKey: e.SECRETS_KEY ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    providerApiUrls: { whatsapp: e.WHATSAPP_API_URL, sms: e.TWILIO_API_URL, messenger: e.MESSENGER_API_URL },
    simulator: e.SIMULATOR === undefined ? e.SEED_DEMO === 'true' : e.SIMULATOR === 'true',
    desktopDir: resolve(here, '../../desktop/dist'),
    widgetDir: resolve(here, '../../widget/dist'),
  };
};
