import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from '../http/errors.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { endSession } from './session.js';

export interface TokenRecheckOptions {
  keystone: Pick<KeystoneClient, 'tokenStands'>;
  /** The least time between two questions about one token; 0 asks none. */
  intervalMs: number;
  secureCookies: boolean;
  /** Requests under this path sign in: an ended session lets them through, to make a new one. */
  loginPath: string;
  now?: () => number;
}

/**
 * A token revoked in Keystone (`openstack token revoke`, an administrator disabling the user) goes on working with
 * every service that already accepted it: keystonemiddleware keeps an accepted token for its token_cache_time, 300 s
 * by default. Keystone itself knows at once, so the BFF asks it, off the request's path and at most once per interval
 * per token; once Keystone says no, the session ends on its next request (401 session_ended), whichever service that
 * request is for. Each replica asks for the sessions it serves: one small call per replica, session and interval.
 * Keystone failing to answer is not a verdict on the token: the session goes on.
 */
export function tokenRecheck({ keystone, intervalMs, secureCookies, loginPath, now = Date.now }: TokenRecheckOptions): RequestHandler {
  if (intervalMs === 0) return (_req, _res, next) => next();
  const askedAt = new Map<string, number>();
  /** Tokens Keystone refused, with when: kept until their session's next request, or swept like the rest. */
  const refused = new Map<string, number>();
  let sweptAt = now();

  // Sessions that stopped calling leave their entries behind: dropped once they are two intervals old (a refused
  // token's session coming back later is still refused, by the service or the next question).
  const sweep = (time: number) => {
    if (time - sweptAt < intervalMs) return;
    sweptAt = time;
    for (const entries of [askedAt, refused]) {
      for (const [digest, at] of entries) if (time - at > 2 * intervalMs) entries.delete(digest);
    }
  };

  return async (req, res, next) => {
    const auth = req.session?.auth;
    if (!auth) return next();
    const digest = createHash('sha256').update(auth.token).digest('base64url');
    if (refused.delete(digest)) {
      askedAt.delete(digest);
      await endSession(req, res, secureCookies);
      const signingIn = req.path === loginPath || req.path.startsWith(`${loginPath}/`);
      if (!req.path.startsWith('/api/') || signingIn) return next();
      return next(new ApiError(401, 'Keystone no longer accepts this session\u2019s token: it was revoked', { code: 'session_ended' }));
    }
    const time = now();
    sweep(time);
    const last = askedAt.get(digest);
    if (last === undefined || time - last >= intervalMs) {
      askedAt.set(digest, time);
      keystone.tokenStands(auth.token).then(
        (stands) => {
          if (stands) return;
          refused.set(digest, now());
          req.log.info('Keystone no longer accepts a session\u2019s token: the session ends on its next request');
        },
        (error: unknown) => req.log.warn({ err: error }, 'could not ask Keystone whether a session\u2019s token stands'),
      );
    }
    next();
  };
}
