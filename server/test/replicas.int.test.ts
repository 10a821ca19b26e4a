// Two BFF instances on one Redis, as replicas behind a load balancer: what one writes, the other reads.
import { randomBytes } from 'node:crypto';
import type { SessionData } from 'express-session';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../src/contract/session.js';
import { redisSessionPrefix } from '../src/session/redis-store.js';
import type { AuthState } from '../src/session/session.js';
import {
  json,
  LogCapture,
  signedSessionCookie,
  startZenith,
  TestBrowser,
  type RunningZenith,
  removeTemporaryDirectories,
} from '../src/testing/harness.js';
import { credentials, integrationConfig, keystoneValidates, testRedisUrl, waitForCloud } from './support.js';

// Replicas share the cookie-signing secret, as they must in production.
const secret = randomBytes(32).toString('base64url');
const logs = new LogCapture();
const redis = createClient({ url: testRedisUrl() });
let first: RunningZenith;
let second: RunningZenith;

/** A replica: its own state directory, the shared Redis and secret; three failed sign-ins per account allowed. */
async function replica(): Promise<RunningZenith> {
  const config = integrationConfig();
  config.server.sessionRedisUrl = testRedisUrl();
  config.server.sessionSecret = secret;
  config.server.loginRateLimit = { ...config.server.loginRateLimit, windowMs: 60_000, maxFailuresPerUsername: 3 };
  return startZenith(config, logs);
}

beforeAll(async () => {
  await waitForCloud();
  await redis.connect();
  [first, second] = await Promise.all([replica(), replica()]);
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  if (redis.isOpen) await redis.close();
  removeTemporaryDirectories();
});

async function signInOn(zenith: RunningZenith): Promise<{ browser: TestBrowser; view: SessionView }> {
  const browser = new TestBrowser(zenith.baseUrl);
  const { username, password } = credentials('zenith-demo');
  const response = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
  expect(response.status).toBe(200);
  const view = json<SessionView>(response);
  browser.csrfToken = view.csrfToken;
  return { browser, view };
}

/** The same browser (cookie and CSRF token) talking to another replica. */
function sameBrowserOn(zenith: RunningZenith, browser: TestBrowser): TestBrowser {
  const moved = new TestBrowser(zenith.baseUrl);
  moved.cookie = browser.cookie;
  moved.csrfToken = browser.csrfToken;
  return moved;
}

const sessionKey = (browser: TestBrowser) =>
  `${redisSessionPrefix}${decodeURIComponent(browser.cookie?.split('=')[1] ?? '').slice(2).split('.')[0]}`;

