// Starts the built BFF for a benchmark, on its own port and state directory, and keeps its request log (pino-http
// writes one JSON line per request at info level): the record of what the BFF sent upstream. At debug level the
// proxy adds a line per request with its upstream and own times, kept too (`entriesSince`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { localCloud } from '../e2e/support/cloud';

/** One JSON log line of the BFF, as pino wrote it. */
export interface BffLogEntry {
  msg?: string;
  req?: { id?: string; url?: string; method?: string };
  res?: { statusCode?: number };
  [field: string]: unknown;
}

export interface BenchBff {
  url: string;
  /** Its SQLite session store (in the bench's own state directory, removed by `stop`). */
  sessionDb: string;
  /** Position in the request log, to read what came after with `since`. */
  mark: () => number;
  /** `METHOD /url` of each request answered since the mark. */
  since: (mark: number) => string[];
  /** Every log line since the mark. */
  entriesSince: (mark: number) => BffLogEntry[];
  stop: () => void;
}

export async function startBff(port: number, { logLevel = 'info' }: { logLevel?: 'info' | 'debug' } = {}): Promise<BenchBff> {
  // Another BFF on the port would answer in place of this one: the bench would measure another build.
  if (await fetch(`http://127.0.0.1:${port}/api/auth/session`).then(() => true, () => false)) {
    throw new Error(`port ${port} is taken (another BFF?): pass --port`);
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'zenith-bench-'));
  const bff = spawn('node', ['server/dist/index.js'], {
    env: {
      ...process.env,
      ZENITH_PORT: String(port),
      ZENITH_STATE_DIR: stateDir,
      ZENITH_LOG_LEVEL: logLevel,
      OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml,
      OS_CLOUD: 'zenith-demo',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const entries: BffLogEntry[] = [];
  createInterface({ input: bff.stdout }).on('line', (line) => {
    try {
      entries.push(JSON.parse(line) as BffLogEntry);
    } catch {
      // Not a log line.
    }
  });
  // pino-http's line when a request is answered is the one with `res`; a debug line of the same request has `req` only.
  const since = (mark: number) =>
    entries
      .slice(mark)
      .filter((entry) => entry.res !== undefined && entry.req?.url)
      .map((entry) => `${entry.req?.method ?? 'GET'} ${entry.req?.url}`);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    bff.kill('SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(`${url}/api/auth/session`).then(() => true, () => false)) {
      return { url, sessionDb: join(stateDir, 'sessions.db'), mark: () => entries.length, since, entriesSince: (mark) => entries.slice(mark), stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error('the BFF did not start: run npm run build first');
}
