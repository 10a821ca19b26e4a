import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../src/contract/session.js';
import { json, LogCapture, startZenith, temporaryDirectory, TestBrowser, type RunningZenith, removeTemporaryDirectories } from '../src/testing/harness.js';
import { credentials, integrationConfig, waitForCloud } from './support.js';

const stateDir = temporaryDirectory('restart');
const running: RunningZenith[] = [];
const logs = new LogCapture();

beforeAll(async () => {
  await waitForCloud();
});

afterAll(async () => {
  for (const instance of running) await instance.close().catch(() => undefined);
  removeTemporaryDirectories();
});

async function start(): Promise<RunningZenith> {
  // No ZENITH_SESSION_SECRET: the generated one, kept in the state directory, must carry over.
  const instance = await startZenith(integrationConfig(stateDir), logs);
  running.push(instance);
  return instance;
}

describe('session store', () => {
  it('keeps sessions across a BFF restart on the same SQLite file', async () => {
    const first = await start();
    const browser = new TestBrowser(first.baseUrl);
    const { username, password } = credentials('zenith-demo');
    const login = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
    expect(login.status).toBe(200);
    browser.csrfToken = json<SessionView>(login).csrfToken;
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start();
    const sameCookie = new TestBrowser(second.baseUrl);
    sameCookie.cookie = browser.cookie;
    sameCookie.csrfToken = browser.csrfToken;
    const session = await sameCookie.send('/api/auth/session');
    expect(session.status).toBe(200);
    expect(json<SessionView>(session)).toEqual(json<SessionView>(login));
    expect((await sameCookie.send('/api/os/compute/servers')).status).toBe(200);
    const scoped = await sameCookie.send('/api/auth/scope', { method: 'POST', json: { region: 'RegionTwo' } });
    expect(scoped.status).toBe(200);
  });

  it('keeps the session file and the generated secret readable by the BFF\'s user only', () => {
    expect(statSync(join(stateDir, 'sessions.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(stateDir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o077).toBe(0);
  });

  it('logged nothing secret', () => {
    expect(logs.text).not.toContain('gAAAAA');
  });
});
