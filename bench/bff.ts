// Starts the built BFF for a benchmark, on its own port and state directory, and keeps its request log (pino-http
// writes one JSON line per request at info level): the record of what the BFF sent upstream.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { localCloud } from '../e2e/support/cloud';

export interface BenchBff {
  url: string;
  /** Position in the request log, to read what came after with `since`. */
  mark: () => number;
  since: (mark: number) => string[];
  stop: () => void;
}

export async function startBff(port: number): Promise<BenchBff> {
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
      ZENITH_LOG_LEVEL: 'info',
      OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml,
      OS_CLOUD: 'zenith-demo',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls: string[] = [];
  createInterface({ input: bff.stdout }).on('line', (line) => {
    try {
      const entry = JSON.parse(line) as { req?: { url?: string; method?: string } };
      if (entry.req?.url) urls.push(`${entry.req.method ?? 'GET'} ${entry.req.url}`);
    } catch {
      // Not a log line.
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    bff.kill('SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(`${url}/api/auth/session`).then(() => true, () => false)) {
      return { url, mark: () => urls.length, since: (mark) => urls.slice(mark), stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error('the BFF did not start: run npm run build first');
}
