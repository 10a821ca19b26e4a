// What the volumes list costs a user: seeds N small volumes (1 GiB, fake backend) in project demo, then opens
// /volumes in Chromium and measures the time to the first rows, the time to the full page (every row shown, nothing
// in flight), and the number of OpenStack calls the page made. Prints the figures; asserts nothing.
//
//   npm run build && npx tsx bench/volumes.ts [--volumes 200] [--runs 3] [--page-size 100 ...]
//   npx tsx bench/volumes.ts --cleanup                                     (deletes the bench- volumes)
//
// Needs the local cloud. The volumes stay between runs (seeding tops them up to N); the demo project's Cinder quota
// (volumes, gigabytes) is raised by what the seeding adds, and --cleanup gives exactly that back.
import { type Request } from '@playwright/test';
import { signIn } from '../e2e/support/zenith';
import { benchArgs } from './args';
import { startBff } from './bff';
import { authenticate, call, type Session } from './openstack';
import { benchContext, launchBrowser } from './browser';

const args = benchArgs({ count: { name: 'volumes', default: 200, min: 1, max: 1000 }, port: 8502, pageSizes: true });
const { count: volumeCount, runs, port } = args;
const listPaths = args.listPaths('/volumes');

const namePrefix = 'bench-vol-';
const volumeSize = 1;
// Cinder takes one volume per create call: a few at a time keeps the scheduler and the fake backend busy, not flooded.
const createConcurrency = 8;

interface Volume {
  id: string;
  name: string;
  status: string;
}

const cinderVersion = 'volume 3.70';

async function benchVolumes(session: Session): Promise<Volume[]> {
  const volumes: Volume[] = [];
  let marker: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(marker ? { marker } : {}) });
    const page = await call<{ volumes: Volume[] }>(session, 'GET', `${session.endpoints['block-storage']}/volumes?${query}`, undefined, cinderVersion);
    volumes.push(...page.volumes.filter((volume) => volume.name?.startsWith(namePrefix)));
    if (page.volumes.length < 1000) return volumes;
    marker = page.volumes.at(-1)?.id;
  }
}

/** Shifts the demo project's volumes and gigabytes quota by what `delta` bench volumes use; unlimited stays so. */
async function adjustQuota(admin: Session, projectId: string, delta: number) {
  if (delta === 0) return;
  const url = `${admin.endpoints['block-storage']}/os-quota-sets/${projectId}`;
  const { quota_set: current } = await call<{ quota_set: Record<string, number> }>(admin, 'GET', url, undefined, cinderVersion);
  const shifted = (name: string, per: number) => (current[name] === -1 ? -1 : Math.max(0, (current[name] ?? 0) + delta * per));
  await call(admin, 'PUT', url, { quota_set: { volumes: shifted('volumes', 1), gigabytes: shifted('gigabytes', volumeSize) } }, cinderVersion);
}

async function waitUntil(demo: Session, settled: (volumes: Volume[]) => boolean, what: string) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const volumes = await benchVolumes(demo);
    if (settled(volumes)) return volumes;
    if (Date.now() > deadline) throw new Error(`bench volumes: still not ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function seed(demo: Session, admin: Session) {
  const existing = await benchVolumes(demo);
  const missing = volumeCount - existing.length;
  console.log(`${existing.length} bench volumes exist, ${Math.max(0, missing)} to create`);
  if (missing <= 0) return;
  await adjustQuota(admin, demo.projectId, missing);
  const started = performance.now();
  let next = existing.length;
  const worker = async () => {
    while (next < volumeCount) {
      const index = next++;
      await call(demo, 'POST', `${demo.endpoints['block-storage']}/volumes`, {
        volume: { size: volumeSize, name: `${namePrefix}${String(index).padStart(4, '0')}` },
      }, cinderVersion);
    }
  };
  await Promise.all(Array.from({ length: createConcurrency }, worker));
  const volumes = await waitUntil(demo, (all) => all.length >= volumeCount && all.every((volume) => volume.status === 'available' || volume.status.startsWith('error')), 'created');
  const failed = volumes.filter((volume) => volume.status !== 'available');
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s${failed.length ? `, ${failed.length} not available` : ''}`);
}

