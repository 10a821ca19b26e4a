import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { rateLimit, type RateLimitExceededEventHandler, type Store as RateLimitStore } from 'express-rate-limit';
import type { z } from 'zod';
import type { ProjectsResponse } from '../contract/projects.js';
import {
  ApplicationCredentialLoginRequest,
  LoginRequest,
  RenewRequest,
  ScopeRequest,
  TotpLoginRequest,
  type LoginChallenge,
} from '../contract/session.js';
import type { CloudConfig, LoginRateLimit } from '../config/config.js';
import { ApiError, sendError } from '../http/errors.js';
import { requestIdOf } from '../http/request-id.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { endSession, projectTokensOf, requireAuth, sessionTokens, startSession, updateSession, type AuthState } from '../session/session.js';
import { sessionStoreUnavailable } from '../session/store.js';
import {
  changeScope,
  continueRenewalWithTotp,
  continueWithTotp,
  isPendingTotp,
  projectViews,
  renewSignIn,
  revokeQuietly,
  signIn,
  signInWithApplicationCredential,
  type AuthRulesContext,
  type PendingTotp,
} from './rules.js';
import { sessionView } from './session-view.js';

export interface AuthRoutesOptions {
  keystone: KeystoneClient;
  cloud: CloudConfig;
  secureCookies: boolean;
  loginRateLimit: LoginRateLimit;
  /** Where the limits count (shared by replicas); absent: in this process's memory. */
  rateLimitStore?: (name: string) => RateLimitStore;
  /** Called once a session has a new scope (sign-in, project or region switch), with the request's id. */
  onScope?: (auth: AuthState, requestId: string) => void;
}

export const loginPath = '/api/auth/login';

declare module 'express-session' {
  interface SessionData {
    /** A password sign-in waiting for its TOTP code: Keystone's receipt stays here, never in the browser. */
    pendingLogin: PendingTotp;
    /** The same, for a signed-in session signing in again before its token ends (POST /renew). */
    pendingRenewal: PendingTotp;
  }
}

