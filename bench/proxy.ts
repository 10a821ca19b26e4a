// What the BFF costs per request: the same GET through Zenith's proxy and straight to the service with the same
// Keystone token (read from the BFF's own session store), at concurrency 1 and 8, in the same run. Prints latency
// percentiles of both, the overhead per request (Zenith's percentile less the direct one's), and the BFF's own
// account from its debug log line of each request (its own time, the upstream's, kept-alive connections reused).
// With --sessions N it measures again after adding N other sessions to the store (half of them expired), and times
// the expiry sweep over them: the per-request cost must not grow with the store.
//
//   npm run build && npx tsx bench/proxy.ts [--requests 1000] [--concurrency 1 --concurrency 8] [--sessions 20000]
//                                           [--path /flavors] [--port 8601]
//
// Needs the local cloud (bash e2e/cloud/up). Loopback only; the request count is bounded.
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { openSqliteSessionBackend } from '../server/src/session/store';
import { tokenInStore } from '../server/test/support';
import { proxiedLines, signIn, startBff, type BenchBff } from './bff';
import { percentile } from './stats';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', multiple: true },
    sessions: { type: 'string', default: '0' },
    path: { type: 'string', default: '/flavors' },
    port: { type: 'string', default: '8601' },
  },
});
const bounded = (name: string, value: string, max: number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) throw new Error(`--${name}: 0..${max}`);
  return number;
};
const requests = Math.max(bounded('requests', values.requests, 20_000), 20);
const concurrencies = (values.concurrency ?? ['1', '8']).map((value) => Math.max(1, bounded('concurrency', value, 64)));
const extraSessions = bounded('sessions', values.sessions, 200_000);
const path = values.path.startsWith('/') ? values.path : `/${values.path}`;
const port = bounded('port', values.port, 65535);
const warmup = 50;
// Direct and proxied calls alternate in blocks, so a slower minute of the cloud weighs on both alike.
const blocks = 4;

// ---- Measuring ----

