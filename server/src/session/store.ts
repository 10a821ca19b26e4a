import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import session from 'express-session';
import type { Store as RateLimitStore } from 'express-rate-limit';
import connectSqliteStore from 'better-sqlite3-session-store';

/**
 * Where sessions live. express-session only needs a Store; the backend adds what the process needs to shut
 * down cleanly. SQLite (one BFF process) here; Redis (several replicas) in redis-store.ts.
 */
export interface SessionBackend {
  readonly store: session.Store;
  /**
   * A store for the counters of one sign-in rate limit, shared like the sessions so that every replica counts the
   * same failures. Absent: each process counts in its own memory (one process has nobody to share with).
   */
  readonly rateLimitStore?: (name: string) => RateLimitStore;
  close(): Promise<void>;
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
  private nextBatch: NodeJS.Immediate | undefined;

  constructor(database: Database.Database, intervalMs: number) {
    super({ client: database, expired: { clear: true, intervalMs } });
    // The library's constructor made the table.
    database.exec(expireIndexSql);
    this.deleteExpired = database.prepare(deleteExpiredSql);
  }

  // The library's sweep timer is neither kept nor unref'd; this one is, so the process can exit and close.
  override startInterval(): void {
    this.sweepTimer = setInterval(() => this.clearExpiredSessions(), this.expired.intervalMs).unref();
  }

  /** One batch now, the next ones on later turns of the event loop until none is left. */
  override clearExpiredSessions(): void {
    let deleted: number;
    try {
      deleted = this.deleteExpired.run(new Date().toISOString(), sweepBatchSize).changes;
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
  const store = new ClosableSqliteStore(database, expiredSweepMs);
  return {
    store,
    close() {
      store.stopSweeping();
      database.close();
      return Promise.resolve();
    },
  };
}
