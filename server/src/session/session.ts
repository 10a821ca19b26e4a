import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { KeystoneCatalogEntry, KeystoneDomainRef } from '../openstack/keystone-types.js';
import { ApiError } from '../http/errors.js';
import type { ProjectTokenStore } from './project-token-store.js';
import { sessionStoreUnavailable } from './store.js';

export const sessionCookieName = 'zenith.sid';

/** Everything the BFF knows about a signed-in user. Stored server-side only; the token never leaves. */
export interface AuthState {
  token: string;
  expiresAt: string;
  user: { id: string; name: string; domain: KeystoneDomainRef };
  project: { id: string; name: string; domain: KeystoneDomainRef };
  roles: string[];
  catalog: KeystoneCatalogEntry[];
  region: string;
  /**
   * Tokens of the projects this session left. They stay valid until logout so that requests already in
   * flight when the user switched project finish instead of failing with a 401 that would end the session.
   */
  retiredTokens: string[];
  /**
   * How the session was made (Keystone's methods of its first token, the application credential if one): kept
   * across project switches. Sessions stored before this field existed were password sign-ins.
   */
  signIn?: { methods: string[]; applicationCredential?: { id: string; name: string } };
}

/**
 * A token of one of the user's projects and the endpoints of its catalog that the reads across projects use. Rescoped
 * from the session's token for reads across projects (everywhere/) and calls in a row's scope, kept until shortly
 * before it expires, beside the session and not in it (ProjectTokenStore), revoked at logout like the session's own.
 */
export interface ProjectToken {
  projectId: string;
  /** Named in the line that reports the project gone (no longer the user's). */
  projectName: string;
  token: string;
  expiresAt: string;
  /** Keystone substitutes the project into some URLs (Cinder's /v3/<project_id>): each token's own catalog counts. */
  endpoints: { serviceType: string; region: string; url: string }[];
}

declare module 'express-session' {
  interface SessionData {
    auth: AuthState;
    csrfToken: string;
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by sessionMiddleware: where this session's project tokens are (projectTokensOf, endSession). */
    projectTokenStore?: ProjectTokenStore;
  }
}

export interface SessionOptions {
  secret: string;
  store: session.Store;
  projectTokens: ProjectTokenStore;
  secureCookies: boolean;
}

export function cookieOptions(secureCookies: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' } as const;
}

export function sessionMiddleware({ secret, store, projectTokens, secureCookies }: SessionOptions): RequestHandler {
  const sessions = session({
    name: sessionCookieName,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: cookieOptions(secureCookies),
  });
  const tokens = new TokenStoreFailuresAs503(projectTokens);
  return (req, res, next) => {
    req.projectTokenStore = tokens;
    sessions(req, res, next);
  };
}

/** A failure of the project token store is the session store's (a 503), as StoreFailuresAs503 makes it for sessions. */
class TokenStoreFailuresAs503 implements ProjectTokenStore {
  constructor(private readonly inner: ProjectTokenStore) {}

  get(sid: string): Promise<ProjectToken[]> {
    return this.inner.get(sid).catch(storeFailed);
  }

  change(sid: string, gained: readonly ProjectToken[], dropped: readonly string[], expiresAt: string): Promise<void> {
    return this.inner.change(sid, gained, dropped, expiresAt).catch(storeFailed);
  }

  take(sid: string): Promise<string[]> {
    return this.inner.take(sid).catch(storeFailed);
  }
}

function storeFailed(cause: unknown): never {
  throw sessionStoreUnavailable(cause);
}

/** The store of this request's project tokens: only the routes that use them read it. */
export function projectTokensOf(req: Request): ProjectTokenStore {
  if (!req.projectTokenStore) throw new Error('sessionMiddleware did not run before a route that uses project tokens');
  return req.projectTokenStore;
}

export function isExpired(auth: AuthState, now = Date.now()): boolean {
  return Date.parse(auth.expiresAt) <= now;
}

/** A session never outlives its token: once expires_at has passed the session is gone, whatever the cookie says. */
export function endExpiredSessions(secureCookies: boolean): RequestHandler {
  return async (req, res, next) => {
    const auth = req.session?.auth;
    if (auth && isExpired(auth)) await endSession(req, res, secureCookies);
    next();
  };
}

export function requireAuth(req: Request): AuthState {
  const auth = req.session?.auth;
  if (!auth || isExpired(auth)) throw new ApiError(401, 'Not signed in', { code: 'no_session' });
  return auth;
}

/** A fresh session id at login, so an id planted before login (session fixation) is worth nothing after. */
export async function startSession(req: Request, auth: AuthState): Promise<{ csrfToken: string }> {
  await settle((done) => req.session.regenerate(done));
  const csrfToken = randomBytes(32).toString('base64url');
  req.session.csrfToken = csrfToken;
  await updateSession(req, auth);
  return { csrfToken };
}

/** Stores the new sign-in state; the cookie and the stored row expire with its token. */
export async function updateSession(req: Request, auth: AuthState): Promise<void> {
  req.session.auth = auth;
  req.session.cookie.maxAge = Math.max(0, Date.parse(auth.expiresAt) - Date.now());
  await settle((done) => req.session.save(done));
}

/**
 * The session as the store holds it now: a long request (a fan-out) reloads it before saving what it learnt, so that
 * it never puts back the scope or tokens another request changed meanwhile. Rejects when the session is gone.
 */
export function reloadSession(req: Request): Promise<void> {
  return settle((done) => req.session.reload(done));
}

/** The tokens the session itself holds: the current one and those of projects it switched away from. */
export function sessionTokens(auth: AuthState): string[] {
  return [auth.token, ...auth.retiredTokens];
}

/**
 * Ends the session and deletes its project tokens, returned for the callers that revoke. Deleted after the session:
 * a request that keeps a token meanwhile finds the session gone and revokes it itself (keepTokens).
 */
export async function endSession(req: Request, res: Response, secureCookies: boolean): Promise<string[]> {
  let projectTokens: string[] = [];
  if (req.session) {
    const sid = req.sessionID;
    await settle((done) => req.session.destroy(done));
    projectTokens = await projectTokensOf(req).take(sid);
  }
  if (!res.headersSent) res.clearCookie(sessionCookieName, cookieOptions(secureCookies));
  return projectTokens;
}

/** express-session's methods take Node-style callbacks. */
function settle(run: (done: (error: unknown) => void) => unknown): Promise<void> {
  return new Promise((resolve, reject) =>
    run((error) => (error ? reject(error instanceof Error ? error : new Error('The session store failed', { cause: error })) : resolve())),
  );
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer-token CSRF defence: state-changing requests of a signed-in session must echo the token the
 * session was given at login. Requests without a session carry no authority and fall through to the 401
 * of whatever they asked for. Login (and its steps under loginPath/) is exempt (it has no session yet) and is
 * guarded by its own checks.
 */
export function csrfProtection(loginPath: string): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    if (req.method === 'POST' && (req.path === loginPath || req.path.startsWith(`${loginPath}/`))) return next();
    const expected = req.session?.auth ? req.session.csrfToken : undefined;
    if (expected === undefined) return next();
    const given = req.get('x-csrf-token');
    if (given === undefined || !sameSecret(given, expected)) {
      return next(new ApiError(403, 'Missing or wrong X-CSRF-Token header', { code: 'csrf' }));
    }
    next();
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