interface Latencies {
  sorted: number[];
  seconds: number;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

/** `count` GETs with `concurrency` in flight; their latencies are added to `into`, the wall time returned. */
async function run(url: string, headers: Record<string, string>, count: number, concurrency: number, into: number[]) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        into.push(await timedGet(url, headers));
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

interface Side {
  url: string;
  headers: Record<string, string>;
}

async function compare(direct: Side, proxied: Side, concurrency: number) {
  const results = { direct: { sorted: [] as number[], seconds: 0 }, proxied: { sorted: [] as number[], seconds: 0 } };
  for (const side of [direct, proxied]) await run(side.url, side.headers, warmup, concurrency, []);
  for (let block = 0; block < blocks; block++) {
    for (const [name, side] of [['direct', direct], ['proxied', proxied]] as const) {
      results[name].seconds += await run(side.url, side.headers, Math.ceil(requests / blocks), concurrency, results[name].sorted);
    }
  }
  results.direct.sorted.sort((a, b) => a - b);
  results.proxied.sorted.sort((a, b) => a - b);
  return results;
}

function bffAccount(bff: BenchBff, mark: number) {
  const lines = proxiedLines(bff.entriesSince(mark));
  const own = lines.map((line) => line.bffMs).sort((a, b) => a - b);
  const upstream = lines.map((line) => line.upstream.ms).sort((a, b) => a - b);
  const reused = lines.filter((line) => line.upstream.reusedConnection).length;
  return { count: lines.length, own, upstream, reused };
}

// ---- Printing ----

const ms = (value: number) => value.toFixed(2).padStart(6);
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`.padStart(6);
const distribution = ({ sorted, seconds }: Latencies) =>
  `${ms(percentile(sorted, 0.5))} ${ms(percentile(sorted, 0.95))} ${ms(percentile(sorted, 0.99))} ${(sorted.length / seconds).toFixed(0).padStart(5)}`;

async function measureAll(bff: BenchBff, direct: Side, proxied: Side, label: string) {
  console.log(`\n${label}`);
  console.log(
    'concurrency |  direct: p50    p95    p99  req/s | Zenith: p50    p95    p99  req/s | overhead p50    p95 ' +
      '| BFF log: own p50  p95  upstream p50  reused',
  );
  for (const concurrency of concurrencies) {
    const mark = bff.mark();
    const result = await compare(direct, proxied, concurrency);
    const account = bffAccount(bff, mark);
    const overhead = (fraction: number) => percentile(result.proxied.sorted, fraction) - percentile(result.direct.sorted, fraction);
    console.log(
      `${String(concurrency).padStart(11)} | ${distribution(result.direct)}      | ${distribution(result.proxied)}      | ` +
        `        ${signed(overhead(0.5))} ${signed(overhead(0.95))} | ` +
        `${ms(percentile(account.own, 0.5))} ${ms(percentile(account.own, 0.95))}      ${ms(percentile(account.upstream, 0.5))}  ` +
        `${((100 * account.reused) / Math.max(1, account.count)).toFixed(1)}%`,
    );
  }
}

// ---- Many sessions ----

/** Copies of the bench's own session row under other ids: half expired an hour ago, half valid for an hour. */
function addSessions(sessionDb: string, count: number) {
  const database = new Database(sessionDb);
  try {
    const { sess } = database.prepare('SELECT sess FROM sessions LIMIT 1').get() as { sess: string };
    const insert = database.prepare('INSERT OR REPLACE INTO sessions (sid, sess, expire) VALUES (?, ?, ?)');
    const expired = new Date(Date.now() - 3_600_000).toISOString();
    const valid = new Date(Date.now() + 3_600_000).toISOString();
    database.transaction(() => {
      for (let index = 0; index < count; index++) insert.run(`bench-${index}`, sess, index % 2 ? valid : expired);
    })();
  } finally {
    database.close();
  }
}

/**
 * The expiry sweep over that store, timed here on a copy of it: Zenith's (its first batch is what holds the event
 * loop at once; the rest follow on later turns) and, in a transaction rolled back, the library's own statement.
 */
async function timeSweep(sessionDb: string) {
  const copy = `${sessionDb}.sweep-copy`;
  const source = new Database(sessionDb, { readonly: true });
  await source.backup(copy);
  source.close();
  const raw = new Database(copy);
  raw.exec('BEGIN');
  let started = performance.now();
  const libraryDeleted = raw.prepare("DELETE FROM sessions WHERE datetime('now') > datetime(expire)").run().changes;
  const libraryMs = performance.now() - started;
  raw.exec('ROLLBACK');
  raw.close();

  const backend = openSqliteSessionBackend(copy);
  const reader = new Database(copy, { readonly: true });
  const expiredLeft = reader.prepare('SELECT COUNT(*) AS n FROM sessions WHERE expire <= ?');
  started = performance.now();
  (backend.store as unknown as { clearExpiredSessions(): void }).clearExpiredSessions();
  const firstBatchMs = performance.now() - started;
  while ((expiredLeft.get(new Date().toISOString()) as { n: number }).n > 0) await new Promise((resolve) => setImmediate(resolve));
  const totalMs = performance.now() - started;
  reader.close();
  await backend.close();
  return { libraryDeleted, libraryMs, firstBatchMs, totalMs };
}

// ---- Main ----

const bff = await startBff(port, { logLevel: 'debug' });
try {
  const { cookie, view } = await signIn(bff.url);
  const nova = view.services.find((service) => service.type === 'compute')?.url.replace(/\/$/, '');
  if (!nova) throw new Error('no compute endpoint in the session');
  // The token the BFF injects, so both paths do identical work in Nova.
  const token = tokenInStore(bff.sessionDb, cookie);
  const direct = { url: `${nova}${path}`, headers: { 'x-auth-token': token } };
  const proxied = { url: `${bff.url}/api/os/compute${path}`, headers: { cookie } };

  console.log(
    `GET ${path} (compute) straight to Nova and through Zenith, same token; ${requests} requests of each per concurrency ` +
      `level, in ${blocks} alternating blocks, after ${warmup} warm-up requests. Milliseconds.`,
  );
  await measureAll(bff, direct, proxied, 'The session store holds this bench\'s session only');
  if (extraSessions > 0) {
    addSessions(bff.sessionDb, extraSessions);
    await measureAll(bff, direct, proxied, `The session store holds ${extraSessions} more sessions (half of them expired)`);
    const sweep = await timeSweep(bff.sessionDb);
    console.log(
      `\nExpiry sweep over ${extraSessions + 1} sessions (${sweep.libraryDeleted} expired), run every 15 min on the event loop:` +
        `\n  Zenith's (indexed, in batches): first batch ${sweep.firstBatchMs.toFixed(1)} ms, all ${sweep.totalMs.toFixed(0)} ms` +
        `\n  better-sqlite3-session-store's own statement: ${sweep.libraryMs.toFixed(0)} ms at once`,
    );
  }
} finally {
  bff.stop();
}