describe('two replicas on one Redis', () => {
  it('reads on one the session signed in on the other, CSRF token and project switch included, without rewriting it', async () => {
    const { browser, view } = await signInOn(first);
    const stored = await redis.get(sessionKey(browser));
    expect(stored).not.toBeNull();
    const ttlAtSignIn = await redis.pTTL(sessionKey(browser));
    // Long enough for a touch (which would set the key's TTL again, in whole seconds) to show.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const onSecond = sameBrowserOn(second, browser);
    const session = await onSecond.send('/api/auth/session');
    expect(session.status).toBe(200);
    expect(json<SessionView>(session)).toEqual(view);
    expect((await onSecond.send('/api/os/compute/servers')).status).toBe(200);
    // Reads did not write the session (no touch): the stored value is the one sign-in wrote, its TTL still running down.
    expect(await redis.get(sessionKey(browser))).toBe(stored);
    expect(await redis.pTTL(sessionKey(browser))).toBeLessThan(ttlAtSignIn - 1000);

    // A write on the second replica, with the CSRF token the first one issued; the first sees its result.
    const scoped = await onSecond.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(scoped.status).toBe(200);
    const back = await browser.send('/api/auth/session');
    expect(json<SessionView>(back).region).toBe('RegionTwo');
    expect((await onSecond.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionOne' }, csrf: false })).status).toBe(403);
  });

  it('keeps the session in Redis exactly as long as its Keystone token', async () => {
    const { browser, view } = await signInOn(first);
    const ttlMs = await redis.pTTL(sessionKey(browser));
    expect(Math.abs(Date.now() + ttlMs - Date.parse(view.expiresAt))).toBeLessThan(2000);
  });

  it('ends the session on both when one of them logs out, and revokes its token', async () => {
    const { browser } = await signInOn(first);
    const key = sessionKey(browser);
    const token = (JSON.parse((await redis.get(key)) ?? '{}') as { auth: AuthState }).auth.token;
    const onSecond = sameBrowserOn(second, browser);
    expect((await onSecond.send('/api/auth/session')).status).toBe(200);

    expect((await browser.send('/api/auth/logout', { method: 'POST' })).status).toBe(204);

    expect(await redis.exists(key)).toBe(0);
    expect((await onSecond.send('/api/auth/session')).status).toBe(401);
    expect((await onSecond.send('/api/os/compute/servers')).status).toBe(401);
    // The token checking itself: a revoked one is refused (401) or not found (404).
    expect([401, 404]).toContain(await keystoneValidates(token));
  });

  it('counts failed sign-ins of an account across replicas', async () => {
    // An account name of its own: the count starts at zero whatever ran before.
    const username = `zenith-int-nobody-${Date.now()}`;
    const attempt = (zenith: RunningZenith) =>
      new TestBrowser(zenith.baseUrl).send('/api/auth/login', { method: 'POST', json: { username, password: 'wrong' } });
    expect((await attempt(first)).status).toBe(401);
    expect((await attempt(second)).status).toBe(401);
    expect((await attempt(first)).status).toBe(401);
    // Each replica alone has seen one or two failures; together three, the limit.
    const refused = await attempt(second);
    expect(refused.status).toBe(429);
    expect(json<{ error: { code: string } }>(refused).error.code).toBe('rate_limited');
    expect((await attempt(first)).status).toBe(429);
  });

  it('lets Redis drop a session when its token expires, and neither replica knows it any more', async () => {
    // The signed-in state of a real sign-in, as if its token ended in 2 s (Keystone's tokens last an hour).
    const { browser } = await signInOn(first);
    const { auth } = JSON.parse((await redis.get(sessionKey(browser))) ?? '{}') as { auth: AuthState };
    const expiresAt = new Date(Date.now() + 2000);
    const onFirst = new TestBrowser(first.baseUrl);
    onFirst.cookie = await storeSessionEndingAt({ ...auth, expiresAt: expiresAt.toISOString() });
    const onSecond = sameBrowserOn(second, onFirst);
    expect((await onSecond.send('/api/auth/session')).status).toBe(200);
    expect(await redis.pTTL(sessionKey(onFirst))).toBeLessThanOrEqual(2000);

    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 1100));

    expect(await redis.exists(sessionKey(onFirst))).toBe(0);
    expect((await onFirst.send('/api/auth/session')).status).toBe(401);
    expect((await onSecond.send('/api/auth/session')).status).toBe(401);
  });

  it('logged nothing secret', () => {
    expect(logs.text).not.toContain('gAAAAA');
    expect(logs.text).not.toContain(new URL(testRedisUrl()).password);
  });
});

/** A session written through the replicas' store with the cookie updateSession gives it: expiring with the token. */
async function storeSessionEndingAt(auth: AuthState): Promise<string> {
  const sessionId = `int-${randomBytes(8).toString('hex')}`;
  const expires = new Date(auth.expiresAt);
  const session = {
    cookie: { originalMaxAge: expires.getTime() - Date.now(), expires, httpOnly: true, path: '/', sameSite: 'lax' },
    auth,
    csrfToken: 'csrf',
  };
  await new Promise<void>((resolve, reject) =>
    first.sessions.store.set(sessionId, session as unknown as SessionData, (error: unknown) => (error ? reject(new Error('The session store failed', { cause: error })) : resolve())),
  );
  return signedSessionCookie(sessionId, secret);
}
