// A token revoked in Keystone while the services' token caches still accept it: stand-ins for both.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import {
  json,
  listen,
  removeTemporaryDirectories,
  sampleAuth,
  sampleCatalog,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningServer,
} from '../testing/harness.js';
import { openSqliteSessionBackend } from './store.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  removeTemporaryDirectories();
});

/** A Keystone that answers token checks with `verdict`, and a compute service that accepts whatever it is sent. */
async function start({ intervalMs, verdict }: { intervalMs: number; verdict: () => number }) {
  const checks: { method: string; token: string | undefined; subject: string | undefined }[] = [];
  const keystone = await serve((req, res) => {
    checks.push({ method: req.method ?? '', token: req.headers['x-auth-token'] as string, subject: req.headers['x-subject-token'] as string });
    res.writeHead(verdict()).end();
  });
  const computeCalls: string[] = [];
  const compute = await serve((req, res) => {
    computeCalls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"flavors":[]}');
  });
  const config = testConfig({ authUrl: `${keystone.baseUrl}/v3` });
  config.server.tokenRecheckMs = intervalMs;
  const sessions = openSqliteSessionBackend(config.server.sessionDb);
  const zenith = await startZenith(config, undefined, sessions);
  closers.push(() => zenith.close());
  const auth = sampleAuth({ catalog: sampleCatalog(`${compute.baseUrl}/v2.1`) });
  const browser = new TestBrowser(zenith.baseUrl);
  browser.cookie = await seedSession(sessions, auth, 'csrf-1');
  browser.csrfToken = 'csrf-1';
  return { browser, checks, computeCalls, token: auth.token };
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<RunningServer> {
  const server = await listen(handler);
  closers.push(() => server.close());
  return server;
}

async function until(condition: () => boolean) {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('waited 2 s in vain');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a token revoked in Keystone while the services still accept it', () => {
  it('ends the session on the next request, which never reaches the service', async () => {
    const { browser, checks, computeCalls, token } = await start({ intervalMs: 30_000, verdict: () => 404 });

    expect((await browser.send('/api/os/compute/v2.1/flavors')).status).toBe(200);
    await until(() => checks.length === 1);
    // The token asks about itself, as keystoneauth's own check does.
    expect(checks[0]).toEqual({ method: 'HEAD', token, subject: token });

    const refused = await browser.send('/api/os/compute/v2.1/flavors');
    expect(refused.status).toBe(401);
    expect(json<ErrorBody>(refused).error).toMatchObject({ code: 'session_ended', message: expect.stringContaining('revoked') });
    expect(computeCalls).toHaveLength(1);
    expect(browser.cookie).toBeUndefined();
  });

  it('asks Keystone at most once per interval per token', async () => {
    const { browser, checks } = await start({ intervalMs: 30_000, verdict: () => 200 });
    for (let call = 0; call < 5; call++) expect((await browser.send('/api/os/compute/v2.1/flavors')).status).toBe(200);
    await until(() => checks.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks).toHaveLength(1);
  });

  it('asks again once the interval has passed', async () => {
    const { browser, checks } = await start({ intervalMs: 2, verdict: () => 200 });
    await browser.send('/api/os/compute/v2.1/flavors');
    await until(() => checks.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await browser.send('/api/os/compute/v2.1/flavors');
    await until(() => checks.length === 2);
  });

  it('lets the session go on when Keystone cannot answer', async () => {
    const { browser, checks } = await start({ intervalMs: 2, verdict: () => 503 });
    await browser.send('/api/os/compute/v2.1/flavors');
    await until(() => checks.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await browser.send('/api/os/compute/v2.1/flavors')).status).toBe(200);
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });

  it('asks nothing when turned off', async () => {
    const { browser, checks } = await start({ intervalMs: 0, verdict: () => 404 });
    for (let call = 0; call < 3; call++) expect((await browser.send('/api/os/compute/v2.1/flavors')).status).toBe(200);
    expect(checks).toHaveLength(0);
  });

  it('lets a sign-in through once the refused session is ended', async () => {
    const { browser, checks } = await start({ intervalMs: 30_000, verdict: () => 401 });
    await browser.send('/api/os/compute/v2.1/flavors');
    await until(() => checks.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Keystone (the stand-in) refuses the password too; what matters is that the BFF asked it rather than answer session_ended.
    const signIn = await browser.send('/api/auth/login', { method: 'POST', json: { username: 'demo', password: 'x' }, headers: { origin: browser.baseUrl } });
    expect(json<ErrorBody>(signIn).error.code).not.toBe('session_ended');
    expect(browser.cookie).toBeUndefined();
  });
});
