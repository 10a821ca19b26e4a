// What the pages that draw or count every resource cost a big project: seeds N servers with ports in a project of
// their own (bench-topology, demo a member of it: never hundreds in demo, where the e2e suite runs), spread over
// five networks behind one router, then measures in Chromium, from each page's own clock:
// - the topology: time to the first node drawn, to the graph settled, and the main thread's long tasks (over 50 ms,
//   PerformanceObserver 'longtask'), on a cold load and on an in-app navigation; then expanding the largest group
//   and finding an instance by name;
// - the same long-task figures for the usage report (the project's, and every project's as admin), the quota
//   review and the capacity page.
// Prints the figures; asserts nothing.
//
//   npm run build && npx tsx bench/topology.ts [--servers 500] [--runs 3]
//   npx tsx bench/topology.ts --cleanup                     (deletes the servers, networks, router and the project)
//
// Needs the local cloud. Seeding is idempotent (tops each network up to its share) and bounded: one batch of 10
// servers is built at a time.
import { type Page } from '@playwright/test';
import { signIn } from '../e2e/support/zenith';
import { benchArgs } from './args';
import { startBff } from './bff';
import { authenticate, call, keystone, type Session } from './openstack';
import { adjustServerQuota, benchFlavor, benchImageId, createServers, deleteServers, idByName, listServers, waitUntilActive } from './servers';
import { benchContext, launchBrowser } from './browser';

const args = benchArgs({ count: { name: 'servers', default: 500, min: 0, max: 1000 }, port: 8196 });
const { count: serverCount, runs, port } = args;

const projectName = 'bench-topology';
const namePrefix = 'btopo-';
const routerName = 'btopo-router';
// How the servers spread over the networks: one big network, a few middling ones, a small one.
const networkShares = [0.6, 0.24, 0.1, 0.05, 0.01];
// Servers built at a time: Nova's one compute service builds them one after the other, so a bigger batch makes
// other users' (the e2e suite's) servers wait behind it.
const seedBatch = 10;
const networks = networkShares.map((share, index) => ({ name: `btopo-net-${index}`, cidr: `10.98.${index * 8}.0/21`, share, serverPrefix: `${namePrefix}${index}-` }));

/** Servers per network for `total`: the shares rounded down, what is left to the first (biggest) network. */
function serversPerNetwork(total: number): number[] {
  const counts = networkShares.map((share) => Math.floor(total * share));
  counts[0]! += total - counts.reduce((sum, count) => sum + count, 0);
  return counts;
}

// ---- The project, its networks and router ----

async function findProject(admin: Session): Promise<string | undefined> {
  return idByName(admin, `${keystone}/projects?name=${projectName}&domain_id=default`, 'projects', projectName);
}

async function ensureProject(admin: Session) {
  const projectId =
    (await findProject(admin)) ??
    (await call<{ project: { id: string } }>(admin, 'POST', `${keystone}/projects`, {
      project: { name: projectName, domain_id: 'default', description: 'topology benchmark: many servers (bench/topology.ts)' },
    })).project.id;
  const userId = await idByName(admin, `${keystone}/users?name=demo&domain_id=default`, 'users', 'demo');
  const roleId = await idByName(admin, `${keystone}/roles?name=member`, 'roles', 'member');
  if (!userId || !roleId) throw new Error('user demo or role member is missing: run e2e/cloud/up');
  await call(admin, 'PUT', `${keystone}/projects/${projectId}/users/${userId}/roles/${roleId}`);
}

const neutron = (session: Session, path: string) => `${session.endpoints.network}/v2.0/${path}`;

async function ensureNetworks(bench: Session): Promise<string[]> {
  const routerId =
    (await idByName(bench, neutron(bench, `routers?name=${routerName}&project_id=${bench.projectId}`), 'routers', routerName)) ??
    (await call<{ router: { id: string } }>(bench, 'POST', neutron(bench, 'routers'), { router: { name: routerName } })).router.id;
  const { networks: external } = await call<{ networks: { id: string }[] }>(bench, 'GET', neutron(bench, 'networks?router:external=true'));
  if (external[0]) await call(bench, 'PUT', neutron(bench, `routers/${routerId}`), { router: { external_gateway_info: { network_id: external[0].id } } });
  const ids: string[] = [];
  for (const network of networks) {
    const existing = await idByName(bench, neutron(bench, `networks?name=${network.name}&project_id=${bench.projectId}`), 'networks', network.name);
    if (existing) {
      ids.push(existing);
      continue;
    }
    const created = (await call<{ network: { id: string } }>(bench, 'POST', neutron(bench, 'networks'), { network: { name: network.name } })).network.id;
    const { subnet } = await call<{ subnet: { id: string } }>(bench, 'POST', neutron(bench, 'subnets'), {
      subnet: { name: network.name, network_id: created, ip_version: 4, cidr: network.cidr },
    });
    await call(bench, 'PUT', neutron(bench, `routers/${routerId}/add_router_interface`), { subnet_id: subnet.id });
    ids.push(created);
  }
  return ids;
}

