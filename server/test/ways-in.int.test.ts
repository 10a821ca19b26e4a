// The ways in against the local cloud's Keystone: the seeded user mfa (password + TOTP through an auth receipt), an
// application credential made by demo for the test, and signing in again before the token ends (all three ways).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../src/contract/error-body.js';
import { LoginChallenge, SessionView } from '../src/contract/session.js';
import { json, startZenith, TestBrowser, type RunningZenith, removeTemporaryDirectories } from '../src/testing/harness.js';
import { cloudLogin, credentials, expectNoToken, integrationConfig, keystoneUrl, keystoneValidates, tokenInStore, waitForCloud } from './support.js';

const mfaSecretFile = fileURLToPath(new URL('../../e2e/cloud/.state/mfa-totp-secret', import.meta.url));
let zenith: RunningZenith;

beforeAll(async () => {
  await waitForCloud();
  zenith = await startZenith(integrationConfig());
});

afterAll(async () => {
  await zenith?.close();
  removeTemporaryDirectories();
});

const post = (browser: TestBrowser, path: string, body: unknown) => browser.send(path, { method: 'POST', json: body });

/** The code an authenticator shows now for the seeded user mfa, and one Keystone refuses. */
function mfaCodes() {
  const totp = new TOTP({ secret: Secret.fromBase32(readFileSync(mfaSecretFile, 'utf8').trim()) });
  const near = new Set([-30_000, 0, 30_000].map((offset) => totp.generate({ timestamp: Date.now() + offset })));
  return { now: () => totp.generate(), wrong: ['000000', '111111', '222222'].find((code) => !near.has(code)) ?? '333333' };
}

describe('TOTP (user mfa)', () => {
  it('answers the password with a challenge, refuses a wrong code with Keystone’s words, and signs in with the right one', async () => {
    const codes = mfaCodes();
    const browser = new TestBrowser(zenith.baseUrl);
    const first = await post(browser, '/api/auth/login', { username: 'mfa', password: 'mfa' });
    expect(first.status).toBe(200);
    expect(LoginChallenge.parse(json(first))).toMatchObject({ challenge: 'totp', user: { name: 'mfa', domain: 'Default' } });
    expect(JSON.stringify(first.headers)).not.toMatch(/openstack-auth-receipt/i);

    const refused = await post(browser, '/api/auth/login/totp', { passcode: codes.wrong });
    expect(refused.status).toBe(401);
    expect(ErrorBody.parse(json(refused)).error).toMatchObject({ message: 'The request you have made requires authentication.', requestId: expect.stringMatching(/^req-/) });

    const done = await post(browser, '/api/auth/login/totp', { passcode: codes.now() });
    expect(done.status).toBe(200);
    const session = SessionView.strict().parse(json(done));
    expect(session.user.name).toBe('mfa');
    expect(session.project.name).toBe('demo');
    expect([...session.signIn.methods].sort()).toEqual(['password', 'totp']);
    expectNoToken(done);
  });
});

