// A session store that fails at runtime (Redis restarting, the network to it cut): a memory store told to fail.
import Database from 'better-sqlite3';
import session from 'express-session';
import { MemoryStore as MemoryCounters } from 'express-rate-limit';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../contract/error-body.js';
import {
  json,
  listen,
  LogCapture,
  removeTemporaryDirectories,
  sampleAuth,
  sampleCatalog,
  seedSession,
  startZenith,
  testConfig,
  TestBrowser,
  type RunningZenith,
} from '../testing/harness.js';
import { sqliteProjectTokenStore } from './project-token-store.js';
import type { SessionBackend } from './store.js';

type Operation = 'get' | 'set' | 'destroy';
const storeError = () => new Error('Socket closed unexpectedly');

class FailingStore extends session.MemoryStore {
  readonly failing = new Set<Operation>();

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    if (this.failing.has('get')) callback(storeError());
    else super.get(sid, callback);
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    if (this.failing.has('set')) callback?.(storeError());
    else super.set(sid, data, callback);
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    if (this.failing.has('destroy')) callback?.(storeError());
    else super.destroy(sid, callback);
  }
}

class FailingCounters extends MemoryCounters {
  failing = false;

  override async increment(key: string) {
    if (this.failing) throw storeError();
    return super.increment(key);
  }
}

const unavailable = { status: 503, code: 'session_store_unavailable', message: 'The session store is unavailable; try again in a moment' };

let running: RunningZenith | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  removeTemporaryDirectories();
});

async function start(auth = sampleAuth()) {
  const store = new FailingStore();
  // One store per limiter, as express-rate-limit wants.
  const counters: FailingCounters[] = [];
  const rateLimitStore = () => {
    const limiterCounters = new FailingCounters();
    counters.push(limiterCounters);
    return limiterCounters;
  };
  const backend: SessionBackend = { store, projectTokens: sqliteProjectTokenStore(new Database(':memory:')), rateLimitStore, close: () => Promise.resolve() };
  const config = testConfig();
  config.server.logLevel = 'info';
  const logs = new LogCapture();
  running = await startZenith(config, logs, backend);
  const browser = new TestBrowser(running.baseUrl);
  browser.cookie = await seedSession(backend, auth, 'csrf-1');
  browser.csrfToken = 'csrf-1';
  return { store, counters, browser, logs, baseUrl: running.baseUrl };
}

describe('a session store failing at runtime', () => {
  it('answers 503 session_store_unavailable while it cannot read sessions, logs why, and serves again once it is back', async () => {
    const { store, browser, logs } = await start();
    expect((await browser.send('/api/auth/session')).status).toBe(200);

    store.failing.add('get');
    for (const path of ['/api/auth/session', '/api/os/compute/servers']) {
      const response = await browser.send(path);
      expect(response.status).toBe(503);
      expect(json<ErrorBody>(response).error).toEqual(unavailable);
    }
    expect(logs.text).toContain('Socket closed unexpectedly');

    store.failing.clear();
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });

  it('answers 503 to a sign-out it cannot record, and the session is still there to sign out from', async () => {
    const { store, browser } = await start();
    store.failing.add('destroy');
    const response = await browser.send('/api/auth/logout', { method: 'POST' });
    expect(response.status).toBe(503);
    expect(json<ErrorBody>(response).error).toEqual(unavailable);

    store.failing.clear();
    expect((await browser.send('/api/auth/session')).status).toBe(200);
  });

  it('answers 503, not a cut connection, when a service refused the token and the session cannot be ended', async () => {
    const service = await listen((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":401}}'));
    try {
      const { store, browser } = await start(sampleAuth({ catalog: sampleCatalog(`${service.baseUrl}/v2.1`) }));
      store.failing.add('destroy');
      const response = await browser.send('/api/os/compute/servers');
      expect(response.status).toBe(503);
      expect(json<ErrorBody>(response).error).toEqual(unavailable);

      store.failing.clear();
      const retried = await browser.send('/api/os/compute/servers');
      expect(retried.status).toBe(401);
      expect(json<ErrorBody>(retried).error.code).toBe('session_ended');
    } finally {
      await service.close();
    }
  });

  it('refuses a sign-in with 503 when the sign-in counters cannot be read, before asking Keystone', async () => {
    const { counters, baseUrl } = await start();
    for (const limiterCounters of counters) limiterCounters.failing = true;
    const response = await new TestBrowser(baseUrl).send('/api/auth/login', {
      method: 'POST',
      json: { username: 'demo', password: 'not-the-password', userDomain: 'Default' },
    });
    // Keystone (unreachable in unit tests) would have made it a 502.
    expect(response.status).toBe(503);
    expect(json<ErrorBody>(response).error).toEqual(unavailable);
  });
});
