// The BFF under load: N browser sessions signed in (the demo user), then a realistic mix for D seconds through the
// built BFF against the local cloud: list pages, details, the session, and a few writes (key pairs created, read and
// deleted). Once with the SQLite session store, once with Redis. Prints throughput, latency per route, the 5xx split
// by who wrote them, the BFF's own time per proxied request (its debug log: its whole time less the upstream's), its
// RSS (/proc) before and after, and its event loop's delay (read inside the process by bff-probe.mjs).
//
//   npm run build && npx tsx bench/load.ts [--sessions 200] [--seconds 60] [--concurrency 16] [--writes 20]
//                                          [--store sqlite --store redis] [--port 8602] [--cpu-prof DIR]
//                                          [--bff-nice=N] [--bff-cpu N]
//
// Needs the local cloud (bash e2e/cloud/up) and, for --store redis, the test Redis (bash e2e/cloud/redis up); the
// bench uses Redis database 2 (the e2e's replicas use 0, the integration tests 1) and deletes its sessions there.
// Bounded: at most --concurrency requests in flight, each given 30 s; the writes are key pairs named bench-load-*,
// paced over the run and all deleted at the end (also those an interrupted run left). --cpu-prof has the BFF write a
// CPU profile of its whole life there (open it in Chrome's DevTools).
// The local cloud shares the machine's CPUs, and when they are all busy the BFF's wait for one counts as its own
// time. --bff-nice runs the BFF at that nice value (--bff-nice=-10 for a higher priority); --bff-cpu pins it to one
// CPU, and `bench/own-core.sh 1 npx tsx bench/load.ts --bff-cpu 1` moves every other process off that CPU for the run,
// as a dashboard on a machine (or container CPU quota) of its own has it.
//
// Sign-ins go at most 8 at a time: the login rate limit counts each attempt while it is in flight (only failures
// stay counted), and the demo user's limit is 10 attempts; the limit is not raised, it is what a deployment gets.
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { ErrorBody } from '../server/src/contract/error-body';
import { zenithRequestIdHeader } from '../server/src/contract/request-id';
import { expectedScopeHeader, scopeTag } from '../server/src/proxy/os-proxy';
import { redisSessionPrefix } from '../server/src/session/redis-store';
import { integer } from './args';
import { proxiedLines, signIn, startBff, type BenchBff, type BffSession, type ProbeAnswer } from './bff';
import { authenticate, call } from './openstack';
import { ascending, percentile } from './stats';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    writes: { type: 'string', default: '20' },
    store: { type: 'string', multiple: true },
    port: { type: 'string', default: '8602' },
    'cpu-prof': { type: 'string' },
    'bff-nice': { type: 'string' },
    'bff-cpu': { type: 'string' },
  },
});
const sessionCount = integer('sessions', values.sessions, 1, 2000);
const seconds = integer('seconds', values.seconds, 1, 3600);
const concurrency = integer('concurrency', values.concurrency, 1, 256);
const maxWrites = integer('writes', values.writes, 0, 500);
const port = integer('port', values.port, 1024, 65535);
const bffNice = values['bff-nice'] === undefined ? undefined : integer('bff-nice', values['bff-nice'], -20, 19);
const bffCpu = values['bff-cpu'] === undefined ? undefined : integer('bff-cpu', values['bff-cpu'], 0, 1023);
const stores = values.store ?? ['sqlite', 'redis'];
for (const store of stores) if (store !== 'sqlite' && store !== 'redis') throw new Error(`--store: sqlite or redis, not ${store}`);

const signInConcurrency = 8;
const requestTimeoutMs = 30_000;
/** Idle time before each memory reading: the sockets and timers of the last requests go quiet first. */
const settleMs = 10_000;
const warmUpMs = 10_000;
const reducerMs = 20_000;
const keypairPrefix = 'bench-load-';
const redisUrlFile = new URL('../e2e/cloud/.state/redis-url', import.meta.url);

// Ctrl-C stops the run where it is; the clean-up below still runs.
const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort(new Error('interrupted')));

