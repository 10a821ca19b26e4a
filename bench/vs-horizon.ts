// Zenith and Horizon side by side, in the same Chromium and the same run, against the same project of the local
// cloud: login → overview; the instances page with 20 rows, 100 rows and all rows (page size 1000); an in-app
// navigation back to a visited list (Images → Instances). Then the floors: the browser's own navigation to a static
// 20-row page served on loopback, and Nova's own list call (limit 21, 101, 1000) with Zenith's session token.
// Prints the medians, each dashboard as a ratio to the floor and to the other, and issue 14's targets; asserts
// nothing.
//
//   npm run build && npx tsx bench/vs-horizon.ts --install-horizon [--servers 100] [--project demo] [--runs 5]
//   npx tsx bench/vs-horizon.ts --cleanup [--project demo]      (deletes the vsh- servers, their network, the quota added)
//   bash bench/horizon/install.sh stop                          (stops Horizon's uwsgi)
//
// --install-horizon runs bench/horizon/install.sh (as root: Debian's openstack-dashboard served by uwsgi on
// 127.0.0.1:$HORIZON_PORT, default 8290; idempotent); without it Horizon is measured if it answers there. Seeding
// tops the project up to N servers (any it has count) with new ones named vsh-…, a port each on the bench's own
// network (vsh-net), and waits until they are ACTIVE: Horizon polls every row still building. A --project other
// than demo must exist, with user demo a member of it: bench/topology.ts makes and seeds `bench-topology` so, and
// `--project bench-topology` then measures its servers without seeding others; its --cleanup deletes it all.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signOut } from '../e2e/support/zenith';
import { localCloud } from '../e2e/support/cloud';
import { tokenInStore } from '../server/test/support';
import { benchArgs } from './args';
import { startBff, type BenchBff } from './bff';
import { authenticate, call, type Session } from './openstack';
import { adjustServerQuota, benchFlavor, benchImageId, createServers, deleteServers, idByName, listServers, waitUntilActive } from './servers';
import { benchContext, launchBrowser } from './browser';

const args = benchArgs({
  count: { name: 'servers', default: 100, min: 0, max: 1000 },
  port: 8505,
  runs: 5,
  project: 'demo',
  flags: ['install-horizon'],
});
const { count: serverCount, runs, port } = args;
const projectName = args.project ?? 'demo';
const horizonUrl = `http://127.0.0.1:${process.env.HORIZON_PORT ?? '8290'}`;

const namePrefix = 'vsh-';
const network = { name: 'vsh-net', cidr: '10.97.0.0/20' };
// Servers per create call; the local cloud builds about one server every 3 s.
const createBatchSize = 50;
// Horizon took over 30 s for 500 rows at page size 1000 (issue 14).
const pageTimeoutMs = 180_000;
const frameMs = 1000 / 60;

// ---- Seeding ----

const neutron = (session: Session, path: string) => `${session.endpoints.network}/v2.0/${path}`;

function networkId(session: Session) {
  return idByName(session, neutron(session, `networks?name=${network.name}&project_id=${session.projectId}`), 'networks', network.name);
}

async function ensureNetwork(session: Session): Promise<string> {
  const existing = await networkId(session);
  if (existing) return existing;
  const { network: created } = await call<{ network: { id: string } }>(session, 'POST', neutron(session, 'networks'), {
    network: { name: network.name },
  });
  await call(session, 'POST', neutron(session, 'subnets'), {
    subnet: { name: network.name, network_id: created.id, ip_version: 4, cidr: network.cidr },
  });
  return created.id;
}

