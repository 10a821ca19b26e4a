// Redis going away while sessions live in it: a private Redis (its own port and directory, so the shared one on
// 6390 stays up for the other tests), stopped and started again under a running BFF process. Meanwhile every call
// that needs the session answers 503 session_store_unavailable at once, the BFF keeps running, and once Redis is
// back the same cookie works again.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/contract/error-body.js';
import type { SessionView } from '../src/contract/session.js';
import { json, removeTemporaryDirectories, temporaryDirectory, TestBrowser } from '../src/testing/harness.js';
import { startBffProcess, type BffProcess } from './bff-process.js';
import { credentials, startPrivateRedis, waitForCloud } from './support.js';

const redisPort = 6391;
const redisDir = temporaryDirectory('redis-outage');
let redis: ChildProcess | undefined;
let bff: BffProcess | undefined;

/** redis-server in the foreground, as this process's child; its data (dump.rdb) in redisDir, written only on SHUTDOWN SAVE. */
async function startRedis(): Promise<void> {
  redis = await startPrivateRedis(redisPort, redisDir);
}

/** SHUTDOWN SAVE: Redis writes its data and exits, as a maintenance restart would; the next start reads it back. */
async function stopRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  spawn('/usr/bin/redis-cli', ['-p', String(redisPort), 'shutdown', 'save'], { stdio: 'ignore' });
  await exited;
  redis = undefined;
}

beforeAll(async () => {
  await waitForCloud();
  await startRedis();
});

afterAll(async () => {
  bff?.kill();
  if (redis && redis.exitCode === null) redis.kill('SIGKILL');
  removeTemporaryDirectories();
});

describe('Redis stopped under a running BFF', () => {
  it('answers 503 session_store_unavailable at once, stays up, and serves the same session once Redis is back', async () => {
    bff = await startBffProcess({
      stateDir: temporaryDirectory('redis-outage-bff'),
      port: 0,
      sessionSecret: randomBytes(32).toString('base64url'),
      redisUrl: `redis://127.0.0.1:${redisPort}/0`,
    });
    const browser = new TestBrowser(bff.baseUrl);
    const { username, password } = credentials('zenith-demo');
    const login = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
    expect(login.status).toBe(200);
    browser.csrfToken = json<SessionView>(login).csrfToken;
    expect((await browser.send('/api/os/compute/servers')).status).toBe(200);

    await stopRedis();

    for (const path of ['/api/os/compute/servers', '/api/auth/session']) {
      const startedAt = Date.now();
      const refused = await browser.send(path);
      expect(refused.status, path).toBe(503);
      expect(json<ErrorBody>(refused).error).toEqual({
        status: 503,
        code: 'session_store_unavailable',
        message: 'The session store is unavailable; try again in a moment',
      });
      // No queueing behind a reconnect: the answer comes at once.
      expect(Date.now() - startedAt, path).toBeLessThan(2000);
    }
    const write = await browser.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(write.status).toBe(503);
    // A sign-in needs the store too (its rate limit and the new session): refused the same way, not a crash.
    const signIn = await new TestBrowser(bff.baseUrl).send('/api/auth/login', { method: 'POST', json: { username, password } });
    expect(signIn.status).toBe(503);
    expect(json<ErrorBody>(signIn).error.code).toBe('session_store_unavailable');

    await startRedis();
    // The client reconnects by itself (backing off up to 5 s); the same cookie then works as before.
    await expect.poll(async () => (await browser.send('/api/auth/session')).status, { timeout: 15_000, interval: 500 }).toBe(200);
    expect((await browser.send('/api/os/compute/servers')).status).toBe(200);
    expect(await bff.stop()).toBe(0);
    bff = undefined;
    await stopRedis();
  });
});