// ---- The mix ----

interface Visit {
  route: string;
  method: string;
  path: string;
  weight: number;
  microversion?: string;
  body?: unknown;
}

/** One list page per resource, weighted by how often a user opens it; the SPA's microversions. */
const listPages: Visit[] = [
  { route: 'servers', method: 'GET', path: '/api/os/compute/servers/detail', weight: 4, microversion: 'compute 2.93' },
  { route: 'images', method: 'GET', path: '/api/os/image/v2/images', weight: 3 },
  { route: 'flavors', method: 'GET', path: '/api/os/compute/flavors/detail', weight: 2, microversion: 'compute 2.93' },
  { route: 'networks', method: 'GET', path: '/api/os/network/v2.0/networks', weight: 2 },
  { route: 'volumes', method: 'GET', path: '/api/os/block-storage/volumes/detail', weight: 2 },
  { route: 'keypairs', method: 'GET', path: '/api/os/compute/os-keypairs', weight: 1, microversion: 'compute 2.35' },
];

/** The BFF alone, no upstream: what the SPA asks when it starts. */
const sessionVisit: Visit = { route: 'session (BFF only)', method: 'GET', path: '/api/auth/session', weight: 1 };

/** Detail pages of the first resource each list had in the warm-up (none when the project has none). */
function detailPages(lists: Map<string, unknown>): Visit[] {
  const firstId = (route: string, collection: string) => {
    const items = (lists.get(route) as Record<string, { id?: unknown }[] | undefined> | undefined)?.[collection];
    const id = items?.[0]?.id;
    return typeof id === 'string' ? encodeURIComponent(id) : undefined;
  };
  const details: [string, string, (id: string) => string, string?][] = [
    ['servers', 'servers', (id) => `/api/os/compute/servers/${id}`, 'compute 2.93'],
    ['images', 'images', (id) => `/api/os/image/v2/images/${id}`],
    ['flavors', 'flavors', (id) => `/api/os/compute/flavors/${id}`, 'compute 2.93'],
    ['networks', 'networks', (id) => `/api/os/network/v2.0/networks/${id}`],
    ['volumes', 'volumes', (id) => `/api/os/block-storage/volumes/${id}`],
  ];
  return details.flatMap(([route, collection, path, microversion]) => {
    const id = firstId(route, collection);
    return id === undefined ? [] : [{ route: `${route.replace(/s$/, '')} (detail)`, method: 'GET', path: path(id), weight: 1, microversion }];
  });
}

function pick(visits: Visit[]): Visit {
  let roll = Math.random() * visits.reduce((sum, visit) => sum + visit.weight, 0);
  for (const visit of visits) {
    roll -= visit.weight;
    if (roll < 0) return visit;
  }
  return visits[visits.length - 1]!;
}

/** An OpenSSH public key line for an imported key pair (Nova generating one would measure its RSA key generation). */
function sshPublicKey(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  // The wire format of RFC 4253: each field prefixed by its length.
  const lengthPrefixed = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  return `ssh-ed25519 ${Buffer.concat([lengthPrefixed(Buffer.from('ssh-ed25519')), lengthPrefixed(raw)]).toString('base64')} bench-load`;
}

// ---- Requests ----

interface Answered {
  route: string;
  status: number;
  ms: number;
  requestId: string | null;
  /** For a 5xx: who wrote it. */
  origin?: FailureOrigin;
}

type FailureOrigin = "BFF's own" | 'BFF, the service unreachable or silent' | "the service's own";