async function cleanup(demo: Session, admin: Session) {
  const volumes = await benchVolumes(demo);
  console.log(`deleting ${volumes.length} bench volumes`);
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < volumes.length) {
      const volume = volumes[next++]!;
      await call(demo, 'DELETE', `${demo.endpoints['block-storage']}/volumes/${volume.id}`, undefined, cinderVersion).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: createConcurrency }, worker));
  await waitUntil(demo, (all) => all.length === 0, 'deleted');
  await adjustQuota(admin, demo.projectId, -volumes.length);
  console.log(`cleaned up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Runs in the page before Zenith: the moment (ms since navigation start) the first bench row appears in the DOM.
// (Plain JavaScript text: a transpiled function would carry the bundler's helpers into the page.)
const pageProbe = `{
  const marks = (window.benchMarks = {});
  new MutationObserver(() => {
    if (marks.firstRows === undefined && [...document.querySelectorAll('tbody tr')].some((row) => row.textContent.includes(${JSON.stringify(namePrefix)}))) marks.firstRows = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}`;

interface RunResult {
  firstRows: number;
  fullPage: number;
  rows: number;
  osCalls: string[];
}

async function measure(listPath: string): Promise<RunResult[]> {
  const bff = await startBff(port);
  const browser = await launchBrowser();
  try {
    const context = await benchContext(browser, bff.url);
    const page = await context.newPage();
    await signIn(page, 'zenith-demo');
    await page.waitForLoadState('networkidle');
    await page.goto('about:blank');
    await page.addInitScript(pageProbe);
    const results: RunResult[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      const osCalls: string[] = [];
      const inFlight = new Set<Request>();
      let lastActivity = Date.now();
      let lastAnswer = 0;
      const onRequest = (request: Request) => {
        const { pathname, search } = new URL(request.url());
        if (!pathname.startsWith('/api/')) return;
        if (pathname.startsWith('/api/os/')) osCalls.push(`${request.method()} ${pathname}${search}`);
        inFlight.add(request);
        lastActivity = Date.now();
      };
      const onDone = (request: Request) => {
        inFlight.delete(request);
        lastActivity = Date.now();
      };
      page.on('request', onRequest);
      page.on('requestfinished', onDone);
      page.on('requestfailed', onDone);
      await page.goto(listPath);
      await page.waitForFunction(() => (window as unknown as { benchMarks?: Record<string, number> }).benchMarks?.firstRows !== undefined, undefined, { timeout: 60_000 });
      while (inFlight.size > 0 || Date.now() - lastActivity < 1000) await page.waitForTimeout(100);
      page.off('request', onRequest);
      page.off('requestfinished', onDone);
      page.off('requestfailed', onDone);
      // The full page: the last /api answer the page waited for, by the page's own clock.
      lastAnswer = await page.evaluate(() =>
        Math.max(0, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.includes('/api/')).map((entry) => entry.responseEnd)),
      );
      const firstRows = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks.firstRows ?? Number.NaN);
      results.push({
        firstRows,
        // Rows and their enrichment may come in one render: the page is full no earlier than its first rows.
        fullPage: Math.max(firstRows, lastAnswer),
        rows: await page.locator('tbody tr').count(),
        osCalls,
      });
    }
    return results;
  } finally {
    await browser.close();
    bff.stop();
  }
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
const ms = (value: number) => (Number.isNaN(value) ? '-' : `${value.toFixed(0)} ms`);

function report(listPath: string, results: RunResult[]) {
  console.log(`\n${listPath} with ${volumeCount} bench volumes in project demo, ${results.length} cold page loads (times since navigation start)`);
  results.forEach((result, index) => {
    console.log(`  run ${index + 1}: first rows ${ms(result.firstRows)}, full page ${ms(result.fullPage)}; ${result.rows} rows; ${result.osCalls.length} OpenStack calls`);
  });
  console.log(`  median: first rows ${ms(median(results.map((result) => result.firstRows)))}, full page ${ms(median(results.map((result) => result.fullPage)))}`);
  const last = results.at(-1);
  if (last) for (const osCall of last.osCalls) console.log(`    ${osCall}`);
}

const demo = await authenticate('zenith-demo');
const admin = await authenticate('zenith-admin');
if (args.cleanup) {
  await cleanup(demo, admin);
} else {
  await seed(demo, admin);
  for (const listPath of listPaths) report(listPath, await measure(listPath));
}
