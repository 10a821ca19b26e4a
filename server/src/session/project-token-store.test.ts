import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTemporaryDirectories, temporaryDirectory } from '../testing/harness.js';
import { newestPerProject } from './project-token-store.js';
import { describeProjectTokenStore, held } from './project-token-store.suite.js';
import { openSqliteSessionBackend, type SessionBackend } from './store.js';

const opened: SessionBackend[] = [];
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.close();
});
afterAll(removeTemporaryDirectories);

function openBackend(): { backend: SessionBackend; file: string } {
  const file = join(temporaryDirectory('project-tokens'), 'sessions.db');
  const backend = openSqliteSessionBackend(file);
  opened.push(backend);
  return { backend, file };
}

describeProjectTokenStore('SQLite', () => Promise.resolve(openBackend().backend.projectTokens));

describe('project tokens in the SQLite file', () => {
  it('are swept with the expired sessions', async () => {
    const { backend, file } = openBackend();
    await backend.projectTokens.change('gone', [held('p1', 't1')], [], new Date(Date.now() - 1000).toISOString());
    await backend.projectTokens.change('live', [held('p1', 't2')], [], new Date(Date.now() + 60_000).toISOString());
    (backend.store as unknown as { clearExpiredSessions(): void }).clearExpiredSessions();
    const database = new Database(file, { readonly: true });
    try {
      expect(database.prepare('SELECT sid FROM project_tokens').all()).toEqual([{ sid: 'live' }]);
    } finally {
      database.close();
    }
  });
});

describe('newestPerProject', () => {
  it('picks the token lasting longest of each project, the same one whatever the order', () => {
    const tokens = [held('p1', 'short', 1000), held('p1', 'long', 2000), held('p2', 'only')];
    expect(newestPerProject(tokens).map((token) => token.token)).toEqual(['long', 'only']);
    expect(newestPerProject([...tokens].reverse()).map((token) => token.token).sort()).toEqual(['long', 'only']);
  });
});