/** The BFF's own errors are in its error body; a service's pass through the proxy in the service's own shape. */
function originOf(body: string): FailureOrigin {
  let parsed: ReturnType<typeof ErrorBody.safeParse> | undefined;
  try {
    parsed = ErrorBody.safeParse(JSON.parse(body));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return "the service's own";
  const { code } = parsed.data.error;
  return code === 'upstream_unreachable' || code === 'upstream_timeout' ? 'BFF, the service unreachable or silent' : "BFF's own";
}

async function send(bff: BenchBff, session: BffSession, visit: Visit, into: Answered[]): Promise<Answered> {
  const headers: Record<string, string> = {
    cookie: session.cookie,
    [expectedScopeHeader]: scopeTag(session.view),
    'x-csrf-token': session.csrfToken,
  };
  if (visit.microversion) headers['openstack-api-version'] = visit.microversion;
  if (visit.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(`${bff.url}${visit.path}`, {
    method: visit.method,
    headers,
    body: visit.body === undefined ? undefined : JSON.stringify(visit.body),
    signal: AbortSignal.any([interrupted.signal, AbortSignal.timeout(requestTimeoutMs)]),
  });
  const body = await response.text();
  const answered: Answered = {
    route: visit.route,
    status: response.status,
    ms: performance.now() - started,
    requestId: response.headers.get(zenithRequestIdHeader),
    ...(response.status >= 500 && { origin: originOf(body) }),
  };
  into.push(answered);
  return answered;
}

// ---- One run ----

interface Phase {
  name: string;
  eventLoopDelay: ProbeAnswer['eventLoopDelay'];
}

interface Memory {
  rssMib: number;
  heap: ProbeAnswer['heap'];
}

interface RunResult {
  store: string;
  signInSeconds: number;
  signIns: number[];
  browseSeconds: number;
  answered: Answered[];
  writes: number;
  bffOwn: Map<string, number[]>;
  upstream: Map<string, number[]>;
  proxiedCount: number;
  /** The BFF's CPU time while browsing, and the whole machine's share of busy CPU then. */
  cpu: { bffSeconds: number; machineBusy: number };
  memory: { fresh: Memory; start: Memory; afterRun: Memory; afterGc: Memory; peakMib: number };
  phases: Phase[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function parallel(count: number, work: () => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, work));
}

/** Busy and total CPU ticks of the whole machine so far (/proc/stat's first line). */
function machineTicks(): { busy: number; total: number } {
  const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, tick) => sum + tick, 0);
  // idle and iowait
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}

interface Browsing {
  sessions: BffSession[];
  reads: Visit[];
  durationMs: number;
  /** Key pair create, read and delete cycles to spread over the duration. */
  writes: number;
  store: string;
  createdKeypairs: Set<string>;
}

/** `concurrency` workers, each visiting pages of the sessions in turn until the time is up. */
async function browse(bff: BenchBff, { sessions, reads, durationMs, writes, store, createdKeypairs }: Browsing): Promise<{ answered: Answered[]; writes: number }> {
  const answered: Answered[] = [];
  const publicKey = sshPublicKey();
  const started = performance.now();
  let written = 0;
  let visits = 0;
  const microversion = 'compute 2.35';
  await parallel(concurrency, async () => {
    for (;;) {
      const elapsed = performance.now() - started;
      if (elapsed >= durationMs || interrupted.signal.aborted) return;
      const session = sessions[visits++ % sessions.length]!;
      if (written < writes && elapsed >= (written * durationMs) / writes) {
        const name = `${keypairPrefix}${process.pid}-${store}-${written++}`;
        const path = `/api/os/compute/os-keypairs/${encodeURIComponent(name)}`;
        createdKeypairs.add(name);
        const body = { keypair: { name, public_key: publicKey, type: 'ssh' } };
        await send(bff, session, { route: 'keypair create', method: 'POST', path: '/api/os/compute/os-keypairs', weight: 0, microversion, body }, answered);
        await send(bff, session, { route: 'keypair (detail)', method: 'GET', path, weight: 0, microversion }, answered);
        const deleted = await send(bff, session, { route: 'keypair delete', method: 'DELETE', path, weight: 0, microversion }, answered);
        if (deleted.status === 202 || deleted.status === 204) createdKeypairs.delete(name);
        continue;
      }
      await send(bff, session, pick(reads), answered);
    }
  });
  return { answered, writes: written };
}