async function seed(admin: Session) {
  await ensureProject(admin);
  const bench = await authenticate('zenith-demo', projectName);
  const networkIds = await ensureNetworks(bench);
  const counts = serversPerNetwork(serverCount);
  const missing = await Promise.all(networks.map(async (network, index) => counts[index]! - (await listServers(bench, network.serverPrefix)).length));
  const toCreate = missing.reduce((sum, count) => sum + Math.max(0, count), 0);
  console.log(`${projectName}: ${counts.join(' + ')} servers wanted on ${networks.length} networks, ${toCreate} to create`);
  const started = performance.now();
  if (toCreate > 0) {
    const flavor = await benchFlavor(bench);
    const imageId = await benchImageId(bench);
    await adjustServerQuota(admin, bench.projectId, flavor, toCreate);
    for (const [index, network] of networks.entries()) {
      if (missing[index]! <= 0) continue;
      await createServers(bench, { name: network.serverPrefix, count: missing[index]!, imageId, flavorId: flavor.id, networkId: networkIds[index]!, batchSize: seedBatch, settleEachBatch: true });
    }
  }
  await waitUntilActive(bench, namePrefix, serverCount);
  if (toCreate > 0) console.log(`seeded ${toCreate} servers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function cleanup(admin: Session) {
  const projectId = await findProject(admin);
  if (!projectId) {
    console.log(`no project ${projectName}: nothing to clean up`);
    return;
  }
  const started = performance.now();
  const bench = await authenticate('zenith-demo', projectName);
  await deleteServers(bench, namePrefix);
  const routerId = await idByName(bench, neutron(bench, `routers?name=${routerName}&project_id=${bench.projectId}`), 'routers', routerName);
  const { ports } = await call<{ ports: { id: string; device_id: string; device_owner: string; fixed_ips: { subnet_id: string }[] }[] }>(
    bench,
    'GET',
    neutron(bench, `ports?device_owner=network:router_interface&project_id=${bench.projectId}`),
  );
  for (const routerPort of ports.filter((candidate) => candidate.device_id === routerId)) {
    await call(bench, 'PUT', neutron(bench, `routers/${routerId}/remove_router_interface`), { port_id: routerPort.id });
  }
  if (routerId) await call(bench, 'DELETE', neutron(bench, `routers/${routerId}`));
  for (const network of networks) {
    const networkId = await idByName(bench, neutron(bench, `networks?name=${network.name}&project_id=${bench.projectId}`), 'networks', network.name);
    if (networkId) await call(bench, 'DELETE', neutron(bench, `networks/${networkId}`));
  }
  // The project's default security group is Neutron's, made on its first use: gone with the project's resources.
  const { security_groups: groups } = await call<{ security_groups: { id: string }[] }>(bench, 'GET', neutron(bench, `security-groups?project_id=${bench.projectId}`));
  for (const group of groups) await call(admin, 'DELETE', neutron(admin, `security-groups/${group.id}`));
  await call(admin, 'DELETE', `${keystone}/projects/${projectId}`);
  console.log(`deleted the servers, router, networks and project ${projectName} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// ---- Measuring ----

// Runs in the page before Zenith (plain JavaScript: a transpiled function would bring the bundler's helpers): the
// long tasks since navigation start, the moment the first graph node is visible, the last change to the graph.
const pageProbe = `{
  const bench = (window.bench = { longTasks: [], firstNode: undefined, lastGraphChange: undefined });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    const now = performance.now();
    if (bench.firstNode === undefined && document.querySelector('.react-flow__node:not([style*="visibility: hidden"])')) bench.firstNode = now;
    if (records.some((record) => record.target instanceof Element && record.target.closest('.react-flow'))) bench.lastGraphChange = now;
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}`;

interface LongTask {
  start: number;
  duration: number;
}

interface PageProbe {
  longTasks: LongTask[];
  firstNode?: number;
  lastGraphChange?: number;
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { bench: PageProbe }).bench);

/** Waits until the main thread has had no long task for `quietMs`, and the graph no change (when there is one). */
async function settle(page: Page, quietMs = 1500) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { longTasks, lastGraphChange } = await probe(page);
    const now = await page.evaluate(() => performance.now());
    const lastTask = longTasks.at(-1);
    const lastActivity = Math.max(lastGraphChange ?? 0, lastTask ? lastTask.start + lastTask.duration : 0);
    if (now - lastActivity > quietMs || Date.now() > deadline) return;
    await page.waitForTimeout(250);
  }
}

