// Starts the built BFF for a benchmark, on its own port and state directory, and keeps its request log (pino-http
// writes one JSON line per request at info level): the record of what the BFF sent upstream. At debug level the
// proxy adds a line per request with its upstream and own times, kept too (`entriesSince`). With `probe` the process
// also answers the bench's questions about itself (bff-probe.mjs): its event loop's delay, a garbage collection.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { localCloud, type CloudName } from '../e2e/support/cloud';
import { SessionView } from '../server/src/contract/session';

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
  /** From /proc: the process's resident memory now (VmRSS) and its peak so far (VmHWM) in MiB, its CPU time so far. */
  usage: () => { rssMib: number; peakMib: number; cpuSeconds: number };
  /** Only with `probe`: the event loop's delay since the last call (after a full GC with 'gc'). */
  probe: (command: 'sample' | 'gc') => Promise<ProbeAnswer>;
  stop: () => void;
}

/** What bff-probe.mjs answers: the event loop's delay beyond its sampling interval, in milliseconds. */
export interface ProbeAnswer {
  heap: { usedMib: number; totalMib: number; externalMib: number };
  eventLoopDelay: { samples: number; p50: number; p99: number; max: number };
}

export interface BffOptions {
  logLevel?: 'info' | 'debug';
  /** Added to the BFF's environment (a session store, its secret). */
  env?: Record<string, string>;
  /** Load bff-probe.mjs into the process (with --expose-gc) and talk to it over IPC. */
  probe?: boolean;
  /** Where the process writes a CPU profile (node --cpu-prof) when it exits. */
  cpuProfileDir?: string;
  /**
   * The BFF's scheduling priority (nice value, -20..19; below 0 needs root). The local cloud shares the machine's
   * CPUs: at the default a busy machine makes the BFF wait for a CPU, and that wait shows as the BFF's own time.
   */
  priority?: number;
  /** The one CPU the BFF runs on (taskset), for measuring it on a core the cloud has been moved off. */
  cpu?: number;
}

export async function startBff(
  port: number,
  { logLevel = 'info', env = {}, probe = false, cpuProfileDir, priority, cpu }: BffOptions = {},
): Promise<BenchBff> {
  // Another BFF on the port would answer in place of this one: the bench would measure another build.
  if (await fetch(`http://127.0.0.1:${port}/api/auth/session`).then(() => true, () => false)) {
    throw new Error(`port ${port} is taken (another BFF?): pass --port`);
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'zenith-bench-'));
  const probeFlags = probe ? ['--expose-gc', '--import', new URL('./bff-probe.mjs', import.meta.url).href] : [];
  const profileFlags = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  // nice(1) and taskset(1) exec node, so the pid stays the BFF's, and every thread node starts (GC, libuv) inherits the priority.
  const command = ['node', ...probeFlags, ...profileFlags, 'server/dist/index.js'];
  const niced = priority === undefined ? command : ['nice', '-n', String(priority), ...command];
  const pinned = cpu === undefined ? niced : ['taskset', '-c', String(cpu), ...niced];
  const bff = spawn(pinned[0]!, pinned.slice(1), {
    env: {
      ...process.env,
      ZENITH_PORT: String(port),
      ZENITH_STATE_DIR: stateDir,
      ZENITH_LOG_LEVEL: logLevel,
      OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml,
      OS_CLOUD: 'zenith-demo',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit', ...(probe ? (['ipc'] as const) : [])],
  });
  const entries: BffLogEntry[] = [];
  // Piped above; the optional IPC channel makes TypeScript lose track of it.
  createInterface({ input: bff.stdout! }).on('line', (line) => {
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
  const usage = () => {
    const status = readFileSync(`/proc/${bff.pid}/status`, 'utf8');
    const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
    // utime and stime, the 14th and 15th fields, counted after the command name (which may hold spaces), in the
    // kernel's USER_HZ ticks: 100 a second on Linux.
    const stat = readFileSync(`/proc/${bff.pid}/stat`, 'utf8');
    const [utime = Number.NaN, stime = Number.NaN] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return { rssMib: mib('VmRSS'), peakMib: mib('VmHWM'), cpuSeconds: (utime + stime) / 100 };
  };
  const askProbe = async (command: 'sample' | 'gc') => {
    if (!probe) throw new Error('the BFF was started without the probe');
    const answer = once(bff, 'message') as Promise<[ProbeAnswer]>;
    bff.send(command);
    return (await answer)[0];
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(`${url}/api/auth/session`).then(() => true, () => false)) {
      return {
        url,
        sessionDb: join(stateDir, 'sessions.db'),
        mark: () => entries.length,
        since,
        entriesSince: (mark) => entries.slice(mark),
        usage,
        probe: askProbe,
        stop,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error('the BFF did not start: run npm run build first');
}

/** A browser's session, signed in over HTTP as the SPA does it: its cookie, CSRF token and what the BFF answered. */
export interface BffSession {
  cookie: string;
  csrfToken: string;
  view: SessionView;
}

export async function signIn(bffUrl: string, cloud: CloudName = 'zenith-demo', signal?: AbortSignal): Promise<BffSession> {
  const { username, password, project } = localCloud.login(cloud);
  const response = await fetch(`${bffUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, project }),
    signal,
  });
  if (response.status !== 200) throw new Error(`sign-in as ${cloud}: HTTP ${response.status} ${await response.text()}`);
  const view = SessionView.parse(await response.json());
  return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', csrfToken: view.csrfToken, view };
}

/** The proxy's debug line of one request: its own time and the upstream's (see logTimes in server/src/proxy/os-proxy.ts). */
export interface ProxiedLine extends BffLogEntry {
  msg: 'proxied';
  bffMs: number;
  upstream: { ms: number; reusedConnection: boolean };
}

export function proxiedLines(entries: BffLogEntry[]): ProxiedLine[] {
  return entries.filter((entry): entry is ProxiedLine => entry.msg === 'proxied');
}
