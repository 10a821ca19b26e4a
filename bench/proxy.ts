// What the BFF costs: a small compute GET (`GET /flavors`) through Zenith's proxy versus straight to Nova with
// the same Keystone token, in the same run. Prints requests per second and p50/p99 latency, and the ratios.
//
//   npm run build && npx tsx bench/proxy.ts [--requests 2000] [--concurrency 8]
//
// Needs the local cloud (bash e2e/cloud/up). Loopback only; the request count is bounded.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localCloud } from '../e2e/support/cloud';
import { tokenInStore } from '../server/test/support';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    port: { type: 'string', default: '8601' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const port = Number(values.port);
const zenith = `http://127.0.0.1:${port}`;
const keystone = 'http://127.0.0.1:5000/v3';

interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
}

async function waitForBff() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const answered = await fetch(`${zenith}/api/auth/session`).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the BFF did not start: run npm run build first');
}

async function computeEndpoint(token: string): Promise<string> {
  const response = await fetch(`${keystone}/auth/catalog`, { headers: { 'x-auth-token': token } });
  const { catalog } = (await response.json()) as {
    catalog: { type: string; endpoints: { interface: string; region: string; url: string }[] }[];
  };
  const endpoint = catalog
    .find((service) => service.type === 'compute')
    ?.endpoints.find((candidate) => candidate.interface === 'public' && candidate.region === 'RegionOne');
  if (!endpoint) throw new Error('no public compute endpoint in RegionOne');
  return endpoint.url.replace(/\/$/, '');
}

function percentile(sorted: number[], fraction: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

async function measure(label: string, url: string, headers: Record<string, string>): Promise<Result> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (let warmup = 0; warmup < 50; warmup++) await once();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        latencies.push(await once());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, rps: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const stateDir = mkdtempSync(join(tmpdir(), 'zenith-bench-'));
const bff = spawn('node', ['server/dist/index.js'], {
  env: {
    ...process.env,
    ZENITH_PORT: String(port),
    ZENITH_STATE_DIR: stateDir,
    ZENITH_LOG_LEVEL: 'warn',
    OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml,
    OS_CLOUD: 'zenith-demo',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  await waitForBff();
  const demo = localCloud.login('zenith-demo');
  const login = await fetch(`${zenith}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: demo.username, password: demo.password, project: demo.project }),
  });
  if (login.status !== 200) throw new Error(`login failed: HTTP ${login.status}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  // The same token the BFF injects, read from its session store, so both paths do identical work in Nova.
  const token = tokenInStore(join(stateDir, 'sessions.db'), cookie);
  const nova = await computeEndpoint(token);

  console.log(`GET /flavors, ${requests} requests, concurrency ${concurrency}, after 50 warm-up requests each\n`);
  const direct = await measure('direct to Nova', `${nova}/flavors`, { 'x-auth-token': token });
  const proxied = await measure('through Zenith', `${zenith}/api/os/compute/flavors`, { cookie });
  for (const result of [direct, proxied]) {
    console.log(
      `${result.label.padEnd(16)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms`,
    );
  }
  console.log(
    `\nZenith / direct: throughput ×${(proxied.rps / direct.rps).toFixed(2)}, ` +
      `p50 ×${(proxied.p50 / direct.p50).toFixed(2)}, p99 ×${(proxied.p99 / direct.p99).toFixed(2)}`,
  );
} finally {
  bff.kill('SIGTERM');
  rmSync(stateDir, { recursive: true, force: true });
}
