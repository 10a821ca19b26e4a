// The project tokens of a session (auth/project-tokens.ts), kept beside the session under its own key rather than in
// it: every request loads and parses the whole session, and a token with its endpoints is ~0.9 kB, up to 200 of them.
// Only the reads across projects and a call in another project's scope read them.
import type Database from 'better-sqlite3';
import type { createClient } from 'redis';
import type { ProjectToken } from './session.js';

export interface ProjectTokenStore {
  /** The token to use for each project the session holds one for. */
  get(sid: string): Promise<ProjectToken[]>;
  /**
   * Adds `gained` and removes `dropped` in one step. Entries are keyed by token, so two requests changing the same
   * session at once both land (nothing is read and written back); the key expires with the session, at `expiresAt`.
   */
  change(sid: string, gained: readonly ProjectToken[], dropped: readonly string[], expiresAt: string): Promise<void>;
  /** Deletes the session's tokens and returns every one, to revoke (those `get` no longer picks among them). */
  take(sid: string): Promise<string[]>;
}

/**
 * One token per project. Two fan-outs that rescoped the same project at once leave two: the one lasting longest is
 * used, the other stays valid (another request may still be using it) until the logout revokes it.
 */
export function newestPerProject(all: readonly ProjectToken[]): ProjectToken[] {
  const chosen = new Map<string, ProjectToken>();
  for (const held of all) {
    const other = chosen.get(held.projectId);
    if (!other || held.expiresAt > other.expiresAt || (held.expiresAt === other.expiresAt && held.token > other.token)) chosen.set(held.projectId, held);
  }
  return [...chosen.values()];
}

function parse(data: string): ProjectToken {
  // Written by change() from a ProjectToken; only this module reads the key.
  return JSON.parse(data) as ProjectToken;
}

export const projectTokenTableSql =
  'CREATE TABLE IF NOT EXISTS project_tokens (sid TEXT NOT NULL, token TEXT NOT NULL, expire TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (sid, token))';
export const projectTokenExpireIndexSql = 'CREATE INDEX IF NOT EXISTS project_tokens_expire ON project_tokens (expire)';
/** Expired rows, swept with the expired sessions (same ISO 8601 ordering, in batches). */
export const deleteExpiredProjectTokensSql =
  'DELETE FROM project_tokens WHERE rowid IN (SELECT rowid FROM project_tokens WHERE expire <= ? LIMIT ?)';

/** In the sessions' SQLite file: one process, and better-sqlite3's transactions are synchronous, hence atomic. */
export function sqliteProjectTokenStore(database: Database.Database): ProjectTokenStore {
  database.exec(projectTokenTableSql);
  database.exec(projectTokenExpireIndexSql);
  const select = database.prepare<[string, string], { data: string }>('SELECT data FROM project_tokens WHERE sid = ? AND expire > ?');
  const insert = database.prepare<[string, string, string, string]>('INSERT OR REPLACE INTO project_tokens (sid, token, expire, data) VALUES (?, ?, ?, ?)');
  const remove = database.prepare<[string, string]>('DELETE FROM project_tokens WHERE sid = ? AND token = ?');
  const tokens = database.prepare<[string], { token: string }>('SELECT token FROM project_tokens WHERE sid = ?');
  const removeAll = database.prepare<[string]>('DELETE FROM project_tokens WHERE sid = ?');
  const change = database.transaction((sid: string, gained: readonly ProjectToken[], dropped: readonly string[], expiresAt: string) => {
    for (const held of gained) insert.run(sid, held.token, expiresAt, JSON.stringify(held));
    for (const token of dropped) remove.run(sid, token);
  });
  const take = database.transaction((sid: string) => {
    const all = tokens.all(sid).map((row) => row.token);
    removeAll.run(sid);
    return all;
  });
  return {
    get: (sid) => attempt(() => newestPerProject(select.all(sid, new Date().toISOString()).map((row) => parse(row.data)))),
    change: (sid, gained, dropped, expiresAt) => attempt(() => change(sid, gained, dropped, expiresAt)),
    take: (sid) => attempt(() => take(sid)),
  };
}

/** better-sqlite3 throws synchronously; the store's callers expect a rejection, as from Redis. */
function attempt<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error('The session store failed', { cause: error }));
  }
}

type RedisClient = ReturnType<typeof createClient>;

/** A hash per session (field: the token, value: the token with its endpoints), expiring with the session. */
export function redisProjectTokenStore(client: RedisClient, prefix: string): ProjectTokenStore {
  const key = (sid: string) => `${prefix}${sid}`;
  return {
    async get(sid) {
      return newestPerProject((await client.hVals(key(sid))).map(parse));
    },
    async change(sid, gained, dropped, expiresAt) {
      const transaction = client.multi();
      if (gained.length > 0) transaction.hSet(key(sid), Object.fromEntries(gained.map((held) => [held.token, JSON.stringify(held)])));
      if (dropped.length > 0) transaction.hDel(key(sid), [...dropped]);
      transaction.pExpireAt(key(sid), Date.parse(expiresAt));
      await transaction.exec();
    },
    async take(sid) {
      const [fields] = await client.multi().hKeys(key(sid)).del(key(sid)).exec();
      return Array.isArray(fields) ? fields.map(String) : [];
    },
  };
}
