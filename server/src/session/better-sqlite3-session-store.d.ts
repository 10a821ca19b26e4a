// The package ships no types (0.1.0 removed them); this describes the part of its API Zenith uses.
declare module 'better-sqlite3-session-store' {
  import type { Database } from 'better-sqlite3';
  import type { SessionData, Store } from 'express-session';

  interface SqliteStoreOptions {
    client: Database;
    expired?: { clear?: boolean; intervalMs?: number };
  }

  interface SqliteStore extends Store {
    readonly expired: { clear: boolean; intervalMs: number };
    get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void;
    set(sid: string, session: SessionData, callback?: (error?: unknown) => void): void;
    destroy(sid: string, callback?: (error?: unknown) => void): void;
    touch(sid: string, session: SessionData, callback?: (error?: unknown) => void): void;
    startInterval(): void;
    clearExpiredSessions(): void;
  }

  type SqliteStoreConstructor = new (options: SqliteStoreOptions) => SqliteStore;

  function connectSqliteStore(session: { Store: typeof Store }): SqliteStoreConstructor;
  export = connectSqliteStore;
}
