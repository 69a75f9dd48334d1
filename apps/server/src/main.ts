import { createStore, DEMO_PASSWORD, DEMO_USERS, openDatabase, seedDemoData } from '@switchboard/store';
import pino from 'pino';
import { buildApp } from './app/build-app';
import { logSerializers } from './app/log-redaction';
import { createSecretBox, loadOrCreateKeyFile, parseSecretsKey } from './app/secret-box';
import { loadConfig } from './config';
import { hashPassword } from './http/passwords';
import { seedSimulatorEntryPoints } from './simulator/simulator-seed';

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    process.stderr.write(`switchboard: ${(err as Error).message}\n`);
    process.exit(1);
  }
})();
const logger = pino({ level: config.logLevel, serializers: logSerializers });
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onIdleError: (err) => logger.warn({ err }, 'idle database connection lost'),
  // Embedded PGlite's thread failed: nothing can be stored any more. Exit, so that whatever runs
  // the server (systemd, Docker, Kubernetes) starts it again.
  onThreadExit: (err) => {
    logger.fatal({ err }, 'the embedded database stopped');
    process.exit(1);
  },
});
await database.migrate();
const { seeded } = config.seedDemo
  ? await seedDemoData({ db: database.db, hashPassword })
  : { seeded: false };
const store = createStore(database);
const clock = { now: () => new Date() };
const secrets = createSecretBox(
  config.secretsKey ? parseSecretsKey(config.secretsKey) : await loadOrCreateKeyFile(config.dataDir),
);
const server = await buildApp({ config, store, clock, logger, secrets });
if (config.simulator) {
  await seedSimulatorEntryPoints({ store, secrets });
}
await server.app.listen({ port: config.port, host: config.host });
await server.start();

const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
process.stdout.write(
  [
    '',
    `Switchboard is running on ${where}${seeded ? ', with demo data' : ''}.`,
    `  Agent desktop:   ${config.publicUrl}/`,
    `  Customer demo:   ${config.publicUrl}/demo`,
    config.simulator ? `  Provider simulator (WhatsApp, SMS, Messenger): ${config.publicUrl}/simulator` : '',
    `  API reference:   ${config.publicUrl}/api/openapi.json`,
    config.seedDemo
      ? `  Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ')}`
      : '',
    '',
    '',
  ].join('\n'),
);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) {
    return;
  }
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await server.stop();
    await database.close();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
