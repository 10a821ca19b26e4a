// What the instances list costs a user: seeds N servers in project demo, then opens /instances in Chromium and
// measures the time to the first rows, the time to the fully enriched page (image names shown), and the number of
// OpenStack calls the BFF made for that page. Prints the figures; asserts nothing.
//
//   npm run build && npx tsx bench/instances.ts [--servers 100] [--runs 3] [--page-size 100 ...]   (--servers 1000 allowed)
//   npx tsx bench/instances.ts --cleanup                                      (deletes the bench- servers)
//
// Needs the local cloud (bash e2e/cloud/up). Loopback only. The servers stay between runs (seeding only tops
// them up to N); --cleanup removes them and gives back the quota the seeding added.
import { type Request } from '@playwright/test';
import { signIn } from '../e2e/support/zenith';
import { benchArgs } from './args';
import { startBff } from './bff';
import { authenticate, call, type Session } from './openstack';
import { adjustServerQuota, benchFlavor, benchImageId, benchImageName, createServers, deleteServers, idByName, listServers, waitUntilActive } from './servers';
import { benchContext, launchBrowser } from './browser';

const args = benchArgs({ count: { name: 'servers', default: 100, min: 1, max: 1000 }, port: 8501, pageSizes: true });
const { count: serverCount, runs, port } = args;
// The list's own default page size when none is given; else each size asked for, through the URL as a user's link would.
const listPaths = args.listPaths('/instances');

const namePrefix = 'bench-';
// demo-subnet is a /24 the other tests share: beyond this many servers the bench brings its own, larger network.
const demoNetCapacity = 200;
const largeNetwork = { name: 'bench-net', cidr: '10.99.0.0/20' };
// One create call per batch: Nova schedules a batch as one request; bounded so 1000 servers do not arrive at once.
const createBatchSize = 100;

// ---- Seeding: the quota grows by exactly what the servers use, the cleanup takes exactly that back ----

function networkIdByName(demo: Session, name: string) {
  const url = `${demo.endpoints.network}/v2.0/networks?name=${name}&project_id=${demo.projectId}`;
  return idByName(demo, url, 'networks', name);
}

async function ensureLargeNetwork(demo: Session): Promise<string> {
  const existing = await networkIdByName(demo, largeNetwork.name);
  if (existing) return existing;
  const { network } = await call<{ network: { id: string } }>(demo, 'POST', `${demo.endpoints.network}/v2.0/networks`, {
    network: { name: largeNetwork.name },
  });
  await call(demo, 'POST', `${demo.endpoints.network}/v2.0/subnets`, {
    subnet: { name: largeNetwork.name, network_id: network.id, ip_version: 4, cidr: largeNetwork.cidr },
  });
  return network.id;
}

