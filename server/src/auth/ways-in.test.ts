// The ways in and the account endpoints over HTTP, against a fake Keystone that answers like Zed's (receipts,
// application credentials, own-password change, credentials): what the browser gets, what Keystone was sent.
import type { IncomingMessage } from 'node:http';
import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import type { AccountView, LoginChallenge, SessionView, TotpEnrollment } from '../contract/session.js';
import {
  json,
  listen,
  removeTemporaryDirectories,
  sampleCatalog,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningServer,
  type RunningZenith,
} from '../testing/harness.js';

const domain = { id: 'default', name: 'Default' };
const keystoneMessage = 'The request you have made requires authentication.';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** Keystone as Zed answers, for users demo (password "pw") and mfa (password "pw" + TOTP code "123456"). */
class FakeKeystone {
  readonly seen: Seen[] = [];
  readonly credentials: { id: string; type: string; user_id: string; blob: string }[] = [{ id: 'cred-old', type: 'totp', user_id: 'u-demo', blob: 'OLDSECRET' }];
  issued = 0;
  server: RunningServer | undefined;

  async start() {
    this.server = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body: unknown = text ? JSON.parse(text) : undefined;
        const path = req.url ?? '';
        this.seen.push({ method: req.method ?? '', path, headers: req.headers, body });
        const answer = this.answer(req.method ?? '', path, req.headers, body);
        res.writeHead(answer.status, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-keystone', ...answer.headers });
        res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      });
    });
    return `${this.server.baseUrl}/v3`;
  }

  private token(methods: string[], user: string, extra: object = {}) {
    this.issued += 1;
    const body = {
      token: {
        methods,
        user: { id: `u-${user}`, name: user, domain },
        audit_ids: ['a'],
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        issued_at: new Date().toISOString(),
        project: { id: 'p-demo', name: 'demo', domain },
        roles: [{ id: 'r', name: 'member' }],
        catalog: sampleCatalog(),
        ...extra,
      },
    };
    return { status: 201, headers: { 'x-subject-token': `token-${this.issued}` }, body };
  }

  private answer(method: string, path: string, headers: IncomingMessage['headers'], body: unknown): { status: number; headers?: Record<string, string>; body?: unknown } {
    const refused = { status: 401, body: { error: { code: 401, title: 'Unauthorized', message: keystoneMessage } } };
    if (method === 'DELETE' && path === '/v3/auth/tokens') return { status: 204 };
    if (method === 'POST' && path === '/v3/auth/tokens') {
      const identity = (body as { auth: { identity: Record<string, { user?: { name?: string; password?: string; passcode?: string } } & Record<string, unknown>> & { methods: string[] } } }).auth.identity;
      const [methodName] = identity.methods;
      if (methodName === 'password') {
        const user = identity.password?.user;
        if (user?.password !== 'pw') return refused;
        if (user.name !== 'mfa') return this.token(['password'], user.name ?? '');
        return {
          status: 401,
          headers: { 'openstack-auth-receipt': 'RECEIPT-SECRET-ID' },
          body: {
            receipt: { methods: ['password'], user: { id: 'u-mfa', name: 'mfa', domain }, expires_at: new Date(Date.now() + 300_000).toISOString(), issued_at: new Date().toISOString() },
            required_auth_methods: [['password', 'totp']],
          },
        };
      }
      if (methodName === 'totp') {
        if (headers['openstack-auth-receipt'] !== 'RECEIPT-SECRET-ID' || identity.totp?.user?.passcode !== '123456') return refused;
        return this.token(['password', 'totp'], 'mfa');
      }
      if (methodName === 'application_credential') {
        const credential = identity.application_credential as { id?: string; secret?: string };
        if (credential.secret !== 'app-secret') return refused;
        return this.token(['application_credential'], 'demo', { application_credential: { id: 'ac-1', name: 'ci', restricted: true } });
      }
    }
    if (method === 'POST' && path === '/v3/users/u-demo/password') {
      const user = (body as { user: { original_password: string; password: string } }).user;
      if (user.original_password !== 'pw') return { status: 401, body: { error: { code: 401, message: 'Error when changing user password: Invalid user / password' } } };
      return { status: 204 };
    }
    if (method === 'GET' && path === '/v3/users/u-demo') {
      return { status: 200, body: { user: { id: 'u-demo', name: 'demo', domain_id: 'default', enabled: true, password_expires_at: null, options: {} } } };
    }
    if (method === 'GET' && path === '/v3/credentials?user_id=u-demo&type=totp') {
      return { status: 200, body: { credentials: this.credentials } };
    }
    if (method === 'POST' && path === '/v3/credentials') {
      const credential = { id: `cred-${this.credentials.length}`, ...(body as { credential: { type: string; user_id: string; blob: string } }).credential };
      this.credentials.push(credential);
      return { status: 201, body: { credential } };
    }
    return { status: 404, body: { error: { code: 404, message: `fake Keystone: no ${method} ${path}` } } };
  }

  calls(method: string, pathPrefix: string) {
    return this.seen.filter((call) => call.method === method && call.path.startsWith(pathPrefix));
  }
}