describe('application credential', () => {
  it('signs in to its project only; logout revokes the token and leaves the credential', async () => {
    const { token, userId } = await cloudLogin('zenith-demo');
    const created = await fetch(`${keystoneUrl}/users/${userId}/application_credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': token },
      body: JSON.stringify({ application_credential: { name: `zenith-int-${Date.now()}` } }),
    });
    const { application_credential: credential } = (await created.json()) as { application_credential: { id: string; name: string; secret: string } };
    const credentialUrl = `${keystoneUrl}/users/${userId}/application_credentials/${credential.id}`;
    try {
      const browser = new TestBrowser(zenith.baseUrl);
      const response = await post(browser, '/api/auth/login/application-credential', { id: credential.id, secret: credential.secret });
      expect(response.status).toBe(200);
      const session = SessionView.strict().parse(json(response));
      expect(session.project.name).toBe('demo');
      expect(session.signIn).toEqual({ methods: ['application_credential'], applicationCredential: { id: credential.id, name: credential.name } });
      expect(response.body).not.toContain(credential.secret);
      browser.csrfToken = session.csrfToken;

      const scope = await post(browser, '/api/auth/scope', { projectId: 'any-other-project' });
      expect(scope.status).toBe(403);
      expect(ErrorBody.parse(json(scope)).error.code).toBe('scope_locked');

      expect((await post(browser, '/api/auth/logout', {})).status).toBe(204);
      expect((await fetch(credentialUrl, { headers: { 'x-auth-token': token } })).status).toBe(200);
    } finally {
      await fetch(credentialUrl, { method: 'DELETE', headers: { 'x-auth-token': token } });
    }
  });
});

describe('signing in again before the token ends (POST /api/auth/renew)', () => {
  const signedIn = async (username: string, password: string) => {
    const browser = new TestBrowser(zenith.baseUrl);
    const response = await post(browser, '/api/auth/login', { username, password, project: 'demo' });
    const session = SessionView.parse(json(response));
    browser.csrfToken = session.csrfToken;
    return { browser, session };
  };

  it("gives demo's session a new token, session id and CSRF token in the same project and region; the old ones stop working", async () => {
    const demo = credentials('zenith-demo');
    const { browser, session: before } = await signedIn(demo.username, demo.password);
    const oldCookie = browser.cookie;
    const oldToken = tokenInStore(zenith.config.server.sessionDb, oldCookie);
    // Keystone's expires_at counts in seconds from the sign-in: a second later, the new token ends later.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const response = await post(browser, '/api/auth/renew', { method: 'password', username: demo.username, password: demo.password });
    expect(response.status).toBe(200);
    const after = SessionView.strict().parse(json(response));
    expectNoToken(response);
    expect(after.user).toEqual(before.user);
    expect(after.project).toEqual(before.project);
    expect(after.region).toBe(before.region);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
    expect(after.csrfToken).not.toBe(before.csrfToken);
    expect(browser.cookie).not.toBe(oldCookie);
    const newToken = tokenInStore(zenith.config.server.sessionDb, browser.cookie);
    expect(newToken).not.toBe(oldToken);

    const stale = new TestBrowser(zenith.baseUrl);
    stale.cookie = oldCookie;
    expect((await stale.send('/api/auth/session')).status).toBe(401);
    expect((await post(browser, '/api/auth/scope', { region: after.region })).status).toBe(403);
    browser.csrfToken = after.csrfToken;
    expect((await post(browser, '/api/auth/scope', { region: after.region })).status).toBe(200);
    const flavors = await browser.send('/api/os/compute/flavors');
    expect(flavors.status).toBe(200);

    // The old token stays valid until logout (requests in flight finish), which revokes both.
    expect(await keystoneValidates(oldToken)).toBe(200);
    expect((await post(browser, '/api/auth/logout', {})).status).toBe(204);
    for (const token of [oldToken, newToken]) expect([401, 404]).toContain(await keystoneValidates(token));
  });

  it("shows Keystone's refusal of a wrong password with its request id and keeps the session; refuses admin's password in demo's session", async () => {
    const demo = credentials('zenith-demo');
    const admin = credentials('zenith-admin');
    const { browser } = await signedIn(demo.username, demo.password);
    const cookie = browser.cookie;
    const wrong = await post(browser, '/api/auth/renew', { method: 'password', username: demo.username, password: `${demo.password}-wrong` });
    expect(wrong.status).toBe(401);
    expect(ErrorBody.parse(json(wrong)).error).toMatchObject({ message: 'The request you have made requires authentication.', requestId: expect.stringMatching(/^req-/) });
    expect(browser.cookie).toBe(cookie);

    const other = await post(browser, '/api/auth/renew', { method: 'password', username: admin.username, password: admin.password });
    expect(other.status).toBe(409);
    expect(ErrorBody.parse(json(other)).error).toMatchObject({ code: 'renew_other_user', message: expect.stringContaining(`user ${admin.username}'s`) });
    const still = SessionView.parse(json(await browser.send('/api/auth/session')));
    expect(still.user.name).toBe(demo.username);
    expect(browser.cookie).toBe(cookie);
    await post(browser, '/api/auth/logout', {});
  });

  it('takes mfa through the TOTP step again, in the same project', async () => {
    const codes = mfaCodes();
    const browser = new TestBrowser(zenith.baseUrl);
    await post(browser, '/api/auth/login', { username: 'mfa', password: 'mfa' });
    const before = SessionView.parse(json(await post(browser, '/api/auth/login/totp', { passcode: codes.now() })));
    browser.csrfToken = before.csrfToken;

    const challenge = await post(browser, '/api/auth/renew', { method: 'password', username: 'mfa', password: 'mfa' });
    expect(LoginChallenge.parse(json(challenge))).toMatchObject({ challenge: 'totp', user: { name: 'mfa' } });
    expect(JSON.stringify(challenge.headers)).not.toMatch(/openstack-auth-receipt/i);
    const refused = await post(browser, '/api/auth/renew/totp', { passcode: codes.wrong });
    expect(refused.status).toBe(401);
    expect(ErrorBody.parse(json(refused)).error.requestId).toMatch(/^req-/);
    const done = await post(browser, '/api/auth/renew/totp', { passcode: codes.now() });
    expect(done.status).toBe(200);
    const after = SessionView.parse(json(done));
    expect(after.project).toEqual(before.project);
    expect([...after.signIn.methods].sort()).toEqual(['password', 'totp']);
    browser.csrfToken = after.csrfToken;
    await post(browser, '/api/auth/logout', {});
  });

  it("renews an application credential's session with its secret", async () => {
    const { token, userId } = await cloudLogin('zenith-demo');
    const created = await fetch(`${keystoneUrl}/users/${userId}/application_credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': token },
      body: JSON.stringify({ application_credential: { name: `zenith-int-renew-${Date.now()}` } }),
    });
    const { application_credential: credential } = (await created.json()) as { application_credential: { id: string; secret: string } };
    try {
      const browser = new TestBrowser(zenith.baseUrl);
      const before = SessionView.parse(json(await post(browser, '/api/auth/login/application-credential', { id: credential.id, secret: credential.secret })));
      browser.csrfToken = before.csrfToken;
      const wrong = await post(browser, '/api/auth/renew', { method: 'application_credential', secret: 'not-the-secret' });
      expect(wrong.status).toBe(401);
      const response = await post(browser, '/api/auth/renew', { method: 'application_credential', secret: credential.secret });
      expect(response.status).toBe(200);
      const after = SessionView.parse(json(response));
      expect(after.signIn).toEqual(before.signIn);
      expect(after.project).toEqual(before.project);
      expect(response.body).not.toContain(credential.secret);
      browser.csrfToken = after.csrfToken;
      await post(browser, '/api/auth/logout', {});
    } finally {
      await fetch(`${keystoneUrl}/users/${userId}/application_credentials/${credential.id}`, { method: 'DELETE', headers: { 'x-auth-token': token } });
    }
  });
});
