import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import session from 'express-session';
import connectSqliteStore from 'better-sqlite3-session-store';

/**
 * Where sessions live. express-session only needs a Store; the backend adds what the process needs to shut
 * down cleanly. A Redis backend (several BFF replicas) would be a second implementation of this interface.
 */
export interface SessionBackend {
  readonly store: session.Store;
  close(): void;
}

const SqliteStore = connectSqliteStore(session);
const expiredSweepMs = 15 * 60_000;

/** The library's sweep timer is neither kept nor unref'd; this one is, so the process can exit and close. */
class ClosableSqliteStore extends SqliteStore {
  declare sweepTimer: NodeJS.Timeout | undefined;

  override startInterval(): void {
    this.sweepTimer = setInterval(() => this.clearExpiredSessions(), this.expired.intervalMs).unref();
  }
}

/** Sessions hold Keystone tokens: the file and its directory are readable by the BFF's user only. */
export function openSqliteSessionBackend(file: string): SessionBackend {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const database = new Database(file);
  chmodSync(file, 0o600);
  database.pragma('journal_mode = WAL');
  const store = new ClosableSqliteStore({ client: database, expired: { clear: true, intervalMs: expiredSweepMs } });
  return {
    store,
    close() {
      clearInterval(store.sweepTimer);
      database.close();
    },
  };
}