async function runOnce(store: 'sqlite' | 'redis', createdKeypairs: Set<string>, redisUrl: string | undefined): Promise<RunResult> {
  const env: Record<string, string> = redisUrl ? { ZENITH_SESSION_REDIS_URL: redisUrl, ZENITH_SESSION_SECRET: randomBytes(32).toString('hex') } : {};
  const bff = await startBff(port, { logLevel: 'debug', env, probe: true, cpuProfileDir: values['cpu-prof'], priority: bffNice, cpu: bffCpu });
  const sessions: BffSession[] = [];
  const memory = async (command: 'sample' | 'gc') => {
    const { heap } = await bff.probe(command);
    return { rssMib: bff.usage().rssMib, heap };
  };
  // A full GC frees the garbage at once, but V8 gives back the room its young generation grew to under load only once
  // its memory reducer finds the process idle after a full GC (some seconds later): read after both.
  const collectedMemory = async () => {
    await bff.probe('gc');
    await sleep(reducerMs);
    return memory('sample');
  };
  try {
    // Each route once: the lists give the detail pages their ids.
    const first = await signIn(bff.url, 'zenith-demo', interrupted.signal);
    sessions.push(first);
    const lists = new Map<string, unknown>();
    for (const visit of listPages) {
      const response = await fetch(`${bff.url}${visit.path}`, {
        headers: { cookie: first.cookie, ...(visit.microversion && { 'openstack-api-version': visit.microversion }) },
      });
      if (response.status !== 200) throw new Error(`warm-up ${visit.path}: HTTP ${response.status}`);
      lists.set(visit.route, await response.json());
    }
    const reads = [...listPages, ...detailPages(lists), sessionVisit];
    await sleep(settleMs);
    const fresh = await memory('gc');
    // The start is the BFF at work, not just started: V8 sizes its young generation and compiles the hot code in the
    // first seconds of load, once, and the run must not be charged with that. A short burst of the same mix does it.
    await browse(bff, { sessions, reads, durationMs: warmUpMs, writes: 0, store, createdKeypairs });
    await sleep(settleMs);
    const start = await collectedMemory();
    await sleep(5000);
    const phases: Phase[] = [{ name: 'idle, before', ...(await bff.probe('sample')) }];

    const signIns: number[] = [];
    const signInStarted = performance.now();
    let toSignIn = sessionCount - sessions.length;
    await parallel(Math.min(signInConcurrency, toSignIn), async () => {
      while (toSignIn > 0 && !interrupted.signal.aborted) {
        toSignIn--;
        const started = performance.now();
        sessions.push(await signIn(bff.url, 'zenith-demo', interrupted.signal));
        signIns.push(performance.now() - started);
      }
    });
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    phases.push({ name: 'signing in', ...(await bff.probe('sample')) });

    const mark = bff.mark();
    const cpuBefore = bff.usage().cpuSeconds;
    const ticksBefore = machineTicks();
    const browseStarted = performance.now();
    const { answered, writes } = await browse(bff, { sessions, reads, durationMs: seconds * 1000, writes: maxWrites, store, createdKeypairs });
    const browseSeconds = (performance.now() - browseStarted) / 1000;
    const ticksAfter = machineTicks();
    const cpu = {
      bffSeconds: bff.usage().cpuSeconds - cpuBefore,
      machineBusy: (ticksAfter.busy - ticksBefore.busy) / (ticksAfter.total - ticksBefore.total),
    };
    phases.push({ name: 'browsing', ...(await bff.probe('sample')) });

    // The BFF's own account of each proxied request, by request id.
    const routeOf = new Map(answered.map((entry) => [entry.requestId, entry.route]));
    const bffOwn = new Map<string, number[]>();
    const upstream = new Map<string, number[]>();
    const lines = proxiedLines(bff.entriesSince(mark));
    for (const line of lines) {
      const route = routeOf.get(line.req?.id ?? '');
      if (route === undefined) continue;
      for (const [map, value] of [[bffOwn, line.bffMs], [upstream, line.upstream.ms]] as const) {
        map.set(route, [...(map.get(route) ?? []), value]);
      }
    }

    await sleep(settleMs);
    phases.push({ name: 'idle, after', ...(await bff.probe('sample')) });
    const afterRun = await memory('sample');
    const afterGc = await collectedMemory();

    return {
      store,
      signInSeconds,
      signIns,
      browseSeconds,
      answered,
      writes,
      bffOwn,
      upstream,
      proxiedCount: lines.length,
      cpu,
      memory: { fresh, start, afterRun, afterGc, peakMib: bff.usage().peakMib },
      phases,
    };
  } finally {
    bff.stop();
    if (redisUrl) await forgetRedisSessions(redisUrl, sessions);
  }
}

