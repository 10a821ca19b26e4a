// The BFF as its operators run it: a process started from server/src/index.ts against the local cloud, stopped with
// SIGTERM and started again on the same port and session store, as an orchestrator restarts it during an upgrade.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cloudsYaml } from './support.js';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

export interface BffProcessOptions {
  stateDir: string;
  /** 0 for any free port: the restart then takes the port the first start got. */
  port: number;
  sessionSecret: string;
  /** ZENITH_SESSION_REDIS_URL; SQLite in stateDir without it. */
  redisUrl?: string;
  drainSeconds?: number;
}

export interface BffProcess {
  baseUrl: string;
  port: number;
  /** What it printed so far (pino's JSON lines). */
  output(): string;
  /** SIGTERM; resolves with the exit code once it is out. */
  stop(): Promise<number | null>;
  /** SIGKILL, for the clean-up of a test that failed midway. */
  kill(): void;
}

export async function startBffProcess(options: BffProcessOptions): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      PATH: process.env.PATH,
      OS_CLIENT_CONFIG_FILE: cloudsYaml,
      OS_CLOUD: 'zenith-demo',
      ZENITH_HOST: '127.0.0.1',
      ZENITH_PORT: String(options.port),
      ZENITH_STATE_DIR: options.stateDir,
      ZENITH_SESSION_SECRET: options.sessionSecret,
      ...(options.redisUrl ? { ZENITH_SESSION_REDIS_URL: options.redisUrl } : {}),
      ZENITH_SHUTDOWN_DRAIN_SECONDS: String(options.drainSeconds ?? 10),
      ZENITH_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = await new Promise<string | undefined>((resolve) => {
    const look = () => {
      const port = /Zenith listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (port) resolve(port);
    };
    child.stdout.on('data', look);
    void exited.then(() => resolve(undefined));
  });
  if (!listening) throw new Error(`the BFF did not start:\n${output}`);
  const port = Number(listening);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
