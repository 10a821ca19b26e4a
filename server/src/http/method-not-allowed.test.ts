import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import { json, removeTemporaryDirectories, request, sampleAuth, seedSession, startZenith, testConfig, type RunningZenith } from '../testing/harness.js';

let running: RunningZenith;
beforeAll(async () => {
  const config = testConfig();
  mkdirSync(config.server.clientDist, { recursive: true });
  writeFileSync(join(config.server.clientDist, 'index.html'), '<!doctype html><title>Zenith</title>');
  running = await startZenith(config);
});
afterAll(async () => {
  await running.close();
  removeTemporaryDirectories();
});

describe('a BFF route asked with a method it does not take', () => {
  it.each([
    ['GET', '/api/auth/login', 'POST'],
    ['PUT', '/api/auth/logout', 'POST'],
    ['DELETE', '/api/auth/session', 'GET, HEAD'],
    ['POST', '/api/auth/catalog', 'GET, HEAD'],
    ['PATCH', '/api/account', 'GET, HEAD'],
    ['GET', '/api/account/totp/confirm', 'POST'],
    ['POST', '/api/versions/compute', 'GET, HEAD'],
    // A trailing slash is the same route to Express.
    ['GET', '/api/auth/login/', 'POST'],
  ])('%s %s: 405, Allow: %s, in the error body', async (method, path, allow) => {
    const response = await request(running.baseUrl, path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(response.headers['content-type']).toContain('application/json');
    expect(json<ErrorBody>(response).error).toMatchObject({ status: 405, code: 'method_not_allowed' });
    expect(json<ErrorBody>(response).error.message).toContain(allow);
  });

  it('answers HEAD with the status and the Allow header alone', async () => {
    const response = await request(running.baseUrl, '/api/auth/logout', { method: 'HEAD' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.body).toBe('');
  });

  it('still checks the CSRF token of a signed-in session first', async () => {
    const cookie = await seedSession(running.sessions, sampleAuth(), 'csrf-token');
    const response = await request(running.baseUrl, '/api/auth/session', { method: 'DELETE', headers: { cookie } });
    expect(response.status).toBe(403);
    expect(json<ErrorBody>(response).error.code).toBe('csrf');
  });
});

describe('what is not a BFF route keeps its answer', () => {
  it.each([
    ['DELETE', '/api/session'],
    ['GET', '/api/auth/nothing'],
    ['POST', '/api'],
    // The SPA's pages are not routes: another method than GET there is a 404, as before.
    ['POST', '/compute/servers'],
  ])('%s %s: 404', async (method, path) => {
    const response = await request(running.baseUrl, path, { method });
    expect(response.status).toBe(404);
    expect(response.headers.allow).toBeUndefined();
    expect(json<ErrorBody>(response).error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('serves the SPA for GET on its pages', async () => {
    const page = await request(running.baseUrl, '/compute/servers');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Zenith</title>');
  });

  it('leaves the proxy its own answers: every OpenStack method to the session check, others refused there', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await request(running.baseUrl, '/api/os/compute/servers', { method });
      expect(response.status, method).toBe(401);
    }
    const trace = await request(running.baseUrl, '/api/os/compute/servers', { method: 'TRACE' });
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(json<ErrorBody>(trace).error.code).toBe('method_not_allowed');
  });
});
