// The BFF as its operators run it (a process started from index.ts), stopped with SIGTERM mid-request.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  listen,
  removeTemporaryDirectories,
  sampleAuth,
  sampleCatalog,
  seedSession,
  temporaryDirectory,
  testSecret,
  type RunningServer,
} from './testing/harness.js';
import { openSqliteSessionBackend } from './session/store.js';

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
const started: ChildProcess[] = [];
const upstreams: RunningServer[] = [];

afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const upstream of upstreams.splice(0)) await upstream.close();
});
afterAll(removeTemporaryDirectories);

interface Bff {
  baseUrl: string;
  sessionDb: string;
  cookie: string;
  /** Resolves when the log shows this message. */
  logged(message: string): Promise<void>;
  /** SIGTERM, as an orchestrator stops a replica. */
  terminate(): void;
  /** The exit code, and the time from SIGTERM to exit. */
  exited: Promise<{ code: number | null; afterMs: number }>;
}

/** A compute endpoint that answers only when told to, and says when a request has reached it. */
async function heldUpstream() {
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  let answer!: () => void;
  const release = new Promise<void>((resolve) => (answer = resolve));
  const upstream = await listen((_req, res) => {
    arrived();
    void release.then(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"servers":[]}');
    });
  });
  upstreams.push(upstream);
  return { upstream, reached, answer };
}

async function startBff(computeUrl: string, drainSeconds: number): Promise<Bff> {
  const stateDir = temporaryDirectory('shutdown');
  const sessionDb = join(stateDir, 'sessions.db');
  const sessions = openSqliteSessionBackend(sessionDb);
  const cookie = await seedSession(sessions, sampleAuth({ catalog: sampleCatalog(computeUrl) }), 'csrf');
  await sessions.close();

  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      PATH: process.env.PATH,
      OS_AUTH_URL: 'http://127.0.0.1:9/v3',
      ZENITH_PORT: '0',
      ZENITH_STATE_DIR: stateDir,
      ZENITH_SESSION_SECRET: testSecret,
      ZENITH_SHUTDOWN_DRAIN_SECONDS: String(drainSeconds),
      ZENITH_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.push(child);
  let output = '';
  const waiting: { message: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wait of waiting.filter(({ message }) => output.includes(message))) wait.resolve();
  });
  const logged = (message: string) =>
    output.includes(message) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ message, resolve }));
  let signalledAt = 0;
  const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, afterMs: Date.now() - signalledAt })),
  );
  await logged('Zenith listening on ');
  const port = /Zenith listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
  const terminate = () => {
    signalledAt = Date.now();
    child.kill('SIGTERM');
  };
  return { baseUrl: `http://127.0.0.1:${port}`, sessionDb, cookie, logged, terminate, exited };
}

// Each test starts the real BFF process (tsx compiles it first: seconds on a busy machine).
describe('SIGTERM', { timeout: 30_000 }, () => {
  it('refuses new connections, finishes the request in flight, closes the store and exits 0', async () => {
    const { upstream, reached, answer } = await heldUpstream();
    const bff = await startBff(`${upstream.baseUrl}/v2.1`, 10);
    // fetch keeps its connection alive: the BFF must close it once answered, or it would wait for it.
    const inFlight = fetch(`${bff.baseUrl}/api/os/compute/servers`, { headers: { cookie: bff.cookie } });
    await reached;

    bff.terminate();
    await bff.logged('shutting down');
    await expect(fetch(`${bff.baseUrl}/api/auth/session`)).rejects.toThrow();
    answer();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ servers: [] });
    const { code, afterMs } = await bff.exited;
    expect(code).toBe(0);
    // Out as soon as the request was answered, long before the 10 s drain.
    expect(afterMs).toBeLessThan(9000);
    // SQLite removes its write-ahead log when the last connection closes: the store was closed, not abandoned.
    expect(existsSync(`${bff.sessionDb}-wal`)).toBe(false);
  });

  it('closes requests still running after the drain time and exits 0', async () => {
    const { upstream, reached } = await heldUpstream();
    const bff = await startBff(`${upstream.baseUrl}/v2.1`, 1);
    const inFlight = fetch(`${bff.baseUrl}/api/os/compute/servers`, { headers: { cookie: bff.cookie } });
    await reached;

    bff.terminate();

    await expect(inFlight).rejects.toThrow();
    const { code, afterMs } = await bff.exited;
    expect(code).toBe(0);
    // Cut at the 1 s drain, not the default 10 s one, though the service never answers.
    expect(afterMs).toBeGreaterThanOrEqual(1000);
    expect(afterMs).toBeLessThan(9000);
  });
});
