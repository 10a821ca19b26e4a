import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { DestinationStream, Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { KeystoneClient } from './openstack/keystone.js';
import { apiAccessRoutes } from './auth/api-access-routes.js';
import { accountRoutes } from './auth/account-routes.js';
import { authRoutes, loginPath } from './auth/routes.js';
import type { AppConfig } from './config/config.js';
import { openStackRequestIdHeader, zenithRequestIdHeader } from './contract/request-id.js';
import { ApiError, errorHandler } from './http/errors.js';
import { refuseOtherMethods } from './http/method-not-allowed.js';
import { mintRequestId, noteArrival } from './http/request-id.js';
import { UpstreamClient } from './http/upstream.js';
import { createLogger } from './logging.js';
import { openStackProxy, proxyMountPath } from './proxy/os-proxy.js';
import { everywhereMountPath } from './contract/everywhere.js';
import { everywhereRoutes } from './everywhere/routes.js';
import { defaultFanOutLimits } from './everywhere/fan-out.js';
import { ServiceVersionCache, versionsRoutes } from './proxy/versions.js';
import { bootstrapVersionServices } from './contract/bootstrap.js';
import { indexPage } from './client-app/index-page.js';
import { clientFiles } from './client-app/static-files.js';
import { resolveSessionSecret } from './session/secret.js';
import { csrfProtection, endExpiredSessions, sessionMiddleware } from './session/session.js';
import { tokenRecheck } from './session/token-recheck.js';
import { openSqliteSessionBackend, StoreFailuresAs503, type SessionBackend } from './session/store.js';

export interface AppOptions {
  /** Where log lines go (stdout by default); tests read them to prove nothing secret is logged. */
  logDestination?: DestinationStream;
  /** The process's logger, when it logs before the app exists (logDestination is then unused). */
  logger?: Logger;
  sessionBackend?: SessionBackend;
}

export interface ZenithApp {
  app: Express;
  logger: Logger;
  /** Releases the session store and upstream connections; the HTTP server is closed by its owner. */
  close: () => Promise<void>;
}

/** The whole BFF as an Express app, built from configuration alone: no listening socket, no network call. */
export function createApp(config: AppConfig, options: AppOptions = {}): ZenithApp {
  const { cloud, server } = config;
  const logger = options.logger ?? createLogger(server.logLevel, options.logDestination);
  const upstream = new UpstreamClient({ ca: cloud.ca, verify: cloud.verify, timeoutMs: server.upstreamTimeoutMs });
  const keystone = new KeystoneClient(cloud.authUrl, upstream);
  const sessions = options.sessionBackend ?? openSqliteSessionBackend(server.sessionDb);
  const secret = resolveSessionSecret(server.sessionSecret, server.stateDir);
  const versions = new ServiceVersionCache(upstream, cloud.interface);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', server.trustProxy);

  app.use(
    pinoHttp({
      logger,
      // Logged as req.id, sent upstream by the proxy and Keystone client, and returned to the browser.
      genReqId: (req, res) => {
        noteArrival(req);
        const id = mintRequestId();
        res.setHeader(zenithRequestIdHeader, id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      // Response headers are mostly our own security headers; the upstream request id is the one worth keeping.
      serializers: {
        res: (res: { statusCode: number; headers: Record<string, unknown> }) => ({
          statusCode: res.statusCode,
          openstackRequestId: res.headers[openStackRequestIdHeader],
        }),
      },
    }),
  );
  app.use(securityHeaders(server.secureCookies));

  // The client's files need no session; its pages do (they carry the session view).
  app.use(clientFiles(server.clientDist, { sourceMaps: server.sourceMaps }));

  app.use('/api', noStore);
  app.use(sessionMiddleware({ secret, store: new StoreFailuresAs503(sessions.store), projectTokens: sessions.projectTokens, secureCookies: server.secureCookies }));
  app.use(endExpiredSessions(server.secureCookies));
  app.use(tokenRecheck({ keystone, intervalMs: server.tokenRecheckMs, secureCookies: server.secureCookies, loginPath }));
  app.use(indexPage({ distDirectory: server.clientDist, versions, endpointInterface: cloud.interface }));
  app.use(csrfProtection(loginPath));
  app.use(
    '/api/auth',
    authRoutes({
      keystone,
      cloud,
      secureCookies: server.secureCookies,
      loginRateLimit: server.loginRateLimit,
      rateLimitStore: sessions.rateLimitStore,
      // The SPA's next page will want these: read them while the browser is still getting the answer.
      onScope: (auth, requestId) => versions.warm(auth, bootstrapVersionServices, requestId),
    }),
  );
  app.use('/api/auth', apiAccessRoutes({ upstream, cloud, secureCookies: server.secureCookies }));
  app.use('/api/account', accountRoutes({ keystone, secureCookies: server.secureCookies }));
  app.use('/api/versions', versionsRoutes(versions));
  app.use(
    everywhereMountPath,
    everywhereRoutes({
      keystone,
      upstream,
      endpointInterface: cloud.interface,
      secureCookies: server.secureCookies,
      // A fan-out's call waits no longer than any call to the cloud, and never so long that the page seems stuck.
      limits: { callTimeoutMs: Math.min(server.upstreamTimeoutMs, defaultFanOutLimits.callTimeoutMs) },
    }),
  );
  app.use(
    proxyMountPath,
    openStackProxy({
      upstream,
      endpointInterface: cloud.interface,
      secureCookies: server.secureCookies,
      projectTokens: { keystone, renewBeforeMs: defaultFanOutLimits.renewBeforeMs },
    }),
  );
  app.use(refuseOtherMethods);
  app.use((req, _res, next) => next(new ApiError(404, `No route for ${req.method} ${req.path}`, { code: 'not_found' })));
  app.use(errorHandler);

  return {
    app,
    logger,
    async close() {
      upstream.close();
      await sessions.close();
    },
  };
}

/**
 * The SPA's scripts and styles are files from its own origin, so the policy can refuse every inline script
 * and style, every other origin, and any framing (clickjacking).
 */
function securityHeaders(secure: boolean): RequestHandler {
  const directives: Record<string, string[]> = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  // Over plain HTTP (loopback demo) these would send the browser to an https:// that does not exist.
  if (secure) directives.upgradeInsecureRequests = [];
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: secure,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

const noStore: RequestHandler = (_req, res, next) => {
  // API answers are per user and per project: no browser or shared cache may keep them.
  res.set('Cache-Control', 'no-store');
  next();
};
