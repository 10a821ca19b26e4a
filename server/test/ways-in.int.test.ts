// The ways in against the local cloud's Keystone: the seeded user mfa (password + TOTP through an auth receipt) and
// an application credential made by demo for the test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../src/contract/error-body.js';
import { LoginChallenge, SessionView } from '../src/contract/session.js';
import { json, startZenith, TestBrowser, type RunningZenith, removeTemporaryDirectories } from '../src/testing/harness.js';
import { cloudLogin, expectNoToken, integrationConfig, keystoneUrl, waitForCloud } from './support.js';

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

describe('TOTP (user mfa)', () => {
  it('answers the password with a challenge, refuses a wrong code with Keystone’s words, and signs in with the right one', async () => {
    const secret = readFileSync(mfaSecretFile, 'utf8').trim();
    const browser = new TestBrowser(zenith.baseUrl);
    const first = await post(browser, '/api/auth/login', { username: 'mfa', password: 'mfa' });
    expect(first.status).toBe(200);
    expect(LoginChallenge.parse(json(first))).toMatchObject({ challenge: 'totp', user: { name: 'mfa', domain: 'Default' } });
    expect(JSON.stringify(first.headers)).not.toMatch(/openstack-auth-receipt/i);

    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const near = new Set([-30_000, 0, 30_000].map((offset) => totp.generate({ timestamp: Date.now() + offset })));
    const wrong = ['000000', '111111', '222222'].find((code) => !near.has(code)) ?? '333333';
    const refused = await post(browser, '/api/auth/login/totp', { passcode: wrong });
    expect(refused.status).toBe(401);
    expect(ErrorBody.parse(json(refused)).error).toMatchObject({ message: 'The request you have made requires authentication.', requestId: expect.stringMatching(/^req-/) });

    const done = await post(browser, '/api/auth/login/totp', { passcode: totp.generate() });
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
