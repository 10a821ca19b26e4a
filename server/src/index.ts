import type { Logger } from 'pino';
import { createApp } from './app.js';
import { ConfigError } from './config/clouds-yaml.js';
import { loadConfig, urlForLogs, type AppConfig } from './config/config.js';
import { createHttpServer } from './http/server.js';
import { createLogger } from './logging.js';
import { openSessionBackend } from './session/redis-store.js';
import type { SessionBackend } from './session/store.js';

function readConfig(): AppConfig {
  try {
    return loadConfig({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function fail(message: string): never {
  console.error(`zenith: ${message}`);
  process.exit(1);
}

/** A Redis that cannot be reached or refuses the password stops the BFF here, before it listens. */
async function openSessions({ server }: AppConfig, logger: Logger): Promise<SessionBackend> {
  try {
    const backend = await openSessionBackend(server, (error) => logger.error({ err: error }, 'Redis session store'));
    if (server.sessionRedisUrl) logger.info({ redis: urlForLogs(server.sessionRedisUrl) }, 'sessions and sign-in limits in Redis');
    return backend;
  } catch (error) {
    if (!server.sessionRedisUrl) throw error;
    fail(
      `cannot use Redis at ${urlForLogs(server.sessionRedisUrl)} (ZENITH_SESSION_REDIS_URL): ` +
        (error instanceof Error ? error.message : String(error)),
    );
  }
}

const config = readConfig();
const logger = createLogger(config.server.logLevel);
const sessionBackend = await openSessions(config, logger);
const { app, close } = createApp(config, { logger, sessionBackend });
const server = createHttpServer(app, logger);

server.listen(config.server.port, config.server.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
  logger.info(
    { cloud: config.cloud.name ?? config.cloud.authUrl, region: config.cloud.region },
    `Zenith listening on http://${host}:${port}/`,
  );
});

server.on('error', (error) => {
  logger.fatal({ err: error }, 'cannot serve');
  process.exit(1);
});

/**
 * Stop accepting, let the requests in flight finish (uploads included) for at most the drain time, then close
 * the session store and exit 0: a replica restarted by its orchestrator during an upgrade is not a failure.
 */
function shutdown(signal: NodeJS.Signals) {
  const drainMs = config.server.shutdownDrainMs;
  logger.info({ signal, drainMs }, 'shutting down: no new connections, draining requests in flight');
  const cutOff = setTimeout(() => {
    logger.warn({ drainMs }, 'requests still running after the drain time: closing their connections');
    server.closeAllConnections();
  }, drainMs).unref();
  server.close(() => {
    clearTimeout(cutOff);
    close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'could not close the session store');
        process.exit(1);
      },
    );
  });
  // Keep-alive connections waiting for their next request would hold server.close() open until they time out.
  server.closeIdleConnections();
}

process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
