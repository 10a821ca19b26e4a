import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from './contract/error-body.js';
import {
  json,
  LogCapture,
  request,
  sampleAuth,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningZenith,
  removeTemporaryDirectories,
} from './testing/harness.js';

let running: RunningZenith | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});
afterAll(removeTemporaryDirectories);

const login = { username: 'demo', password: 'not-the-password', userDomain: 'Default' };

describe('security headers', () => {
  it('sends a strict CSP and hides the framework', async () => {
    running = await startZenith(testConfig());
    const response = await request(running.baseUrl, '/api/auth/session');
    const csp = response.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and upgrade-insecure-requests behind TLS', async () => {
    const config = testConfig();
    config.server.secureCookies = true;
    running = await startZenith(config);
    const response = await request(running.baseUrl, '/api/auth/session');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('routing', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    running = await startZenith(testConfig());
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['POST', '/api/auth/nothing'],
      ['GET', '/api'],
    ] as const) {
      const response = await request(running.baseUrl, path, { method });
      expect(response.status, path).toBe(404);
      expect(json<ErrorBody>(response).error).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it('serves the built client with an SPA fallback, and 404s missing files', async () => {
    const config = testConfig();
    mkdirSync(join(config.server.clientDist, 'assets'), { recursive: true });
    writeFileSync(join(config.server.clientDist, 'index.html'), '<!doctype html><title>Zenith</title>');
    writeFileSync(join(config.server.clientDist, 'assets', 'app-1234.js'), 'console.log(1)');
    running = await startZenith(config);

    for (const path of ['/', '/compute/servers', '/projects/demo/volumes']) {
      const page = await request(running.baseUrl, path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('<title>Zenith</title>');
      expect(page.headers['cache-control']).toBe('no-store');
    }
    const asset = await request(running.baseUrl, '/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await request(running.baseUrl, '/assets/missing-1234.js')).status).toBe(404);
    expect((await request(running.baseUrl, '/api/unknown')).headers['content-type']).toContain('application/json');
  });

  it('says so when the client is not built', async () => {
    running = await startZenith(testConfig());
    const response = await request(running.baseUrl, '/');
    expect(response.status).toBe(503);
    expect(response.body).toContain('npm run build');
  });
});

describe('login guard', () => {
  it('requires JSON', async () => {
    running = await startZenith(testConfig());
    const response = await request(running.baseUrl, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=demo&password=x',
    });
    expect(response.status).toBe(415);
    expect(json<ErrorBody>(response).error.code).toBe('unsupported_media_type');
  });

  it('refuses another origin and accepts its own', async () => {
    running = await startZenith(testConfig());
    const browser = new TestBrowser(running.baseUrl);
    const foreign = await browser.send('/api/auth/login', { method: 'POST', json: login, headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(json<ErrorBody>(foreign).error.code).toBe('origin');
    // Same origin gets as far as Keystone, which is deliberately unreachable in unit tests.
    const own = await browser.send('/api/auth/login', { method: 'POST', json: login, headers: { origin: running.baseUrl } });
    expect(own.status).toBe(502);
    expect(json<ErrorBody>(own).error.code).toBe('upstream_unreachable');
  });

  it('says Keystone is unreachable, in the error body, when it is down', async () => {
    running = await startZenith(testConfig());
    const response = await new TestBrowser(running.baseUrl).send('/api/auth/login', { method: 'POST', json: login });
    expect(response.status).toBe(502);
    expect(json<ErrorBody>(response).error).toEqual({
      status: 502,
      code: 'upstream_unreachable',
      message: 'Keystone is unreachable: connection refused',
    });
  });

  it('sees the public origin through a trusted TLS proxy, and only then', async () => {
    const headers = { origin: 'https://zenith.example', host: 'zenith.example', 'x-forwarded-proto': 'https' };
    running = await startZenith(testConfig());
    const untrusted = await new TestBrowser(running.baseUrl).send('/api/auth/login', { method: 'POST', json: login, headers });
    expect(json<ErrorBody>(untrusted).error.code).toBe('origin');
    await running.close();

    const config = testConfig();
    config.server.trustProxy = 'loopback';
    running = await startZenith(config);
    const trusted = await new TestBrowser(running.baseUrl).send('/api/auth/login', { method: 'POST', json: login, headers });
    expect(json<ErrorBody>(trusted).error.code).toBe('upstream_unreachable');
  });

  it('validates the body without echoing the password', async () => {
    running = await startZenith(testConfig());
    const browser = new TestBrowser(running.baseUrl);
    const response = await browser.send('/api/auth/login', { method: 'POST', json: { username: 'demo', password: '', extra: 'x' } });
    expect(response.status).toBe(400);
    expect(json<ErrorBody>(response).error.message).toMatch(/password/);
    const notJson = await request(running.baseUrl, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(notJson.status).toBe(400);
    expect(json<ErrorBody>(notJson).error.status).toBe(400);
  });

  it('refuses names and ids holding a lone UTF-16 surrogate (Keystone drops the connection on them) without asking Keystone', async () => {
    running = await startZenith(testConfig());
    const browser = new TestBrowser(running.baseUrl);
    for (const [path, body] of [
      ['/api/auth/login', { username: 'demo\ud800', password: 'p' }],
      ['/api/auth/login', { username: 'demo', password: 'p', project: '\udfff' }],
      ['/api/auth/login', { username: 'demo', password: 'p', userDomain: 'Default\ud800' }],
      ['/api/auth/login/application-credential', { id: '\ud800', secret: 's' }],
    ] as const) {
      const response = await browser.send(path, { method: 'POST', json: body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(json<ErrorBody>(response).error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('surrogate') as string });
    }
    // A pair is a character like any other: that sign-in goes as far as Keystone (unreachable in unit tests).
    const emoji = await browser.send('/api/auth/login', { method: 'POST', json: { username: 'demo💥', password: 'p' } });
    expect(json<ErrorBody>(emoji).error.code).toBe('upstream_unreachable');
  });

  it('limits failed sign-ins per account and per address', async () => {
    const config = testConfig();
    config.server.loginRateLimit = { windowMs: 60_000, maxFailuresPerIp: 5, maxFailuresPerUsername: 2 };
    running = await startZenith(config);
    const browser = new TestBrowser(running.baseUrl);
    const attempt = (username: string) => browser.send('/api/auth/login', { method: 'POST', json: { ...login, username } });
    expect((await attempt('alice')).status).toBe(502);
    expect((await attempt('Alice')).status).toBe(502);
    const limited = await attempt('alice');
    expect(limited.status).toBe(429);
    expect(json<ErrorBody>(limited).error.code).toBe('rate_limited');
    // Another account from the same address still gets through until the per-address limit.
    expect((await attempt('bob')).status).toBe(502);
    expect((await attempt('carol')).status).toBe(502);
    expect((await attempt('dave')).status).toBe(429);
  });
});

describe('logging', () => {
  it('redacts cookies, tokens and the CSRF token from request logs', async () => {
    const logs = new LogCapture();
    const config = testConfig();
    config.server.logLevel = 'info';
    running = await startZenith(config, logs);
    const auth = sampleAuth();
    const cookie = await seedSession(running.sessions, auth, 'csrf-secret-value');
    await request(running.baseUrl, '/api/auth/session', {
      headers: { cookie, authorization: 'Bearer abc', 'x-auth-token': 'client-token', 'x-csrf-token': 'csrf-secret-value' },
    });
    await request(running.baseUrl, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'hunter2-password' }),
    });
    expect(logs.lines.length).toBeGreaterThanOrEqual(2);
    for (const secret of [cookie.split('=')[1] ?? 'missing', 'Bearer abc', 'client-token', 'csrf-secret-value', 'hunter2-password', auth.token]) {
      expect(logs.text).not.toContain(secret);
    }
    expect(logs.text).toContain('[redacted]');
  });
});
