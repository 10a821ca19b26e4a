import { createApp } from './app.js';
import { ConfigError } from './config/clouds-yaml.js';
import { loadConfig, type AppConfig } from './config/config.js';
import { createHttpServer } from './http/server.js';

const shutdownGraceMs = 10_000;

function readConfig(): AppConfig {
  try {
    return loadConfig({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`zenith: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const { app, logger, close } = createApp(config);
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

/** Stop accepting, let running requests finish (uploads included) for a while, then close the store. */
function shutdown(signal: NodeJS.Signals) {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    logger.warn('requests still running after the grace period; closing them');
    server.closeAllConnections();
  }, shutdownGraceMs).unref();
}

process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
