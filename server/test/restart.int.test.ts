// The BFF restarted during use, as a real process against the local cloud: SIGTERM, then started again on the same
// port and session store. Sessions survive (SQLite and Redis); an image upload in flight fails on the client within
// the drain time instead of hanging, and Glance keeps the image record `queued` (no data) for the UI to explain.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../src/contract/session.js';
import { json, removeTemporaryDirectories, temporaryDirectory, TestBrowser } from '../src/testing/harness.js';
import { startBffProcess, type BffProcess, type BffProcessOptions } from './bff-process.js';
import { cloudLogin, credentials, testRedisUrl, waitForCloud } from './support.js';

const glanceUrl = 'http://127.0.0.1:9292';
const running = new Set<BffProcess>();
const createdImages: string[] = [];

beforeAll(async () => {
  await waitForCloud();
});

afterAll(async () => {
  for (const bff of running) bff.kill();
  if (createdImages.length > 0) {
    const { token } = await cloudLogin('zenith-demo');
    for (const id of createdImages) await fetch(`${glanceUrl}/v2/images/${id}`, { method: 'DELETE', headers: { 'x-auth-token': token } });
  }
  removeTemporaryDirectories();
});

async function start(options: BffProcessOptions): Promise<BffProcess> {
  const bff = await startBffProcess(options);
  running.add(bff);
  return bff;
}

async function stop(bff: BffProcess): Promise<number | null> {
  const code = await bff.stop();
  running.delete(bff);
  return code;
}

async function signIn(baseUrl: string): Promise<{ browser: TestBrowser; view: SessionView }> {
  const browser = new TestBrowser(baseUrl);
  const { username, password } = credentials('zenith-demo');
  const response = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
  expect(response.status).toBe(200);
  const view = json<SessionView>(response);
  browser.csrfToken = view.csrfToken;
  return { browser, view };
}

/** The same browser (cookie and CSRF token) talking to another process. */
function sameBrowserOn(baseUrl: string, browser: TestBrowser): TestBrowser {
  const moved = new TestBrowser(baseUrl);
  moved.cookie = browser.cookie;
  moved.csrfToken = browser.csrfToken;
  return moved;
}

describe.each([
  ['SQLite', () => undefined],
  ['Redis', () => testRedisUrl()],
])('a BFF restarted with its sessions in %s', (_store, redisUrl) => {
  it('keeps the session: the same cookie and CSRF token work on the process started again', async () => {
    const options = { stateDir: temporaryDirectory('restart'), port: 0, sessionSecret: randomBytes(32).toString('base64url'), redisUrl: redisUrl() };
    const first = await start(options);
    const { browser, view } = await signIn(first.baseUrl);
    expect((await browser.send('/api/os/compute/servers')).status).toBe(200);

    expect(await stop(first)).toBe(0);
    await expect(fetch(`${first.baseUrl}/api/auth/session`)).rejects.toThrow();

    const second = await start({ ...options, port: first.port });
    const again = sameBrowserOn(second.baseUrl, browser);
    const session = await again.send('/api/auth/session');
    expect(session.status).toBe(200);
    expect(json<SessionView>(session)).toEqual(view);
    expect((await again.send('/api/os/compute/servers')).status).toBe(200);
    // A write with the CSRF token issued before the restart.
    const scoped = await again.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(scoped.status).toBe(200);
    expect(await stop(second)).toBe(0);
  });
});

/** A PUT whose body keeps coming (64 KiB every 50 ms) until the connection is cut: an upload of a large file. */
function endlessUpload(baseUrl: string, path: string, browser: TestBrowser) {
  const upload = http.request(new URL(path, baseUrl), {
    method: 'PUT',
    headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken, 'content-type': 'application/octet-stream' },
  });
  const chunk = Buffer.alloc(64 * 1024, 7);
  let sent = 0;
  const timer = setInterval(() => {
    upload.write(chunk);
    sent += chunk.length;
  }, 50);
  const result = new Promise<{ status?: number; error?: string }>((resolve) => {
    upload.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode });
    });
    upload.on('error', (error: NodeJS.ErrnoException) => resolve({ error: `${error.code ?? ''} ${error.message}`.trim() }));
  }).finally(() => clearInterval(timer));
  return { result, sent: () => sent };
}

async function glanceImage(id: string, token: string): Promise<{ status: string; size: number | null }> {
  const response = await fetch(`${glanceUrl}/v2/images/${id}`, { headers: { 'x-auth-token': token } });
  return (await response.json()) as { status: string; size: number | null };
}

describe('an image upload in flight when the BFF is stopped', () => {
  it('fails on the client once the drain time is over, and Glance keeps the record queued without data', async () => {
    const drainSeconds = 2;
    const bff = await start({ stateDir: temporaryDirectory('restart-upload'), port: 0, sessionSecret: randomBytes(32).toString('base64url'), drainSeconds });
    const { browser } = await signIn(bff.baseUrl);
    const created = await browser.send('/api/os/image/v2/images', {
      method: 'POST',
      json: { name: `zenith-int-restart-${Date.now()}`, disk_format: 'raw', container_format: 'bare' },
    });
    expect(created.status).toBe(201);
    const { id } = json<{ id: string }>(created);
    createdImages.push(id);
    const { token } = await cloudLogin('zenith-demo');

    const upload = endlessUpload(bff.baseUrl, `/api/os/image/v2/images/${id}/file`, browser);
    // Glance is receiving the data.
    await expect.poll(async () => (await glanceImage(id, token)).status, { timeout: 20_000 }).toBe('saving');

    const stoppedAt = Date.now();
    const exited = bff.stop();
    const outcome = await upload.result;
    const failedAfterMs = Date.now() - stoppedAt;
    running.delete(bff);
    // The connection is cut (no answer to a half-sent upload), after the drain and not long after it.
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toMatch(/ECONNRESET|EPIPE|socket hang up/);
    expect(failedAfterMs).toBeGreaterThanOrEqual(drainSeconds * 1000 - 100);
    expect(failedAfterMs).toBeLessThan(drainSeconds * 1000 + 5000);
    expect(await exited).toBe(0);
    expect(upload.sent()).toBeGreaterThan(0);
    console.log(`upload cut ${failedAfterMs} ms after SIGTERM (drain ${drainSeconds} s), ${upload.sent()} bytes sent`);

    // Glance gives the record back its `queued` state: it exists, without data, until someone deletes it.
    await expect.poll(async () => (await glanceImage(id, token)).status, { timeout: 30_000 }).toBe('queued');
    expect((await glanceImage(id, token)).size).toBeNull();
  });
});