let keystone: FakeKeystone;
let running: RunningZenith | undefined;

async function start(limits?: { maxFailuresPerIp: number; maxFailuresPerUsername: number }) {
  keystone = new FakeKeystone();
  const config = testConfig({ authUrl: await keystone.start() });
  if (limits) config.server.loginRateLimit = { windowMs: 60_000, ...limits };
  running = await startZenith(config);
  return new TestBrowser(running.baseUrl);
}

afterEach(async () => {
  await running?.close();
  await keystone.server?.close();
  running = undefined;
});
afterAll(removeTemporaryDirectories);

const post = (browser: TestBrowser, path: string, body: unknown) => browser.send(path, { method: 'POST', json: body });
const everything = (response: { headers: object; body: string }) => JSON.stringify(response.headers) + response.body;

describe('TOTP sign-in (Keystone auth receipts)', () => {
  it('asks for a code, keeps the receipt server-side, and completes with the password step plus the code', async () => {
    const browser = await start();
    const first = await post(browser, '/api/auth/login', { username: 'mfa', password: 'pw' });
    expect(first.status).toBe(200);
    expect(json<LoginChallenge>(first)).toMatchObject({ challenge: 'totp', user: { name: 'mfa', domain: 'Default' } });
    expect(everything(first)).not.toContain('RECEIPT-SECRET-ID');
    expect((await browser.send('/api/auth/session')).status).toBe(401);

    const done = await post(browser, '/api/auth/login/totp', { passcode: '123456' });
    expect(done.status).toBe(200);
    expect(json<SessionView>(done)).toMatchObject({ user: { name: 'mfa' }, signIn: { methods: ['password', 'totp'] } });
    expect(everything(done)).not.toContain('RECEIPT-SECRET-ID');
    const [totpCall] = keystone.calls('POST', '/v3/auth/tokens').slice(-1);
    expect(totpCall?.headers['openstack-auth-receipt']).toBe('RECEIPT-SECRET-ID');
    expect(totpCall?.body).toEqual({ auth: { identity: { methods: ['totp'], totp: { user: { id: 'u-mfa', passcode: '123456' } } } } });
    expect(json<SessionView>(await browser.send('/api/auth/session')).user.name).toBe('mfa');
  });

  it("shows Keystone's refusal of a wrong code, lets the user try again, and validates the code's shape", async () => {
    const browser = await start();
    await post(browser, '/api/auth/login', { username: 'mfa', password: 'pw' });
    const wrong = await post(browser, '/api/auth/login/totp', { passcode: '000000' });
    expect(wrong.status).toBe(401);
    expect(json<ErrorBody>(wrong).error).toMatchObject({ message: keystoneMessage, requestId: 'req-keystone' });
    for (const passcode of ['12345', 'abcdef', '1234567']) {
      expect((await post(browser, '/api/auth/login/totp', { passcode })).status).toBe(400);
    }
    expect((await post(browser, '/api/auth/login/totp', { passcode: '123456' })).status).toBe(200);
  });

  it('refuses a code when no password step waits for one', async () => {
    const browser = await start();
    const response = await post(browser, '/api/auth/login/totp', { passcode: '123456' });
    expect(response.status).toBe(401);
    expect(json<ErrorBody>(response).error.code).toBe('login_restart');
  });

  it("counts wrong codes against the account's sign-in limit", async () => {
    const browser = await start({ maxFailuresPerIp: 100, maxFailuresPerUsername: 2 });
    await post(browser, '/api/auth/login', { username: 'mfa', password: 'pw' });
    expect((await post(browser, '/api/auth/login/totp', { passcode: '000000' })).status).toBe(401);
    expect((await post(browser, '/api/auth/login/totp', { passcode: '000001' })).status).toBe(401);
    const limited = await post(browser, '/api/auth/login/totp', { passcode: '123456' });
    expect(limited.status).toBe(429);
    expect(json<ErrorBody>(limited).error.code).toBe('rate_limited');
    // The same account's password step is limited too: the failures are the account's.
    expect((await post(browser, '/api/auth/login', { username: 'mfa', password: 'x' })).status).toBe(429);
  });
});