interface Figures {
  /** ms since navigation start (or since the click, for in-app navigations and interactions). */
  ready: number;
  firstNode?: number;
  settled?: number;
  longTasks: LongTask[];
  note?: string;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : `${value.toFixed(0)} ms`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
function longTaskSummary(tasks: readonly LongTask[]) {
  const max = Math.max(0, ...tasks.map((task) => task.duration));
  return `${tasks.length} long tasks${tasks.length > 0 ? `, max ${ms(max)}, total ${ms(tasks.reduce((sum, task) => sum + task.duration, 0))}` : ''}`;
}

/** The instances the graph accounts for: drawn one by one, or counted in a group node. */
async function instancesShown(page: Page): Promise<{ drawn: number; grouped: number; nodes: number }> {
  return page.evaluate(() => {
    const graph = document.querySelector('[data-testid="topology-graph"]');
    const grouped = Array.from(graph?.querySelectorAll('[data-testid="topology-group"]') ?? []).reduce((sum, group) => sum + Number(group.getAttribute('data-count')), 0);
    return {
      drawn: graph?.querySelectorAll('[data-testid="topology-node-instance"]').length ?? 0,
      grouped,
      nodes: graph?.querySelectorAll('.react-flow__node').length ?? 0,
    };
  });
}

/** Runs in the page (as a function: the CSP forbids evaluating strings), with `arg`. */
type Ready = (arg: string) => boolean;

/** A full page load of `path`, until `ready(arg)` holds in the page and then the main thread is quiet. */
async function coldLoad(page: Page, path: string, ready: Ready, arg = ''): Promise<Figures> {
  await page.goto('about:blank');
  await page.goto(path);
  await page.waitForFunction(ready, arg, { timeout: 600_000, polling: 50 });
  const readyAt = await page.evaluate(() => performance.now());
  await settle(page);
  const { longTasks, firstNode, lastGraphChange } = await probe(page);
  return { ready: readyAt, firstNode, settled: lastGraphChange, longTasks };
}

/** Something done on the page (a click, typing) until `ready(arg)` holds, with the long tasks from then on. */
async function interaction(page: Page, act: () => Promise<void>, ready: Ready, arg = ''): Promise<Figures> {
  const started = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(ready, arg, { timeout: 120_000, polling: 50 });
  const readyAt = await page.evaluate(() => performance.now());
  await settle(page);
  const { longTasks, lastGraphChange } = await probe(page);
  return {
    ready: readyAt - started,
    settled: lastGraphChange === undefined ? undefined : Math.max(0, lastGraphChange - started),
    longTasks: longTasks.filter((task) => task.start + task.duration > started),
  };
}

const graphShown: Ready = () => document.querySelector('.react-flow__node:not([style*="visibility: hidden"])') !== null;
const present: Ready = (selector) => document.querySelector(selector) !== null;

async function measureTopology(page: Page) {
  const cold: Figures[] = [];
  const inApp: Figures[] = [];
  for (let run = 0; run < runs; run++) {
    cold.push(await coldLoad(page, '/topology', graphShown));
    inApp.push(await inAppNavigation(page, '/topology', graphShown));
  }
  const shown = await instancesShown(page);
  console.log(`\n/topology, ${serverCount} servers in ${projectName} (${shown.nodes} graph nodes: ${shown.drawn} instances drawn, ${shown.grouped} in groups)`);
  report('cold load (times since navigation start)', cold, true);
  report('in-app navigation from the overview (times since the click)', inApp);

  const group = page.locator('[data-testid="topology-group"]').first();
  if ((await group.count()) === 0) {
    console.log('  (no group node to expand: this build draws every instance)');
    return;
  }
  const largest = await page.evaluate(() => {
    const groups = Array.from(document.querySelectorAll('[data-testid="topology-group"]'));
    return groups.sort((a, b) => Number(b.getAttribute('data-count')) - Number(a.getAttribute('data-count')))[0]?.getAttribute('data-group-id');
  });
  const expand = await interaction(
    page,
    () => page.locator(`[data-testid="topology-group"][data-group-id="${largest}"]`).getByRole('button').first().click(),
    present,
    `[data-testid="topology-grid"][data-group-id="${largest}"] [data-testid="topology-node-instance"]`,
  );
  report(`expanding the largest group (${largest})`, [expand]);
  const target = (await listServers(await authenticate('zenith-demo', projectName), `${namePrefix}0-`)).at(-1)?.name ?? '';
  await page.locator('nav a[href="/topology"]').first().click();
  await page.getByTestId('topology-search').waitFor();
  await page.getByTestId('topology-instances-pending').waitFor({ state: 'detached' });
  await settle(page);
  const search = await interaction(
    page,
    () => page.getByTestId('topology-search').fill(target),
    (name) => Array.from(document.querySelectorAll('[data-testid="topology-node-instance"][data-match]')).some((node) => node.textContent?.includes(name)),
    target,
  );
  report(`finding ${target} by name (its group expanded, the node marked)`, [search]);
}

function report(what: string, figures: Figures[], withNodes = false) {
  console.log(`  ${what}:`);
  figures.forEach((figure, index) =>
    console.log(
      `    run ${index + 1}: ${withNodes || figure.firstNode !== undefined ? `first node ${ms(figure.firstNode ?? figure.ready)}, ` : `ready ${ms(figure.ready)}, `}` +
        `graph settled ${ms(figure.settled)}; ${longTaskSummary(figure.longTasks)}`,
    ),
  );
  if (figures.length > 1) {
    console.log(
      `    median: ${withNodes ? 'first node' : 'ready'} ${ms(median(figures.map((figure) => figure.firstNode ?? figure.ready)))}, ` +
        `longest task ${ms(median(figures.map((figure) => Math.max(0, ...figure.longTasks.map((task) => task.duration)))))}, ` +
        `long tasks ${median(figures.map((figure) => figure.longTasks.length))}`,
    );
  }
}

/** From the overview through the navigation's link to `path`: the page's own cost, without the app's boot. */
async function inAppNavigation(page: Page, path: string, ready: Ready, arg = ''): Promise<Figures> {
  await page.goto('/');
  await page.getByTestId('current-project').waitFor();
  await settle(page);
  return interaction(page, () => page.locator(`nav a[href="${path}"]`).first().click(), ready, arg);
}

async function measureCountingPages(page: Page, pages: { path: string; ready: Ready; arg?: string; label: string }[]) {
  for (const { path, ready, arg, label } of pages) {
    const cold: Figures[] = [];
    const inApp: Figures[] = [];
    for (let run = 0; run < runs; run++) {
      cold.push(await coldLoad(page, path, ready, arg));
      inApp.push(await inAppNavigation(page, path, ready, arg));
    }
    console.log(`\n${path}: ${label}`);
    report('cold load (times since navigation start)', cold);
    report('in-app navigation from the overview (times since the click)', inApp);
  }
}

async function measure() {
  const bff = await startBff(port);
  const browser = await launchBrowser();
  try {
    const context = await benchContext(browser, bff.url);
    await context.addInitScript(pageProbe);
    const member = await context.newPage();
    await signIn(member, 'zenith-demo', projectName);
    await measureTopology(member);
    await measureCountingPages(member, [
      { path: '/usage', ready: present, arg: '[data-testid="usage-table"] tbody tr td + td', label: `the project's usage report, ${serverCount} servers` },
    ]);
    await member.close();

    const adminContext = await benchContext(browser, bff.url);
    await adminContext.addInitScript(pageProbe);
    const admin = await adminContext.newPage();
    await signIn(admin, 'zenith-admin');
    await measureCountingPages(admin, [
      { path: '/admin/usage', ready: present, arg: '[data-testid="all-usage-table"] tbody tr td + td', label: "every project's usage report" },
      {
        path: '/admin/quotas',
        ready: () => {
          const progress = document.querySelector('[data-testid="quota-progress"]');
          const total = Number(progress?.getAttribute('data-total'));
          return total > 0 && Number(progress?.getAttribute('data-done')) === total;
        },
        label: "the quota review (every project's three quota sets)",
      },
      { path: '/admin/capacity', ready: present, arg: '[data-testid="host-row"]', label: 'the capacity page' },
    ]);
  } finally {
    await browser.close();
    bff.stop();
  }
}

const admin = await authenticate('zenith-admin');
if (args.cleanup) {
  await cleanup(admin);
} else {
  await seed(admin);
  await measure();
}
