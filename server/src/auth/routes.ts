import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { rateLimit, type RateLimitExceededEventHandler } from 'express-rate-limit';
import { z } from 'zod';
import type { CloudConfig, LoginRateLimit } from '../config/config.js';
import { ApiError, sendError } from '../http/errors.js';
import { endSession, requireAuth, sessionTokens, startSession, updateSession, type AuthState } from '../session/session.js';
import { chooseRegion } from '../openstack/catalog.js';
import { KeystoneClient, type IssuedToken } from '../openstack/keystone.js';
import { authStateFrom, sessionView } from './session-view.js';

const name = z.string().trim().min(1).max(255);

const LoginRequest = z.object({
  username: name,
  // Passwords are taken exactly as typed: trimming would change them.
  password: z.string().min(1).max(4096),
  userDomain: name.default('Default'),
  project: name.optional(),
  projectDomain: name.optional(),
  region: name.optional(),
});

const ScopeRequest = z
  .object({ projectId: name.optional(), region: name.optional() })
  .refine((body) => body.projectId !== undefined || body.region !== undefined, {
    message: 'Give a projectId, a region, or both',
  });

export interface AuthRoutesOptions {
  keystone: KeystoneClient;
  cloud: CloudConfig;
  secureCookies: boolean;
  loginRateLimit: LoginRateLimit;
}

export const loginPath = '/api/auth/login';

export function authRoutes({ keystone, cloud, secureCookies, loginRateLimit }: AuthRoutesOptions): Router {
  const router = express.Router();
  const revokeQuietly = async (req: Request, tokens: string[]) => {
    const results = await Promise.allSettled(tokens.map((token) => keystone.revoke(token)));
    for (const result of results) {
      if (result.status === 'rejected') req.log.warn({ err: result.reason }, 'could not revoke a Keystone token');
    }
  };
  const respondWithSession = (res: Response, auth: AuthState, csrfToken: string) =>
    res.json(sessionView(auth, csrfToken, cloud.interface));

  router.use(express.json({ limit: '16kb' }));

  router.post('/login', requireJsonFromSameOrigin, ...loginRateLimiters(loginRateLimit), async (req, res) => {
    const body = parseBody(LoginRequest, req.body);
    const previous = req.session.auth;
    let issued = await keystone.passwordLogin({
      username: body.username,
      password: body.password,
      userDomain: body.userDomain,
      project: body.project ? { name: body.project, domain: body.projectDomain ?? body.userDomain } : undefined,
    });
    if (!issued.token.project) issued = await scopeToFirstProject(req, issued);
    const region = chooseRegion(issued.token.catalog ?? [], body.region, cloud.region);
    if (region === undefined) {
      await revokeQuietly(req, [issued.id]);
      throw unknownRegion(body.region);
    }
    const auth = authStateFrom(issued, region);
    const { csrfToken } = await startSession(req, auth);
    if (previous) await revokeQuietly(req, sessionTokens(previous));
    respondWithSession(res, auth, csrfToken);
  });

  /** Keystone gave an unscoped token (no default project): use the user's first project, as the contract says. */
  async function scopeToFirstProject(req: Request, unscoped: IssuedToken): Promise<IssuedToken> {
    try {
      const projects = await keystone.listAuthProjects(unscoped.id);
      const first = projects.find((project) => project.enabled);
      if (!first) throw new ApiError(403, 'This user has no project to work in', { code: 'no_project' });
      return await keystone.rescope(unscoped.id, first.id);
    } finally {
      await revokeQuietly(req, [unscoped.id]);
    }
  }

  router.get('/session', (req, res) => {
    respondWithSession(res, requireAuth(req), req.session.csrfToken ?? '');
  });

  router.get('/projects', async (req, res) => {
    const auth = requireAuth(req);
    const projects = await endSessionOnRejectedToken(req, res, keystone.listAuthProjects(auth.token));
    const knownDomains = new Map([auth.user.domain, auth.project.domain].map((domain) => [domain.id, domain.name]));
    res.json({
      projects: projects.map((project) => ({
        id: project.id,
        name: project.name,
        domainId: project.domain_id,
        domainName: knownDomains.get(project.domain_id),
        description: project.description ?? undefined,
        enabled: project.enabled,
      })),
    });
  });

  router.post('/scope', async (req, res) => {
    const auth = requireAuth(req);
    const body = parseBody(ScopeRequest, req.body);
    let next: AuthState = auth;
    if (body.projectId !== undefined && body.projectId !== auth.project.id) {
      const issued = await rescope(auth.token, body.projectId);
      const region = chooseRegion(issued.token.catalog ?? [], body.region, auth.region, cloud.region);
      if (region === undefined) {
        await revokeQuietly(req, [issued.id]);
        throw unknownRegion(body.region);
      }
      next = { ...authStateFrom(issued, region), retiredTokens: sessionTokens(auth) };
    } else if (body.region !== undefined) {
      const region = chooseRegion(auth.catalog, body.region);
      if (region === undefined) throw unknownRegion(body.region);
      next = { ...auth, region };
    }
    await updateSession(req, next);
    respondWithSession(res, next, req.session.csrfToken ?? '');
  });

  /** Keystone refuses a rescope with 401 when the user has no role there: a refusal, not a lost session. */
  async function rescope(token: string, projectId: string): Promise<IssuedToken> {
    try {
      return await keystone.rescope(token, projectId);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        throw new ApiError(403, `Cannot switch to project ${projectId}: ${error.message}`, {
          requestId: error.requestId,
          code: 'scope_refused',
        });
      }
      throw error;
    }
  }

  router.post('/logout', async (req, res) => {
    const auth = req.session.auth;
    if (auth) await revokeQuietly(req, sessionTokens(auth));
    await endSession(req, res, secureCookies);
    res.status(204).end();
  });

  async function endSessionOnRejectedToken<T>(req: Request, res: Response, call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        await endSession(req, res, secureCookies);
        throw new ApiError(401, error.message, { requestId: error.requestId, code: 'session_ended' });
      }
      throw error;
    }
  }

  return router;
}

