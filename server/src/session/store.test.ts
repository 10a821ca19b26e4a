import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  sampleAuth,
  seedSession,
  startZenith,
  temporaryDirectory,
  testConfig,
  TestBrowser,
  type RunningZenith,
  removeTemporaryDirectories,
} from '../testing/harness.js';
import { deleteExpiredSql, openSqliteSessionBackend, sweepBatchSize, type SessionBackend } from './store.js';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const resource of opened.splice(0)) await resource.close();
});
afterAll(removeTemporaryDirectories);

function openStore(): { backend: SessionBackend; file: string } {
  const file = join(temporaryDirectory('store'), 'sessions.db');
  const backend = openSqliteSessionBackend(file);
  opened.push(backend);
  return { backend, file };
}

function readOnly(file: string) {
  const database = new Database(file, { readonly: true });
  opened.push(database);
  return database;
}

/** Rows written as the library writes them, `expire` as an ISO string. */
function insertSessions(file: string, count: number, expire: Date, prefix: string) {
  const database = new Database(file);
  const insert = database.prepare('INSERT INTO sessions (sid, sess, expire) VALUES (?, ?, ?)');
  database.transaction(() => {
    for (let index = 0; index < count; index++) insert.run(`${prefix}-${index}`, '{"cookie":{}}', expire.toISOString());
  })();
  database.close();
}

const countOf = (file: string, prefix: string) =>
  (readOnly(file).prepare('SELECT COUNT(*) AS count FROM sessions WHERE sid LIKE ?').get(`${prefix}-%`) as { count: number }).count;

describe('session store', () => {
  it('leaves the stored row as the sign-in saved it, however many requests the session makes', async () => {
    const config = testConfig();
    const zenith: RunningZenith = await startZenith(config);
    opened.push(zenith);
    const browser = new TestBrowser(zenith.baseUrl);
    browser.cookie = await seedSession(zenith.sessions, sampleAuth(), 'csrf');
    const sessionId = decodeURIComponent(browser.cookie.split('=')[1] ?? '').slice(2).split('.')[0];
    const rowOf = () =>
      readOnly(config.server.sessionDb).prepare('SELECT sess, expire FROM sessions WHERE sid = ?').get(sessionId) as {
        sess: string;
        expire: string;
      };
    const saved = rowOf();

    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let request = 0; request < 3; request++) expect((await browser.send('/api/auth/session')).status).toBe(200);

    // express-session would have "touched" it (a write moving `expire` forward) at the end of each request.
    expect(rowOf()).toEqual(saved);
  });

  it('sweeps the expired sessions and keeps the live ones', () => {
    const { backend, file } = openStore();
    insertSessions(file, 3, new Date(Date.now() - 1000), 'expired');
    insertSessions(file, 2, new Date(Date.now() + 3_600_000), 'live');

    (backend.store as unknown as { clearExpiredSessions(): void }).clearExpiredSessions();

    expect(countOf(file, 'expired')).toBe(0);
    expect(countOf(file, 'live')).toBe(2);
  });

  it('finds the expired sessions through an index on their expiry, never by reading every session', () => {
    const { file } = openStore();
    const plan = readOnly(file)
      .prepare(`EXPLAIN QUERY PLAN ${deleteExpiredSql}`)
      .all(new Date().toISOString(), sweepBatchSize) as { detail: string }[];
    const details = plan.map((step) => step.detail);
    expect(details).toContainEqual(expect.stringMatching(/SEARCH sessions USING (COVERING )?INDEX sessions_expire \(expire<\?\)/));
    expect(details.filter((detail) => /^SCAN sessions\b/.test(detail))).toEqual([]);
  });

  it('deletes one batch at a time, the rest on later turns of the event loop', async () => {
    const { backend, file } = openStore();
    insertSessions(file, sweepBatchSize * 2 + 10, new Date(Date.now() - 1000), 'expired');
    insertSessions(file, 5, new Date(Date.now() + 3_600_000), 'live');

    (backend.store as unknown as { clearExpiredSessions(): void }).clearExpiredSessions();
    expect(countOf(file, 'expired')).toBe(sweepBatchSize + 10);

    await vi.waitFor(() => expect(countOf(file, 'expired')).toBe(0));
    expect(countOf(file, 'live')).toBe(5);
  });

  it('stops a sweep under way when the store closes', async () => {
    const { backend, file } = openStore();
    insertSessions(file, sweepBatchSize * 2, new Date(Date.now() - 1000), 'expired');
    const failures = vi.spyOn(console, 'error');

    (backend.store as unknown as { clearExpiredSessions(): void }).clearExpiredSessions();
    await backend.close();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

    expect(failures).not.toHaveBeenCalled();
    failures.mockRestore();
    expect(countOf(file, 'expired')).toBe(sweepBatchSize);
  });
});