export function authRoutes({ keystone, cloud, secureCookies, loginRateLimit, rateLimitStore, onScope }: AuthRoutesOptions): Router {
  const router = express.Router();
  /** Keystone calls made for this request carry its id; failed revocations go to its log line. */
  const rulesFor = (req: Request): AuthRulesContext => ({
    keystone: keystone.forRequest(requestIdOf(req)),
    configuredRegion: cloud.region,
    onRevokeFailure: (error) => req.log.warn({ err: error }, 'could not revoke a Keystone token'),
  });
  const respondWithSession = (res: Response, auth: AuthState, csrfToken: string) =>
    res.json(sessionView(auth, csrfToken, cloud.interface));

  /** A signed-in session from now on; the tokens of the session this browser had before are revoked. */
  const completeSignIn = async (req: Request, res: Response, rules: AuthRulesContext, auth: AuthState) => {
    const previous = req.session.auth;
    const previousId = req.sessionID;
    const { csrfToken } = await startSession(req, auth);
    onScope?.(auth, requestIdOf(req));
    // startSession gave the session a new id: the project tokens under the old one are the old session's.
    if (previous) await revokeQuietly(rules, [...sessionTokens(previous), ...(await projectTokensOf(req).take(previousId))]);
    respondWithSession(res, auth, csrfToken);
  };

  router.use(express.json({ limit: '16kb' }));

  // One set of limits for every way in: failures count together per address and per account.
  const limiters = loginRateLimiters(loginRateLimit, rateLimitStore);

  router.post('/login', requireJsonFromSameOrigin, ...limiters, async (req, res) => {
    const rules = rulesFor(req);
    const request = parseBody(LoginRequest, req.body);
    delete req.session.pendingLogin;
    const result = await signIn(rules, request);
    if (!isPendingTotp(result)) return completeSignIn(req, res, rules, result);
    // Keystone wants a TOTP code too: keep its receipt here and ask the browser for the code.
    req.session.pendingLogin = result;
    if (!req.session.auth) req.session.cookie.maxAge = Math.max(0, Date.parse(result.expiresAt) - Date.now());
    await saveSession(req);
    res.json(challengeFor(result));
  });

  router.post('/login/totp', requireJsonFromSameOrigin, ...limiters, async (req, res) => {
    const { passcode } = parseBody(TotpLoginRequest, req.body);
    const pending = req.session.pendingLogin;
    if (!pending) throw noPendingCode();
    const rules = rulesFor(req);
    await forgetPendingOnRestart(req, 'pendingLogin', async () =>
      completeSignIn(req, res, rules, await continueWithTotp(rules, pending, passcode)),
    );
  });

  router.post('/login/application-credential', requireJsonFromSameOrigin, ...limiters, async (req, res) => {
    const rules = rulesFor(req);
    const request = parseBody(ApplicationCredentialLoginRequest, req.body);
    await completeSignIn(req, res, rules, await signInWithApplicationCredential(rules, request));
  });

  /**
   * Signing in again before the token ends, without leaving the page: the same user and way in, the same project
   * and region. The session gets the new token, and a new id and CSRF token (as at any sign-in); what it held is kept
   * (the old tokens retired until logout). A session that already ended gets 401 no_session, like any call.
   */
  const completeRenewal = async (req: Request, res: Response, renewed: AuthState) => {
    const { csrfToken } = await startSession(req, renewed);
    respondWithSession(res, renewed, csrfToken);
  };

  router.post('/renew', ...limiters, async (req, res) => {
    const auth = requireAuth(req);
    const request = parseBody(RenewRequest, req.body);
    delete req.session.pendingRenewal;
    const result = await renewSignIn(rulesFor(req), auth, request);
    if (!isPendingTotp(result)) return completeRenewal(req, res, result);
    req.session.pendingRenewal = result;
    await saveSession(req);
    res.json(challengeFor(result));
  });

  router.post('/renew/totp', ...limiters, async (req, res) => {
    const auth = requireAuth(req);
    const { passcode } = parseBody(TotpLoginRequest, req.body);
    const pending = req.session.pendingRenewal;
    if (!pending) throw noPendingCode();
    const rules = rulesFor(req);
    await forgetPendingOnRestart(req, 'pendingRenewal', async () =>
      completeRenewal(req, res, await continueRenewalWithTotp(rules, auth, pending, passcode)),
    );
  });

  router.get('/session', (req, res) => {
    respondWithSession(res, requireAuth(req), req.session.csrfToken ?? '');
  });

  router.get('/projects', async (req, res) => {
    const auth = requireAuth(req);
    const projects = await endSessionOnRejectedToken(req, res, rulesFor(req).keystone.listAuthProjects(auth.token));
    const body: ProjectsResponse = { projects: projectViews(projects, auth) };
    res.json(body);
  });

  router.post('/scope', async (req, res) => {
    const auth = requireAuth(req);
    const next = await changeScope(rulesFor(req), auth, parseBody(ScopeRequest, req.body));
    await updateSession(req, next);
    onScope?.(next, requestIdOf(req));
    respondWithSession(res, next, req.session.csrfToken ?? '');
  });

  router.post('/logout', async (req, res) => {
    const auth = req.session.auth;
    const projectTokens = await endSession(req, res, secureCookies);
    if (auth) await revokeQuietly(rulesFor(req), [...sessionTokens(auth), ...projectTokens]);
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

function challengeFor(pending: PendingTotp): LoginChallenge {
  return { challenge: 'totp', user: { name: pending.user.name, domain: pending.user.domain }, expiresAt: pending.expiresAt };
}

const noPendingCode = () =>
  new ApiError(401, 'No sign-in is waiting for a TOTP code: sign in with your password first', { code: 'login_restart' });

/** A receipt that ran out is forgotten, so that the next attempt starts again from the password. */
async function forgetPendingOnRestart(req: Request, key: 'pendingLogin' | 'pendingRenewal', step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'login_restart') {
      delete req.session[key];
      await saveSession(req);
    }
    throw error;
  }
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.save((error: unknown) =>
      error ? reject(error instanceof Error ? error : new Error('The session store failed', { cause: error })) : resolve(),
    ),
  );
}

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
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
function loginRateLimiters(limits: LoginRateLimit, storeFor?: (name: string) => RateLimitStore): RequestHandler[] {
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
    rateLimit({ ...common, limit: limits.maxFailuresPerIp, store: storeFor?.('ip') }),
    rateLimit({
      ...common,
      limit: limits.maxFailuresPerUsername,
      store: storeFor?.('account'),
      keyGenerator: (req) => accountKey(req) ?? '',
      skip: (req) => accountKey(req) === undefined,
    }),
  ].map(countersFailingAs503);
}

/**
 * A limiter passes on only its store's failures (Redis shared by the replicas): the sign-in is refused with a 503,
 * never let through uncounted, and never a 500.
 */
function countersFailingAs503(limiter: RequestHandler): RequestHandler {
  return (req, res, next) =>
    limiter(req, res, (error?: unknown) => next(error === undefined ? undefined : sessionStoreUnavailable(error)));
}

/**
 * The account a sign-in attempt is for: the user named (password, application credential by name), the one whose
 * password step waits for a code (TOTP), or the application credential's id (given, or the session's when it signs
 * in again). A renewal counts against the same account as a sign-in.
 */
function accountKey(req: Request): string | undefined {
  const key = (domain: string, user: string) => `${domain}/${user}`.toLowerCase();
  if (req.path === '/login/totp' || req.path === '/renew/totp') {
    const pending = req.path === '/login/totp' ? req.session?.pendingLogin : req.session?.pendingRenewal;
    return pending ? key(pending.user.domain, pending.user.name) : undefined;
  }
  if (req.path === '/renew') {
    const parsed = RenewRequest.safeParse(req.body);
    if (!parsed.success) return undefined;
    if (parsed.data.method === 'password') return key(parsed.data.userDomain, parsed.data.username);
    const credential = req.session?.auth?.signIn?.applicationCredential;
    return credential ? `application-credential/${credential.id}` : undefined;
  }
  if (req.path === '/login/application-credential') {
    const parsed = ApplicationCredentialLoginRequest.safeParse(req.body);
    if (!parsed.success) return undefined;
    const { id, username, userDomain } = parsed.data;
    return id !== undefined ? `application-credential/${id}` : key(userDomain, username ?? '');
  }
  const parsed = LoginRequest.pick({ username: true, userDomain: true }).safeParse(req.body);
  return parsed.success ? key(parsed.data.userDomain, parsed.data.username) : undefined;
}