async function seed(demo: Session, admin: Session) {
  const existing = await listServers(demo, namePrefix);
  const missing = serverCount - existing.length;
  console.log(`${existing.length} bench servers exist, ${Math.max(0, missing)} to create`);
  if (missing > 0) {
    const flavor = await benchFlavor(demo);
    const imageId = await benchImageId(demo);
    const networkId =
      serverCount <= demoNetCapacity
        ? await networkIdByName(demo, 'demo-net')
        : await ensureLargeNetwork(demo);
    if (!networkId) throw new Error('demo-net is missing: run e2e/cloud/up');
    await adjustServerQuota(admin, demo.projectId, flavor, missing);

    const started = performance.now();
    await createServers(demo, { name: namePrefix, count: missing, imageId, flavorId: flavor.id, networkId, batchSize: createBatchSize });
    await waitUntilActive(demo, namePrefix, serverCount);
    console.log(`seeded ${missing} servers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    await waitUntilActive(demo, namePrefix, serverCount);
  }
}

async function cleanup(demo: Session, admin: Session) {
  const started = performance.now();
  const deleted = await deleteServers(demo, namePrefix);
  if (deleted > 0) await adjustServerQuota(admin, demo.projectId, await benchFlavor(demo), -deleted);
  const networkId = await networkIdByName(demo, largeNetwork.name);
  if (networkId) await call(demo, 'DELETE', `${demo.endpoints.network}/v2.0/networks/${networkId}`);
  console.log(`cleaned up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// ---- Measuring ----

// Runs in the page before Zenith: the moments (ms since navigation start) the first server row and the first image
// name appear in the DOM, seen by a MutationObserver rather than by polling from outside.
// (Plain JavaScript text: a transpiled function would carry the bundler's helpers into the page.)
const pageProbe = `{
  const marks = (window.benchMarks = {});
  const rowsWith = (text) => [...document.querySelectorAll('tbody tr')].some((row) => row.textContent.includes(text));
  new MutationObserver(() => {
    if (marks.firstRows === undefined && rowsWith(${JSON.stringify(namePrefix)})) marks.firstRows = performance.now();
    if (marks.enriched === undefined && rowsWith(${JSON.stringify(benchImageName)})) marks.enriched = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}`;

interface RunResult {
  /** Milliseconds since navigation start, as the page's own clock says. */
  firstRows: number;
  enriched: number;
  appStarted: number;
  serversRequest?: { start: number; end: number };
  imagesRequest?: { start: number; end: number };
  rows: number;
  benchRows: number;
  browserCalls: string[];
  bffCalls: string[];
  /** The microversion header the page sent with servers/detail, to replay the call straight to Nova. */
  serversMicroversion?: string;
}

interface PageTimeline {
  marks: Record<string, number | undefined>;
  appStarted: number;
  serversRequest?: { start: number; end: number };
  imagesRequest?: { start: number; end: number };
}

async function measure(listPath: string): Promise<RunResult[]> {
  const bff = await startBff(port);
  const browser = await launchBrowser();
  try {
    const context = await benchContext(browser, bff.url);
    const page = await context.newPage();
    await signIn(page, 'zenith-demo');
    // Sign-in lands on the overview: let its calls end (and be logged) before counting the list's.
    await page.waitForLoadState('networkidle');
    await page.goto('about:blank');
    await page.waitForTimeout(500);
    await page.addInitScript(pageProbe);

    const results: RunResult[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      const browserCalls: string[] = [];
      let serversMicroversion: string | undefined;
      const inFlight = new Set<Request>();
      let lastActivity = Date.now();
      const onRequest = (request: Request) => {
        const { pathname, search } = new URL(request.url());
        if (!pathname.startsWith('/api/')) return;
        browserCalls.push(`${request.method()} ${pathname}${search}`);
        if (pathname.endsWith('/servers/detail')) serversMicroversion = request.headers()['openstack-api-version'];
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
      const mark = bff.mark();

      // A full page load each run: the app starts cold (empty query cache), as after a reload or a deep link.
      await page.goto(listPath);
      await page.waitForFunction(
        () => {
          const marks = (window as unknown as { benchMarks?: Record<string, number> }).benchMarks;
          return marks?.firstRows !== undefined && marks.enriched !== undefined;
        },
        undefined,
        { timeout: 60_000 },
      );
      // The page's calls are over when the network has been quiet for a second.
      while (inFlight.size > 0 || Date.now() - lastActivity < 1000) await page.waitForTimeout(100);
      page.off('request', onRequest);
      page.off('requestfinished', onDone);
      page.off('requestfailed', onDone);

      const timeline = await page.evaluate((): PageTimeline => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const servers = resources.find((entry) => entry.name.includes('/api/os/compute/servers/detail'));
        const images = resources.find((entry) => entry.name.includes('/api/os/image/v2/images?id=in'));
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          marks: (window as unknown as { benchMarks: Record<string, number> }).benchMarks,
          appStarted: navigation?.domContentLoadedEventEnd ?? Number.NaN,
          serversRequest: servers && { start: servers.startTime, end: servers.responseEnd },
          imagesRequest: images && { start: images.startTime, end: images.responseEnd },
        };
      });
      results.push({
        firstRows: timeline.marks.firstRows ?? Number.NaN,
        enriched: timeline.marks.enriched ?? Number.NaN,
        appStarted: timeline.appStarted,
        serversRequest: timeline.serversRequest,
        imagesRequest: timeline.imagesRequest,
        rows: await page.locator('tbody tr').count(),
        benchRows: await page.locator('tbody tr').filter({ hasText: namePrefix }).count(),
        browserCalls,
        bffCalls: bff.since(mark).filter((call) => call.includes(' /api/')),
        serversMicroversion,
      });
    }
    return results;
  } finally {
    await browser.close();
    bff.stop();
  }
}

/** The page's Nova and Glance calls sent straight to the services, for what the cloud alone takes. */
async function directTimes(demo: Session, result: RunResult) {
  const replay = async (bffCall: string | undefined, service: 'compute' | 'image', headers: Record<string, string>) => {
    if (!bffCall) return Number.NaN;
    const prefix = `/api/os/${service}`;
    const url = `${demo.endpoints[service]}${bffCall.slice(bffCall.indexOf(prefix) + prefix.length)}`;
    const times: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const started = performance.now();
      const response = await fetch(url, { headers: { 'x-auth-token': demo.token, ...headers } });
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  return {
    servers: await replay(
      result.bffCalls.find((call) => call.includes('/servers/detail')),
      'compute',
      result.serversMicroversion ? { 'openstack-api-version': result.serversMicroversion } : {},
    ),
    images: await replay(result.bffCalls.find((call) => call.includes('/v2/images?id=in')), 'image', {}),
  };
}

function median(numbers: number[]) {
  return [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : `${value.toFixed(0)} ms`);
const span = (request: { start: number; end: number } | undefined) => `${ms(request?.start)}→${ms(request?.end)}`;

function kindOf(call: string): string {
  if (call.includes('/servers/detail')) return 'servers/detail';
  if (call.includes('/v2/images?id=in')) return 'images id=in';
  if (/\/compute\/servers\/[^/?]+$/.test(call)) return 'GET servers/<id> (a row still changing)';
  return call;
}

async function report(demo: Session, listPath: string, results: RunResult[]) {
  console.log(`\n${listPath} with ${serverCount} bench servers in project demo, ${results.length} cold page loads`);
  console.log('(times since navigation start, by the page clock)');
  results.forEach((result, index) => {
    const osCalls = result.bffCalls.filter((call) => call.includes(' /api/os/'));
    const kinds = new Map<string, number>();
    for (const call of osCalls) kinds.set(kindOf(call), (kinds.get(kindOf(call)) ?? 0) + 1);
    console.log(
      `  run ${index + 1}: app started ${ms(result.appStarted)}, servers call ${span(result.serversRequest)}, ` +
        `first rows ${ms(result.firstRows)}, images call ${span(result.imagesRequest)}, ` +
        `enriched ${ms(result.enriched)}; ${result.rows} rows (${result.benchRows} bench); ` +
        `${osCalls.length} OpenStack calls: ${[...kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ')}`,
    );
  });
  console.log(
    `  median: first rows ${ms(median(results.map((result) => result.firstRows)))}, ` +
      `enriched ${ms(median(results.map((result) => result.enriched)))}`,
  );

  const last = results.at(-1);
  if (!last) return;
  const osCalls = last.bffCalls.filter((call) => call.includes(' /api/os/'));
  const browserOsCalls = last.browserCalls.filter((call) => call.includes(' /api/os/'));
  console.log(
    `\nOpenStack calls the BFF proxied for the page, last run (from its request log): ${osCalls.length}` +
      ` (the browser sent ${browserOsCalls.length} /api/os requests:` +
      ` ${browserOsCalls.length === osCalls.length ? 'the same' : 'DIFFERENT'})`,
  );
  for (const call of osCalls) console.log(`  ${call}`);
  const versionLookups = last.bffCalls.filter((call) => call.includes(' /api/versions/'));
  console.log(
    `Version documents (the BFF asks the service once per endpoint, then answers from its cache): ${versionLookups.length}`,
  );
  for (const call of versionLookups) console.log(`  ${call}`);
  const other = last.bffCalls.filter((call) => !osCalls.includes(call) && !versionLookups.includes(call));
  console.log(`The BFF's own requests (no OpenStack call): ${other.length}`);
  for (const call of other) console.log(`  ${call}`);

  const direct = await directTimes(demo, last);
  console.log(
    `\nThe same calls straight to the services (median of 5): ` +
      `servers/detail ${ms(direct.servers)}, images id=in ${ms(direct.images)}`,
  );
}

const demo = await authenticate('zenith-demo');
const admin = await authenticate('zenith-admin');
if (args.cleanup) {
  await cleanup(demo, admin);
} else {
  await seed(demo, admin);
  for (const listPath of listPaths) await report(demo, listPath, await measure(listPath));
}