/** The bench's sessions out of Redis (a SQLite store goes with the bench's state directory). */
async function forgetRedisSessions(url: string, sessions: BffSession[]): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    const ids = sessions.map((session) => {
      const value = decodeURIComponent(session.cookie.split('=')[1] ?? '');
      return `${redisSessionPrefix}${value.slice(2, value.lastIndexOf('.'))}`;
    });
    if (ids.length > 0) await client.del(ids);
  } finally {
    await client.close();
  }
}

/** Every bench-load- key pair of the demo user, straight through Nova: those of this run that failed, and older ones. */
async function deleteBenchKeypairs(): Promise<number> {
  const nova = await authenticate('zenith-demo');
  const { keypairs } = await call<{ keypairs: { keypair: { name: string } }[] }>(nova, 'GET', `${nova.endpoints.compute}/os-keypairs`);
  const names = keypairs.map(({ keypair }) => keypair.name).filter((name) => name.startsWith(keypairPrefix));
  for (const name of names) await call(nova, 'DELETE', `${nova.endpoints.compute}/os-keypairs/${encodeURIComponent(name)}`);
  return names.length;
}

// ---- Printing ----

const ms = (value: number) => (Number.isNaN(value) ? '     –' : value.toFixed(1).padStart(6));
const triple = (sorted: number[]) => `${ms(percentile(sorted, 0.5))} ${ms(percentile(sorted, 0.95))} ${ms(percentile(sorted, 0.99))}`;
const mib = (value: number) => `${value.toFixed(1)} MiB`;