describe('application credential sign-in', () => {
  it("makes a session bound to the credential's project: no project switch, and logout revokes only the token", async () => {
    const browser = await start();
    const response = await post(browser, '/api/auth/login/application-credential', { id: 'ac-1', secret: 'app-secret' });
    expect(response.status).toBe(200);
    const session = json<SessionView>(response);
    expect(session.signIn).toEqual({ methods: ['application_credential'], applicationCredential: { id: 'ac-1', name: 'ci' } });
    expect(keystone.calls('POST', '/v3/auth/tokens')[0]?.body).toEqual({
      auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac-1', secret: 'app-secret' } } },
    });
    browser.csrfToken = session.csrfToken;
    const scope = await post(browser, '/api/auth/scope', { projectId: 'p-other' });
    expect(scope.status).toBe(403);
    expect(json<ErrorBody>(scope).error.code).toBe('scope_locked');
    expect((await post(browser, '/api/auth/logout', {})).status).toBe(204);
    expect(keystone.seen.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/v3/auth/tokens']);
  });

  it('by name sends the user and domain; a wrong secret gets Keystone\'s 401; bad bodies get 400', async () => {
    const browser = await start();
    const wrong = await post(browser, '/api/auth/login/application-credential', { name: 'ci', username: 'demo', secret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(json<ErrorBody>(wrong).error.message).toBe(keystoneMessage);
    expect(keystone.calls('POST', '/v3/auth/tokens')[0]?.body).toEqual({
      auth: { identity: { methods: ['application_credential'], application_credential: { name: 'ci', secret: 'nope', user: { name: 'demo', domain: { name: 'Default' } } } } },
    });
    for (const body of [{ secret: 'x' }, { name: 'ci', secret: 'x' }, { id: 'a', name: 'b', username: 'c', secret: 'x' }, { id: 'a' }]) {
      expect((await post(browser, '/api/auth/login/application-credential', body)).status).toBe(400);
    }
    const foreign = await browser.send('/api/auth/login/application-credential', {
      method: 'POST',
      json: { id: 'ac-1', secret: 'app-secret' },
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});

describe('signing in again before the token ends (POST /api/auth/renew)', () => {
  const renew = (browser: TestBrowser, body: unknown) => post(browser, '/api/auth/renew', body);

  it("replaces the token in the same user's session, scoped to its project, with a new session id and CSRF token", async () => {
    const browser = await signedIn();
    const before = { cookie: browser.cookie, csrf: browser.csrfToken };
    const response = await renew(browser, { method: 'password', username: 'demo', password: 'pw' });
    expect(response.status).toBe(200);
    const session = json<SessionView>(response);
    expect(session).toMatchObject({ user: { id: 'u-demo' }, project: { id: 'p-demo' }, region: 'RegionOne', signIn: { methods: ['password'] } });
    expect(keystone.calls('POST', '/v3/auth/tokens').at(-1)?.body).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'demo', password: 'pw', domain: { name: 'Default' } } } },
        scope: { project: { id: 'p-demo' } },
      },
    });
    expect(browser.cookie).not.toBe(before.cookie);
    expect(session.csrfToken).not.toBe(before.csrf);
    // Nothing was revoked: the old token is retired (requests in flight finish), revoked at logout.
    expect(keystone.calls('DELETE', '/v3/auth/tokens')).toHaveLength(0);

    // The old CSRF token no longer works, the new one does; the old cookie names no session.
    expect((await post(browser, '/api/auth/scope', { region: 'RegionOne' })).status).toBe(403);
    browser.csrfToken = session.csrfToken;
    expect((await post(browser, '/api/auth/scope', { region: 'RegionOne' })).status).toBe(200);
    const stale = new TestBrowser(browser.baseUrl);
    stale.cookie = before.cookie;
    expect(json<ErrorBody>(await stale.send('/api/auth/session')).error.code).toBe('no_session');

    expect((await post(browser, '/api/auth/logout', {})).status).toBe(204);
    expect(keystone.calls('DELETE', '/v3/auth/tokens').map((call) => call.headers['x-subject-token'])).toEqual(['token-2', 'token-1']);
  });

  it("shows Keystone's refusal and keeps the session; refuses another user's credentials (409) and revokes their token", async () => {
    const browser = await signedIn();
    const cookie = browser.cookie;
    const wrong = await renew(browser, { method: 'password', username: 'demo', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(json<ErrorBody>(wrong).error).toMatchObject({ message: keystoneMessage, requestId: 'req-keystone', code: 'unauthorized' });
    expect(browser.cookie).toBe(cookie);
    expect((await browser.send('/api/auth/session')).status).toBe(200);

    const other = await renew(browser, { method: 'password', username: 'admin', password: 'pw' });
    expect(other.status).toBe(409);
    expect(json<ErrorBody>(other).error.code).toBe('renew_other_user');
    expect(keystone.calls('DELETE', '/v3/auth/tokens').map((call) => call.headers['x-subject-token'])).toEqual(['token-2']);
    expect(json<SessionView>(await browser.send('/api/auth/session')).user.name).toBe('demo');

    expect((await renew(browser, { method: 'application_credential', secret: 'app-secret' })).status).toBe(409);
    expect((await renew(browser, { method: 'password', username: 'demo' })).status).toBe(400);
    expect((await browser.send('/api/auth/renew', { method: 'POST', json: { method: 'password', username: 'demo', password: 'pw' }, csrf: false })).status).toBe(403);
  });

  it('goes through the TOTP step for mfa, the receipt kept server-side', async () => {
    const browser = await start();
    await post(browser, '/api/auth/login', { username: 'mfa', password: 'pw' });
    browser.csrfToken = json<SessionView>(await post(browser, '/api/auth/login/totp', { passcode: '123456' })).csrfToken;
    const challenge = await renew(browser, { method: 'password', username: 'mfa', password: 'pw' });
    expect(json<LoginChallenge>(challenge)).toMatchObject({ challenge: 'totp', user: { name: 'mfa' } });
    expect(everything(challenge)).not.toContain('RECEIPT-SECRET-ID');
    expect((await post(browser, '/api/auth/renew/totp', { passcode: '000000' })).status).toBe(401);
    const done = await post(browser, '/api/auth/renew/totp', { passcode: '123456' });
    expect(done.status).toBe(200);
    expect(json<SessionView>(done)).toMatchObject({ user: { name: 'mfa' }, signIn: { methods: ['password', 'totp'] } });
    expect(keystone.calls('POST', '/v3/auth/tokens').at(-1)?.body).toEqual({
      auth: { identity: { methods: ['totp'], totp: { user: { id: 'u-mfa', passcode: '123456' } } }, scope: { project: { id: 'p-demo' } } },
    });
    browser.csrfToken = json<SessionView>(done).csrfToken;
    // The receipt is used up with the session it belonged to.
    expect(json<ErrorBody>(await post(browser, '/api/auth/renew/totp', { passcode: '123456' })).error.code).toBe('login_restart');
  });

  it("renews an application credential's session with the secret alone", async () => {
    const browser = await start();
    browser.csrfToken = json<SessionView>(await post(browser, '/api/auth/login/application-credential', { id: 'ac-1', secret: 'app-secret' })).csrfToken;
    const response = await renew(browser, { method: 'application_credential', secret: 'app-secret' });
    expect(response.status).toBe(200);
    expect(json<SessionView>(response).signIn).toEqual({ methods: ['application_credential'], applicationCredential: { id: 'ac-1', name: 'ci' } });
    expect(keystone.calls('POST', '/v3/auth/tokens').at(-1)?.body).toEqual({
      auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac-1', secret: 'app-secret' } } },
    });
    expect(response.body).not.toContain('app-secret');
  });

  it('needs a live session, and counts failures against the account like a sign-in', async () => {
    const anonymous = await start({ maxFailuresPerIp: 100, maxFailuresPerUsername: 2 });
    expect(json<ErrorBody>(await renew(anonymous, { method: 'password', username: 'demo', password: 'pw' })).error.code).toBe('no_session');
    const session = json<SessionView>(await post(anonymous, '/api/auth/login', { username: 'demo', password: 'pw' }));
    anonymous.csrfToken = session.csrfToken;
    expect((await renew(anonymous, { method: 'password', username: 'demo', password: 'x' })).status).toBe(401);
    const limited = await renew(anonymous, { method: 'password', username: 'demo', password: 'pw' });
    expect(limited.status).toBe(429);
    expect(json<ErrorBody>(limited).error.code).toBe('rate_limited');
    expect((await post(new TestBrowser(anonymous.baseUrl), '/api/auth/login', { username: 'demo', password: 'pw' })).status).toBe(429);
  });
});

async function signedIn() {
  const browser = await start();
  const session = json<SessionView>(await post(browser, '/api/auth/login', { username: 'demo', password: 'pw' }));
  browser.csrfToken = session.csrfToken;
  return browser;
}

describe('account', () => {
  it('describes the user from Keystone, with TOTP credential ids and never their secrets', async () => {
    const browser = await signedIn();
    const response = await browser.send('/api/account');
    expect(response.status).toBe(200);
    expect(json<AccountView>(response)).toEqual({
      user: { id: 'u-demo', name: 'demo', domain, passwordExpiresAt: null, mfaRules: [], mfaEnabled: false },
      totpCredentials: [{ id: 'cred-old' }],
    });
    expect(response.body).not.toContain('OLDSECRET');
  });

  it('changes the password with the original one, then ends the session', async () => {
    const browser = await signedIn();
    const wrong = await post(browser, '/api/account/password', { originalPassword: 'bad', password: 'new-pw' });
    expect(wrong.status).toBe(401);
    expect(json<ErrorBody>(wrong).error.message).toBe('Error when changing user password: Invalid user / password');
    expect((await browser.send('/api/auth/session')).status).toBe(200);

    expect((await post(browser, '/api/account/password', { originalPassword: 'pw', password: '' })).status).toBe(400);
    const noCsrf = await browser.send('/api/account/password', { method: 'POST', json: { originalPassword: 'pw', password: 'new-pw' }, csrf: false });
    expect(noCsrf.status).toBe(403);

    const changed = await post(browser, '/api/account/password', { originalPassword: 'pw', password: 'new-pw' });
    expect(changed.status).toBe(204);
    expect(keystone.calls('POST', '/v3/users/u-demo/password').at(-1)?.body).toEqual({ user: { original_password: 'pw', password: 'new-pw' } });
    expect(keystone.calls('DELETE', '/v3/auth/tokens')).toHaveLength(1);
    expect((await browser.send('/api/auth/session')).status).toBe(401);
  });

  it('offers a new TOTP secret once, and stores it in Keystone only after a valid code', async () => {
    const browser = await signedIn();
    const offered = await post(browser, '/api/account/totp', {});
    expect(offered.status).toBe(201);
    const enrollment = json<TotpEnrollment>(offered);
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.uri).toBe(`otpauth://totp/Zenith:demo%40Default?issuer=Zenith&secret=${enrollment.secret}&algorithm=SHA1&digits=6&period=30`);
    expect(Buffer.from(enrollment.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toMatch(/^<svg /);
    expect(keystone.calls('POST', '/v3/credentials')).toHaveLength(0);

    const wrong = await post(browser, '/api/account/totp/confirm', { passcode: '000000' });
    expect(wrong.status).toBe(400);
    expect(json<ErrorBody>(wrong).error.code).toBe('totp_code_wrong');
    expect((await post(browser, '/api/account/totp/confirm', { passcode: 'x' })).status).toBe(400);

    const code = new TOTP({ secret: Secret.fromBase32(enrollment.secret) }).generate();
    const confirmed = await post(browser, '/api/account/totp/confirm', { passcode: code });
    expect(confirmed.status).toBe(201);
    expect(keystone.calls('POST', '/v3/credentials')[0]?.body).toEqual({ credential: { type: 'totp', user_id: 'u-demo', blob: enrollment.secret } });
    // The secret is used up: a second confirmation finds nothing waiting.
    expect((await post(browser, '/api/account/totp/confirm', { passcode: code })).status).toBe(409);
  });

  it('needs a session and the CSRF token', async () => {
    const browser = await start();
    expect((await browser.send('/api/account')).status).toBe(401);
    expect((await post(browser, '/api/account/totp', {})).status).toBe(401);
    const session = json<SessionView>(await post(browser, '/api/auth/login', { username: 'demo', password: 'pw' }));
    expect(session.signIn).toEqual({ methods: ['password'] });
    expect((await browser.send('/api/account/totp', { method: 'POST', json: {} })).status).toBe(403);
  });
});