// Every server of the project counts (another bench's, bench/topology.ts's in its project, spares seeding them
// twice); only the missing ones are made, named vsh-….
async function seed(bench: Session, admin: Session) {
  const missing = serverCount - (await listServers(bench, '')).length;
  console.log(`${projectName}: ${serverCount} servers wanted, ${Math.max(0, missing)} ${namePrefix} servers to create`);
  if (missing > 0) {
    const started = performance.now();
    const flavor = await benchFlavor(bench);
    const imageId = await benchImageId(bench);
    await adjustServerQuota(admin, bench.projectId, flavor, missing);
    await createServers(bench, { name: namePrefix, count: missing, imageId, flavorId: flavor.id, networkId: await ensureNetwork(bench), batchSize: createBatchSize, settleEachBatch: true });
    await waitUntilActive(bench, '', serverCount);
    console.log(`seeded ${missing} servers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else if (serverCount > 0) {
    await waitUntilActive(bench, '', serverCount);
  }
}

async function cleanup(bench: Session, admin: Session) {
  const started = performance.now();
  const deleted = await deleteServers(bench, namePrefix);
  if (deleted > 0) await adjustServerQuota(admin, bench.projectId, await benchFlavor(bench), -deleted);
  const id = await networkId(bench);
  if (id) await call(bench, 'DELETE', neutron(bench, `networks/${id}`));
  console.log(`deleted ${deleted} servers${id ? ` and ${network.name}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// ---- What the page shows, seen from inside it ----

// Runs in every document before its own scripts (plain JavaScript: a transpiled function would bring the bundler's
// helpers). After each DOM change, the next animation frame (the one that lays the change out) records its time
// (epoch ms), the rows of the instances list, and whether the overview's quotas are drawn: Zenith's quota cards
// each holding their gauges, Horizon's pie charts each holding their svg. Zenith's virtualized table has only
// the rows on screen in the DOM and gives the page's row count as aria-rowcount (with the header row).
const pageProbe = `{
  const frames = (window.benchFrames = []);
  const rows = () => {
    const zenith = document.querySelector('[data-testid="instances-table"] table');
    if (zenith) {
      const rendered = zenith.querySelectorAll('tr[data-row-id]').length;
      const total = Number(zenith.getAttribute('aria-rowcount') || 0) - 1;
      return rendered > 0 && total > 0 ? total : rendered;
    }
    const horizon = document.querySelector('table#instances');
    return horizon ? horizon.querySelectorAll('tr[data-object-id]').length : 0;
  };
  const drawn = (cards, inside) => cards.length > 0 && [...cards].every((card) => card.querySelector(inside));
  const overview = () =>
    drawn(document.querySelectorAll('[data-testid^="quota-card-"]'), '[data-testid^="gauge-"]') ||
    drawn(document.querySelectorAll('.pie-chart-usage'), 'svg');
  let scheduled = false;
  const record = () => {
    scheduled = false;
    frames.push([performance.timeOrigin + performance.now(), rows(), overview()]);
  };
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(record);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}`;

interface Wanted {
  rows?: number;
  overview?: boolean;
}

/**
 * Milliseconds from `since` (epoch ms; the current document's navigation start when not given) to the first frame
 * showing what is wanted; NaN when it does not come in time.
 */
async function frameShowing(page: Page, wanted: Wanted, since?: number): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      ({ rows, overview, since: start }) => {
        const origin = start ?? performance.timeOrigin;
        const frames = (window as unknown as { benchFrames?: [number, number, boolean][] }).benchFrames ?? [];
        const frame = frames.find(([time, shown, drawn]) => time >= origin && (rows === undefined || shown >= rows) && (!overview || drawn));
        return frame ? { ms: frame[0] - origin } : false;
      },
      { ...wanted, since },
      { timeout: pageTimeoutMs, polling: 100 },
    );
    return ((await handle.jsonValue()) as { ms: number }).ms;
  } catch (error) {
    console.log(`  (not shown within ${pageTimeoutMs / 1000} s: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return Number.NaN;
  }
}

/** Clicks like a user would, and returns the click's time (epoch ms, the page's clock). */
async function clickAt(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element: HTMLElement) => {
    const at = performance.timeOrigin + performance.now();
    element.click();
    return at;
  });
}

/** A full page load (as after a reload or a deep link), from navigation start to the rows laid out. */
async function loadList(page: Page, url: string, rows: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  return frameShowing(page, { rows });
}

// ---- The two dashboards ----

interface Dashboard {
  name: 'Zenith' | 'Horizon';
  context: BrowserContext;
  page: Page;
  /** Sign out, then time the sign-in to the overview drawn. */
  login: () => Promise<number>;
  /** The instances page showing `size` rows per page; undefined when the dashboard offers no such page size. */
  list: (size: number, rows: number) => Promise<number | undefined>;
  /** From the images list, back to the instances list by its link. */
  navigateBack: (rows: number) => Promise<number>;
}

async function zenithDashboard(browser: Browser, bff: BenchBff): Promise<Dashboard & { servicesToken: () => Promise<string>; microversion: () => string }> {
  const context = await benchContext(browser, bff.url);
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  let microversion = 'compute 2.47';
  page.on('request', (request) => {
    if (request.url().includes('/api/os/compute/servers/detail')) microversion = request.headers()['openstack-api-version'] ?? microversion;
  });
  const login = localCloud.login('zenith-demo');
  const dashboard: Dashboard = {
    name: 'Zenith',
    context,
    page,
    async login() {
      await page.goto('/');
      await page.locator('[data-testid="login-form"], [data-testid="user-menu"]').first().waitFor();
      if (await page.getByTestId('user-menu').isVisible()) await signOut(page);
      await page.getByLabel('User name').fill(login.username);
      await page.getByLabel('Password', { exact: true }).fill(login.password);
      await page.getByLabel('Project', { exact: true }).fill(projectName);
      const clicked = await clickAt(page, '[data-testid="login-form"] button[type="submit"]');
      return frameShowing(page, { overview: true }, clicked);
    },
    async list(size, rows) {
      // The page size is in the URL; a size the list does not offer falls back to its default.
      if (size > 100) {
        await page.goto('/instances');
        const offered = await page.getByTestId('page-size').locator('option').allTextContents();
        if (!offered.map(Number).includes(size)) return undefined;
      }
      return loadList(page, `${bff.url}/instances?limit=${size}`, rows);
    },
    async navigateBack(rows) {
      await loadList(page, `${bff.url}/instances`, rows);
      await page.locator('nav[aria-label="Main"] a[href="/images"]').click();
      await page.locator('[data-testid="images-table"] tr[data-row-id]').first().waitFor();
      const clicked = await clickAt(page, 'nav[aria-label="Main"] a[href="/instances"]');
      return frameShowing(page, { rows }, clicked);
    },
  };
  return {
    ...dashboard,
    servicesToken: async () => {
      const cookie = (await context.cookies()).find((candidate) => candidate.name === 'zenith.sid');
      return tokenInStore(bff.sessionDb, cookie && `${cookie.name}=${cookie.value}`);
    },
    microversion: () => microversion,
  };
}

async function horizonDashboard(browser: Browser, projectId: string): Promise<Dashboard> {
  const context = await benchContext(browser, horizonUrl);
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const login = localCloud.login('zenith-demo');
  // Horizon's page size is a user setting it reads from this cookie (as its /settings/ page saves it).
  const pageSize = (size: number) => context.addCookies([{ name: 'API_RESULT_PAGE_SIZE', value: String(size), url: horizonUrl }]);
  return {
    name: 'Horizon',
    context,
    page,
    async login() {
      await page.goto('/auth/logout/');
      await page.waitForURL(/\/auth\/login\//);
      // Horizon scopes a login to its first project unless this cookie names the last one used.
      await context.addCookies([{ name: 'recent_project', value: projectId, url: horizonUrl }]);
      await page.locator('#id_username').fill(login.username);
      await page.locator('#id_password').fill(login.password);
      const clicked = await clickAt(page, '#loginBtn');
      await page.waitForURL(/\/project\//, { timeout: pageTimeoutMs, waitUntil: 'commit' });
      const ms = await frameShowing(page, { overview: true }, clicked);
      const project = (await page.locator('.context-project').first().textContent())?.trim();
      if (project !== projectName) throw new Error(`Horizon signed in to project ${project}, not ${projectName}`);
      return ms;
    },
    async list(size, rows) {
      await pageSize(size);
      return loadList(page, `${horizonUrl}/project/instances/`, rows);
    },
    async navigateBack(rows) {
      await pageSize(20);
      await loadList(page, `${horizonUrl}/project/instances/`, rows);
      // The sidebar's groups may be folded: a click on the link itself, as for the timed one.
      await clickAt(page, 'a[href="/project/images/"]');
      await page.waitForURL(/\/project\/images\//);
      await page.waitForLoadState('load');
      const clicked = await clickAt(page, 'a[href="/project/instances/"]');
      await page.waitForURL(/\/project\/instances\//, { waitUntil: 'commit' });
      return frameShowing(page, { rows }, clicked);
    },
  };
}

// ---- Floors ----

/** A static page with a 20-row table, as a server would send a list already rendered: the browser's own cost. */
async function staticPage() {
  const cells = (index: number) =>
    ['ACTIVE', 'm1.tiny', 'cirros-tiny', `10.97.0.${index}`, 'nova', 'Running', '5 minutes'].map((cell) => `<td>${cell}</td>`).join('');
  const body =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>20 rows</title></head><body><table id="instances">' +
    '<thead><tr><th>Name</th><th>Status</th><th>Flavor</th><th>Image</th><th>IP</th><th>AZ</th><th>Power</th><th>Age</th></tr></thead><tbody>' +
    Array.from({ length: 20 }, (_, index) => `<tr data-object-id="${index}"><td>${namePrefix}${index}</td>${cells(index)}</tr>`).join('') +
    '</tbody></table></body></html>';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

async function novaList(computeUrl: string, token: string, microversion: string, limit: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${computeUrl}/servers/detail?limit=${limit}`, {
    headers: { 'x-auth-token': token, 'openstack-api-version': microversion },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`Nova servers/detail: HTTP ${response.status}`);
  return performance.now() - started;
}

// ---- Running ----

const pageSizes = [20, 100, 1000] as const;
type Measure = 'login' | `list${(typeof pageSizes)[number]}` | 'back';
const measures: { key: Measure; label: string }[] = [
  { key: 'login', label: 'login → overview' },
  { key: 'list20', label: 'instances page, 20 rows' },
  { key: 'list100', label: 'instances page, 100 rows' },
  { key: 'list1000', label: 'instances page, all rows (page size 1000)' },
  { key: 'back', label: 'in-app navigation back to the list (Images → Instances)' },
];

function median(values: number[]) {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function versions() {
  const dpkg = (name: string) => spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' }).stdout || 'not installed';
  const commit = spawnSync('git', ['log', '-1', '--format=%h %cs'], { encoding: 'utf8' }).stdout.trim();
  const cpu = cpus();
  const osRelease = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? 'unknown OS';
  return {
    machine: `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osRelease}`,
    software: `Zenith ${commit}; Horizon ${dpkg('openstack-dashboard')} (uwsgi 2 processes × 2 threads); Nova ${dpkg('python3-nova')}; Node ${process.version}`,
  };
}

async function main() {
  const admin = await authenticate('zenith-admin');
  const bench = await authenticate('zenith-demo', projectName);
  if (args.cleanup) {
    await cleanup(bench, admin);
    return;
  }
  if (args.flags.has('install-horizon')) {
    const install = spawnSync('bash', [new URL('./horizon/install.sh', import.meta.url).pathname], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error('bench/horizon/install.sh failed');
  }
  await seed(bench, admin);

  const servers = await listServers(bench, '');
  const byStatus = new Map<string, number>();
  for (const server of servers) byStatus.set(server.status, (byStatus.get(server.status) ?? 0) + 1);
  const horizonUp = await fetch(`${horizonUrl}/auth/login/`).then((response) => response.ok, () => false);
  const loadBefore = loadavg()[0] ?? Number.NaN;

  const bff = await startBff(port);
  const browser = await launchBrowser();
  const floorPage = await staticPage();
  const figures = { Zenith: new Map<Measure, number[]>(), Horizon: new Map<Measure, number[]>() };
  const floors = { static: [] as number[], nova: new Map<number, number[]>() };
  const record = <K>(map: Map<K, number[]>, key: K, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  let microversion = '';
  try {
    const zenith = await zenithDashboard(browser, bff);
    const dashboards: Dashboard[] = [zenith];
    if (horizonUp) dashboards.push(await horizonDashboard(browser, bench.projectId));
    const rowsFor = (size: number) => Math.min(size, servers.length);

    // Warm-up: each dashboard's files in the browser cache, as for a user who has used it before.
    for (const dashboard of dashboards) {
      await dashboard.login();
      await dashboard.list(20, rowsFor(20));
      await dashboard.navigateBack(rowsFor(20));
    }
    const floorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await floorContext.addInitScript(pageProbe);
    const floor = await floorContext.newPage();
    await loadList(floor, floorPage.url, 20);
    const token = await zenith.servicesToken();

    for (let run = 1; run <= runs; run++) {
      for (const dashboard of dashboards) {
        const line: string[] = [];
        const time = async (key: Measure, measure: () => Promise<number | undefined>) => {
          const value = await measure();
          if (value !== undefined) record(figures[dashboard.name], key, value);
          line.push(`${key} ${value === undefined ? 'n/a' : value.toFixed(0)}`);
        };
        await time('login', () => dashboard.login());
        for (const size of pageSizes) await time(`list${size}`, () => dashboard.list(size, rowsFor(size)));
        await time('back', () => dashboard.navigateBack(rowsFor(20)));
        console.log(`run ${run} ${dashboard.name.padEnd(7)} ${line.join(', ')} (ms)`);
      }
      floors.static.push(await loadList(floor, floorPage.url, 20));
      for (const limit of [21, 101, 1000]) {
        microversion = zenith.microversion();
        record(floors.nova, limit, await novaList(bench.endpoints.compute, token, microversion, limit));
      }
    }
    await floorContext.close();
  } finally {
    await browser.close();
    floorPage.close();
    bff.stop();
  }

  // ---- Report ----
  const { machine, software } = versions();
  const staticMs = median(floors.static);
  const nova = (limit: number) => median(floors.nova.get(limit) ?? []);
  const floorOf: Record<Measure, number> = {
    login: Number.NaN,
    list20: staticMs + nova(21),
    list100: staticMs + nova(101),
    list1000: staticMs + nova(1000),
    back: frameMs,
  };
  const targets: Record<Measure, string> = {
    login: '≤ Horizon / 2',
    list20: '≤ floor + 150',
    list100: '≤ floor + 250',
    list1000: '≤ Nova + 400',
    back: '≤ 50',
  };
  const seconds = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value / 1000).toFixed(2)} s`);
  const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? '—' : `×${(a / b).toFixed(2)}`);
  const cell = (text: string, width: number) => text.padStart(width);

  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${machine}; load average ${loadBefore.toFixed(1)} before, ` +
      `${(loadavg()[0] ?? Number.NaN).toFixed(1)} after\n${software}; Chromium ${browser.version()}\n` +
      `Project ${projectName}: ${servers.length} servers (${[...byStatus].map(([status, count]) => `${status} ${count}`).join(', ')}); ` +
      `medians of ${runs} runs, warm browser cache, time to the frame that lays the rows (or quotas) out` +
      (horizonUp ? '' : `\nHorizon does not answer on ${horizonUrl}: run with --install-horizon to measure it`),
  );
  console.log(
    `Floors: static 20-row page ${seconds(staticMs)}; Nova servers/detail with Zenith's token ` +
      `(${microversion}): limit 21 ${seconds(nova(21))}, limit 101 ${seconds(nova(101))}, limit 1000 ${seconds(nova(1000))}\n`,
  );
  const header = ['measure'.padEnd(58), 'Horizon', 'Zenith', 'floor', 'Horizon/floor', 'Zenith/floor', 'Horizon/Zenith', 'Zenith−floor', 'target'];
  console.log(`${header[0]}${header.slice(1).map((title) => cell(title, 16)).join('')}`);
  for (const { key, label } of measures) {
    const horizon = median(figures.Horizon.get(key) ?? []);
    const zenithMs = median(figures.Zenith.get(key) ?? []);
    const floorMs = floorOf[key];
    const over = Number.isNaN(floorMs) || Number.isNaN(zenithMs) ? 'n/a' : `${(zenithMs - floorMs).toFixed(0)} ms`;
    console.log(
      label.padEnd(58) +
        [seconds(horizon), seconds(zenithMs), key === 'back' ? 'one frame' : seconds(floorMs), ratio(horizon, floorMs), ratio(zenithMs, floorMs), ratio(horizon, zenithMs), over, targets[key]]
          .map((text) => cell(text, 16))
          .join(''),
    );
  }
}

await main();
