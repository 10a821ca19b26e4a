import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import session from 'express-session';
import type { Store as RateLimitStore } from 'express-rate-limit';
import connectSqliteStore from 'better-sqlite3-session-store';
import { ApiError } from '../http/errors.js';
import { deleteExpiredProjectTokensSql, sqliteProjectTokenStore, type ProjectTokenStore } from './project-token-store.js';

/**
 * Where sessions live. express-session only needs a Store; the backend adds what the process needs to shut
 * down cleanly. SQLite (one BFF process) here; Redis (several replicas) in redis-store.ts.
 */
export interface SessionBackend {
  readonly store: session.Store;
  /** The sessions' project tokens, beside them under their own key (project-token-store.ts). */
  readonly projectTokens: ProjectTokenStore;
  /**
   * A store for the counters of one sign-in rate limit, shared like the sessions so that every replica counts the
   * same failures. Absent: each process counts in its own memory (one process has nobody to share with).
   */
  readonly rateLimitStore?: (name: string) => RateLimitStore;
  close(): Promise<void>;
}

/**
 * A session store that failed (Redis gone or restarting, a SQLite file locked or on a full disk): nothing is wrong
 * with the request or with the BFF, and the same request will work once the store is back, hence a 503 and not the
 * 500 of a bug. The store's own error goes to the log only.
 */
export function sessionStoreUnavailable(cause: unknown): ApiError {
  return new ApiError(503, 'The session store is unavailable; try again in a moment', { code: 'session_store_unavailable', cause });
}

type StoreCallback = (error?: unknown) => void;

/** A store whose failures reach express-session and the routes as sessionStoreUnavailable. */
export class StoreFailuresAs503 extends session.Store {
  constructor(private readonly inner: session.Store) {
    super();
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    this.inner.get(sid, (error: unknown, data?: session.SessionData | null) => callback(failure(error), data));
  }

  override set(sid: string, data: session.SessionData, callback?: StoreCallback): void {
    this.inner.set(sid, data, (error?: unknown) => callback?.(failure(error)));
  }

  override destroy(sid: string, callback?: StoreCallback): void {
    this.inner.destroy(sid, (error?: unknown) => callback?.(failure(error)));
  }

  override touch(sid: string, data: session.SessionData, callback?: StoreCallback): void {
    if (this.inner.touch) this.inner.touch(sid, data, (error?: unknown) => callback?.(failure(error)));
    else callback?.();
  }
}

function failure(error: unknown): ApiError | undefined {
  return error ? sessionStoreUnavailable(error) : undefined;
}

const SqliteStore = connectSqliteStore(session);
const expiredSweepMs = 15 * 60_000;

/**
 * The library writes `expire` as an ISO 8601 UTC string (toISOString), so a plain string comparison orders it and
 * the index serves the sweep; its own sweep wraps the column in datetime(), which reads every row.
 */
export const expireIndexSql = 'CREATE INDEX IF NOT EXISTS sessions_expire ON sessions (expire)';
export const deleteExpiredSql = 'DELETE FROM sessions WHERE sid IN (SELECT sid FROM sessions WHERE expire <= ? LIMIT ?)';
/** Rows deleted per turn of the event loop: a sweep never holds requests back for long, however many expired. */
export const sweepBatchSize = 200;

class ClosableSqliteStore extends SqliteStore {
  // Set by startInterval, which the library's constructor calls: `declare` keeps a field initializer from erasing it.
  declare sweepTimer: NodeJS.Timeout | undefined;
  private readonly deleteExpired: Database.Statement<[string, number]>;
  private readonly deleteExpiredProjectTokens: Database.Statement<[string, number]>;
  private nextBatch: NodeJS.Immediate | undefined;

  constructor(database: Database.Database, intervalMs: number) {
    super({ client: database, expired: { clear: true, intervalMs } });
    // The library's constructor made the table.
    database.exec(expireIndexSql);
    this.deleteExpired = database.prepare(deleteExpiredSql);
    this.deleteExpiredProjectTokens = database.prepare(deleteExpiredProjectTokensSql);
  }

  // The library's sweep timer is neither kept nor unref'd; this one is, so the process can exit and close.
  override startInterval(): void {
    this.sweepTimer = setInterval(() => this.clearExpiredSessions(), this.expired.intervalMs).unref();
  }

  /** One batch now, the next ones on later turns of the event loop until none is left. */
  override clearExpiredSessions(): void {
    let deleted: number;
    try {
      const now = new Date().toISOString();
      // A session's project tokens expire with it (ProjectTokenStore.change), so one sweep serves both.
      deleted = Math.max(this.deleteExpired.run(now, sweepBatchSize).changes, this.deleteExpiredProjectTokens.run(now, sweepBatchSize).changes);
    } catch (error) {
      // As the library does: a failed sweep (a busy database) is retried at the next interval.
      console.error(error);
      return;
    }
    this.nextBatch = deleted === sweepBatchSize ? setImmediate(() => this.clearExpiredSessions()).unref() : undefined;
  }

  stopSweeping(): void {
    clearInterval(this.sweepTimer);
    clearImmediate(this.nextBatch);
  }

  /**
   * express-session touches every unmodified session at the end of every request, to slide an idle timeout. A
   * Zenith session ends with its token instead (updateSession sets the row's expiry), so a touch would only be a
   * database write per request, moving the row's expiry past the token's.
   */
  override touch(_sid: string, _session: session.SessionData, callback?: () => void): void {
    callback?.();
  }
}

/** Sessions hold Keystone tokens: the file and its directory are readable by the BFF's user only. */
export function openSqliteSessionBackend(file: string): SessionBackend {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const database = new Database(file);
  chmodSync(file, 0o600);
  database.pragma('journal_mode = WAL');
  // Its table first: the sessions' sweep deletes from it too.
  const projectTokens = sqliteProjectTokenStore(database);
  const store = new ClosableSqliteStore(database, expiredSweepMs);
  return {
    store,
    projectTokens,
    close() {
      store.stopSweeping();
      database.close();
      return Promise.resolve();
    },
  };
}