function unknownRegion(region: string | undefined): ApiError {
  return region === undefined
    ? new ApiError(502, 'The service catalog lists no region', { code: 'no_region' })
    : new ApiError(400, `Region "${region}" is not in this project's service catalog`, { code: 'unknown_region' });
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new ApiError(400, message, { code: 'invalid_request' });
}

/**
 * Login has no CSRF token yet. Requiring JSON forces a cross-site page through a CORS preflight (which the
 * BFF never grants), and a browser-sent Origin must be this server's own.
 */
const requireJsonFromSameOrigin: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    return next(new ApiError(415, 'Sign-in expects Content-Type: application/json', { code: 'unsupported_media_type' }));
  }
  const origin = req.get('origin');
  // Behind a TLS-terminating proxy, protocol and host come from X-Forwarded-* only with ZENITH_TRUST_PROXY set.
  if (origin !== undefined && origin !== `${req.protocol}://${req.host}`) {
    return next(new ApiError(403, 'Sign-in from another origin is refused', { code: 'origin' }));
  }
  next();
};

/** Failed sign-ins only (successes do not count), per client address and per account. */
function loginRateLimiters(limits: LoginRateLimit): RequestHandler[] {
  const handler: RateLimitExceededEventHandler = (_req, res) =>
    sendError(res, new ApiError(429, 'Too many failed sign-in attempts; try again later', { code: 'rate_limited' }));
  const common = {
    windowMs: limits.windowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler,
  } as const;
  return [
    rateLimit({ ...common, limit: limits.maxFailuresPerIp }),
    rateLimit({
      ...common,
      limit: limits.maxFailuresPerUsername,
      keyGenerator: (req) => accountKey(req.body) ?? '',
      skip: (req) => accountKey(req.body) === undefined,
    }),
  ];
}

function accountKey(body: unknown): string | undefined {
  const parsed = LoginRequest.pick({ username: true, userDomain: true }).safeParse(body);
  return parsed.success ? `${parsed.data.userDomain}/${parsed.data.username}`.toLowerCase() : undefined;
}
