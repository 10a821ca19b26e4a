import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { KeystoneCatalogEntry, KeystoneDomainRef } from '../openstack/keystone-types.js';
import { ApiError } from '../http/errors.js';

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
  /**
   * Tokens of the user's other projects, rescoped from the session's token for reads across all of them
   * (everywhere/): kept until shortly before they expire, revoked at logout like the session's own.
   */
  projectTokens?: ProjectToken[];
}

/** A token of one of the user's projects and the endpoints of its catalog that the reads across projects use. */
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

export interface SessionOptions {
  secret: string;
  store: session.Store;
  secureCookies: boolean;
}

export function cookieOptions(secureCookies: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' } as const;
}

export function sessionMiddleware({ secret, store, secureCookies }: SessionOptions): RequestHandler {
  return session({
    name: sessionCookieName,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: cookieOptions(secureCookies),
  });
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

/** Every token a session holds: the current one, those of projects it switched away from, and its project tokens. */
export function sessionTokens(auth: AuthState): string[] {
  return [auth.token, ...auth.retiredTokens, ...(auth.projectTokens ?? []).map((held) => held.token)];
}

export async function endSession(req: Request, res: Response, secureCookies: boolean): Promise<void> {
  if (req.session) {
    await settle((done) => req.session.destroy(done));
  }
  if (!res.headersSent) res.clearCookie(sessionCookieName, cookieOptions(secureCookies));
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
