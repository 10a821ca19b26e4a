import type { SessionData } from 'express-session';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  json,
  listen,
  sampleAuth,
  sampleCatalog,
  sampleProjectId,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningZenith,
  removeTemporaryDirectories,
} from '../testing/harness.js';
import type { ErrorBody } from '../contract/error-body.js';
import { isExpired } from './session.js';

let running: RunningZenith | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await running?.close();
  running = undefined;
});
afterAll(removeTemporaryDirectories);

async function signedInBrowser(auth = sampleAuth(), csrfToken = 'the-csrf-token') {
  running = await startZenith(testConfig());
  const browser = new TestBrowser(running.baseUrl);
  browser.cookie = await seedSession(running.sessions, auth, csrfToken);
  return browser;
}

describe('CSRF protection', () => {
  it('refuses a state-changing request without the header', async () => {
    const browser = await signedInBrowser();
    const response = await browser.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(response.status).toBe(403);
    expect(json<ErrorBody>(response).error).toMatchObject({ status: 403, code: 'csrf' });
  });

  it('refuses a wrong token, including one of a different length', async () => {
    const browser = await signedInBrowser();
    for (const token of ['the-csrf-tokeN', 'short', `${'x'.repeat(200)}`]) {
      const response = await browser.send('/api/auth/scope', {
        method: 'POST',
        json: { region: 'RegionTwo' },
        headers: { 'x-csrf-token': token },
      });
      expect(response.status).toBe(403);
    }
  });

  it('lets the right token through', async () => {
    const browser = await signedInBrowser();
    browser.csrfToken = 'the-csrf-token';
    const response = await browser.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(response.status).toBe(200);
    expect(json<{ region: string }>(response).region).toBe('RegionTwo');
  });

  it('guards every unsafe method, the proxy included', async () => {
    const browser = await signedInBrowser();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await browser.send('/api/os/compute/servers/1', { method });
      expect(response.status, method).toBe(403);
    }
  });

  it('exempts safe methods', async () => {
    const browser = await signedInBrowser();
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });

  it('exempts login, which has its own guard', async () => {
    const browser = await signedInBrowser();
    const response = await browser.send('/api/auth/login', { method: 'POST', json: { username: '' } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).error.code).toBe('invalid_request');
  });

  it('answers an unsafe request without a session with no_session, not csrf', async () => {
    running = await startZenith(testConfig());
    const anonymous = new TestBrowser(running.baseUrl);
    const response = await anonymous.send('/api/os/compute/servers', { method: 'POST', json: {} });
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error.code).toBe('no_session');
  });
});

describe('session expiry', () => {
  it('is expired exactly at expires_at', () => {
    const auth = sampleAuth({ expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(isExpired(auth, Date.parse('2029-12-31T23:59:59.999Z'))).toBe(false);
    expect(isExpired(auth, Date.parse('2030-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('ends a session whose token has expired, even with a valid cookie', async () => {
    const browser = await signedInBrowser(sampleAuth({ expiresAt: new Date(Date.now() - 1000).toISOString() }));
    const response = await browser.send('/api/auth/session');
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error).toMatchObject({ status: 401, code: 'no_session' });
    expect(response.headers['set-cookie']?.join()).toMatch(/zenith\.sid=;/);
    const proxied = await browser.send('/api/os/compute/servers');
    expect(json<ErrorBody>(proxied).error.code).toBe('no_session');
  });

  it('ends a session signed in through Keystone at its token\'s expires_at, not a millisecond later (faked clock)', async () => {
    // Only Date is faked: sockets and timers run as usual, the BFF's clock is the test's.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2030-01-01T12:00:00Z') });
    const expiresAt = '2030-01-01T12:10:00.000000Z';
    const domain = { id: 'default', name: 'Default' };
    const keystone = await listen((req, res) => {
      req.resume().on('end', () => {
        const token = { methods: ['password'], user: { id: 'u1', name: 'demo', domain }, expires_at: expiresAt, project: { id: 'p1', name: 'demo', domain }, roles: [{ name: 'member' }], catalog: sampleCatalog() };
        res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': 'gAAAA-token' }).end(JSON.stringify({ token }));
      });
    });
    try {
      running = await startZenith(testConfig({ authUrl: `${keystone.baseUrl}/v3` }));
      const browser = new TestBrowser(running.baseUrl);
      const login = await browser.send('/api/auth/login', { method: 'POST', json: { username: 'demo', password: 'pw', userDomain: 'Default' } });
      expect(login.status).toBe(200);
      // The cookie, and with it the stored row, expire with the token.
      expect(login.headers['set-cookie']?.join()).toContain('Expires=Tue, 01 Jan 2030 12:10:00 GMT');
      const sessionId = /^zenith\.sid=s%3A([^.]+)\./.exec(browser.cookie ?? '')?.[1] ?? '';
      const stored = () =>
        new Promise<SessionData | null | undefined>((resolve, reject) =>
          running!.sessions.store.get(sessionId, (error: unknown, data) => (error ? reject(new Error('The session store failed', { cause: error })) : resolve(data))),
        );
      expect(await stored()).toBeTruthy();

      vi.setSystemTime(Date.parse(expiresAt) - 1);
      expect((await browser.send('/api/auth/session')).status).toBe(200);

      vi.setSystemTime(Date.parse(expiresAt));
      const cookie = browser.cookie;
      const ended = await browser.send('/api/os/compute/servers');
      expect(ended.status).toBe(401);
      expect(json<ErrorBody>(ended).error.code).toBe('no_session');
      expect(ended.headers['set-cookie']?.join()).toMatch(/zenith\.sid=;/);
      expect(await stored()).toBeFalsy();
      // The old cookie replayed finds nothing either.
      browser.cookie = cookie;
      expect(json<ErrorBody>(await browser.send('/api/auth/session')).error.code).toBe('no_session');
    } finally {
      await keystone.close();
    }
  });

  it('answers no_session without a cookie and for a forged one', async () => {
    running = await startZenith(testConfig());
    const browser = new TestBrowser(running.baseUrl);
    expect(json<ErrorBody>(await browser.send('/api/auth/session')).error.code).toBe('no_session');
    browser.cookie = 'zenith.sid=s%3Aforged.signature';
    expect(json<ErrorBody>(await browser.send('/api/auth/session')).error.code).toBe('no_session');
  });

  it('returns the contract Session without the token', async () => {
    const auth = sampleAuth();
    const browser = await signedInBrowser(auth);
    const response = await browser.send('/api/auth/session');
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({
      user: auth.user,
      project: auth.project,
      roles: ['member', 'reader'],
      region: 'RegionOne',
      regions: ['RegionOne', 'RegionTwo'],
      interface: 'public',
      services: [
        { type: 'compute', name: 'nova', url: 'http://compute.example:8774/v2.1' },
        { type: 'volumev3', name: 'cinderv3', url: `http://volume.example:8776/v3/${sampleProjectId}` },
        { type: 'image', name: 'glance', url: 'http://image.example:9292' },
      ],
      // A session stored without signIn (before the field existed) was a password sign-in.
      signIn: { methods: ['password'] },
      expiresAt: auth.expiresAt,
      csrfToken: 'the-csrf-token',
    });
    expect(response.body).not.toContain(auth.token);
  });

  it('refuses a region the catalog does not have', async () => {
    const browser = await signedInBrowser();
    browser.csrfToken = 'the-csrf-token';
    const response = await browser.send('/api/auth/scope', { method: 'POST', json: { region: 'Atlantis' } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).error.code).toBe('unknown_region');
  });
});