function print(result: RunResult): void {
  const { answered } = result;
  console.log(`\n=== Session store: ${result.store} ===`);
  console.log(
    `${result.signIns.length + 1} sessions signed in (one before the warm-up) in ${result.signInSeconds.toFixed(1)} s (${signInConcurrency} at a time); ` +
      `sign-in p50/p95/p99 ${triple(ascending(result.signIns))} ms`,
  );
  console.log(
    `${answered.length} requests in ${result.browseSeconds.toFixed(1)} s by ${concurrency} workers: ` +
      `${(answered.length / result.browseSeconds).toFixed(1)} req/s; ${result.writes} key pairs created, read and deleted`,
  );
  console.log('\nroute                  count | latency at the bench p50    p95    p99 | BFF own p50    p95    p99 | upstream p50    p99');
  const routes = [...new Set(answered.map((entry) => entry.route))];
  for (const route of [...routes, 'all']) {
    const entries = route === 'all' ? answered : answered.filter((entry) => entry.route === route);
    const own = ascending(route === 'all' ? [...result.bffOwn.values()].flat() : (result.bffOwn.get(route) ?? []));
    const upstream = ascending(route === 'all' ? [...result.upstream.values()].flat() : (result.upstream.get(route) ?? []));
    console.log(
      `${route.padEnd(22)} ${String(entries.length).padStart(5)} |                   ${triple(ascending(entries.map((entry) => entry.ms)))} |` +
        `         ${triple(own)} |          ${ms(percentile(upstream, 0.5))} ${ms(percentile(upstream, 0.99))}`,
    );
  }
  const statuses = new Map<number, number>();
  for (const entry of answered) statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1);
  console.log(`\nStatuses: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(', ')}`);
  const failures = answered.filter((entry) => entry.origin !== undefined);
  const byOrigin = (origin: FailureOrigin) => failures.filter((entry) => entry.origin === origin).length;
  console.log(
    `5xx: ${failures.length} — BFF's own ${byOrigin("BFF's own")} (target 0), ` +
      `BFF for a service unreachable or silent ${byOrigin('BFF, the service unreachable or silent')}, the services' own ${byOrigin("the service's own")}`,
  );
  const own = ascending([...result.bffOwn.values()].flat());
  console.log(
    `BFF's own time per proxied request (${own.length} of ${result.proxiedCount} debug lines matched): ` +
      `p50/p95/p99 ${triple(own)} ms, max ${ms(own[own.length - 1] ?? Number.NaN)} ms (target p99 < 5 ms: ` +
      `${percentile(own, 0.99) < 5 ? 'met' : 'MISSED'})`,
  );
  const { bffSeconds, machineBusy } = result.cpu;
  console.log(
    `BFF CPU while browsing: ${bffSeconds.toFixed(1)} s, ${((1000 * bffSeconds) / Math.max(1, answered.length)).toFixed(2)} ms per request; ` +
      `the machine's CPUs were ${(100 * machineBusy).toFixed(0)}% busy (the cloud, the bench and the BFF share them)`,
  );
  const { fresh, start, afterRun, afterGc, peakMib } = result.memory;
  const growth = (100 * (afterGc.rssMib - start.rssMib)) / start.rssMib;
  const memoryAt = ({ rssMib, heap }: Memory) =>
    `${mib(rssMib)} (heap ${mib(heap.usedMib)} of ${mib(heap.totalMib)}, outside it ${mib(heap.externalMib)})`;
  console.log(
    `RSS (/proc VmRSS; V8 heap in use of its reserved size, memory V8 tracks outside the heap): just started ${memoryAt(fresh)}; start ${memoryAt(start)} ` +
      `(after ${warmUpMs / 1000} s of the mix, ${settleMs / 1000} s idle, a full GC and ${reducerMs / 1000} s idle); peak ${mib(peakMib)}; ` +
      `after the run ${memoryAt(afterRun)} (${settleMs / 1000} s idle), then after a full GC and ${reducerMs / 1000} s idle ${memoryAt(afterGc)}: ` +
      `${growth >= 0 ? '+' : ''}${growth.toFixed(1)}% of the start (target within 10%: ${Math.abs(growth) <= 10 ? 'met' : 'MISSED'})`,
  );
  console.log('Event-loop delay beyond the 10 ms sampling interval (ms):   p50    p99    max  samples');
  for (const { name, eventLoopDelay } of result.phases) {
    console.log(
      `  ${name.padEnd(57)} ${ms(eventLoopDelay.p50)} ${ms(eventLoopDelay.p99)} ${ms(eventLoopDelay.max)} ${String(eventLoopDelay.samples).padStart(8)}`,
    );
  }
}

// ---- Main ----

const redisUrl = (() => {
  if (!stores.includes('redis')) return undefined;
  if (!existsSync(redisUrlFile)) throw new Error('No test Redis: run `bash e2e/cloud/redis up`');
  const url = new URL(readFileSync(redisUrlFile, 'utf8').trim());
  url.pathname = '/2';
  return url.toString();
})();

console.log(
  `${sessionCount} sessions (demo user), then ${seconds} s of browsing with ${concurrency} requests in flight, ` +
    `at most ${maxWrites} key pair writes; latencies in ms; the BFF at nice ${bffNice ?? 'unchanged'}.`,
);
const createdKeypairs = new Set<string>();
try {
  const left = await deleteBenchKeypairs();
  if (left > 0) console.log(`(deleted ${left} ${keypairPrefix}* key pairs an earlier run left)`);
  for (const store of stores as ('sqlite' | 'redis')[]) {
    if (interrupted.signal.aborted) break;
    print(await runOnce(store, createdKeypairs, store === 'redis' ? redisUrl : undefined));
  }
} finally {
  const deleted = await deleteBenchKeypairs();
  if (deleted > 0 || createdKeypairs.size > 0) console.log(`\nClean-up: deleted ${deleted} ${keypairPrefix}* key pairs left behind`);
}
