// Two BFF replicas sharing sessions through Redis, behind a round-robin proxy (an operator's load balancer): one
// sign-in serves both, a project switch on one holds on the other, a replica stopped mid-session costs the user
// nothing, and a logout on one ends the session on both. The e2e's own BFF (playwright.config) is not used here.
import type { Page } from '@playwright/test';
import { createClient } from 'redis';
import { localCloud, openstack, projectIdOf } from '../support/cloud';
import { expect, expectNoTokenInBrowser, test } from '../support/fixtures';
import { roundRobin, startReplica, testRedisUrl, type Replica, type RoundRobin } from '../support/replicas';
import { fillLogin, signOut, switchProject } from '../support/zenith';

let first: Replica;
let second: Replica;
/** The replicas the proxy sends to: a stopped one is taken out, as a load balancer's health check would. */
let live: Replica[] = [];
let proxy: RoundRobin;

test.beforeAll(async () => {
  [first, second] = await Promise.all([startReplica('a'), startReplica('b')]);
  live = [first, second];
  proxy = await roundRobin(() => live);
});

test.afterAll(async () => {
  await Promise.all(live.map((replica) => replica.stop()));
  await proxy?.close();
});

/** Asks one replica directly, with the browser's cookie: what that process makes of the session. */
async function sessionOn(replica: Replica, cookie: string) {
  const response = await fetch(`${replica.url}/api/auth/session`, { headers: { cookie } });
  return { status: response.status, body: response.ok ? ((await response.json()) as { project: { name: string } }) : undefined };
}

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((entry) => entry.name === 'zenith.sid');
  if (!cookie) throw new Error('no zenith.sid cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** The networks page against the CLI's list for the same project: the page's project is the session's. */
async function expectNetworksOf(page: Page, projectName: string) {
  const projectId = await projectIdOf(projectName);
  const listed = await openstack<{ Name: string }[]>('zenith-demo', ['network', 'list', '--project', projectId], projectId);
  const cli = listed.map((network) => network.Name).sort();
  await page.goto(`${proxy.url}/networks`);
  await expect(page.getByText(`Networks of ${projectName} in RegionOne`)).toBeVisible();
  const table = page.getByTestId('networks-table');
  if (cli.length === 0) {
    await expect(table).toContainText('This project has no network yet.');
    return;
  }
  const names = table.getByTestId('network-name');
  await expect(names.first()).toBeVisible();
  const shown = (await names.allTextContents()).sort();
  // One page of the list (the page shows 20 at a time): all of them when the project has fewer.
  if (cli.length < 20) expect(shown).toEqual(cli);
  else for (const name of shown) expect(cli).toContain(name);
}

test('two replicas share one session: pages on both, a project switch, a replica stopped mid-session, logout on both', async ({ page, seenResponses }) => {
  const redis = createClient({ url: testRedisUrl() });
  await redis.connect();
  try {
    const demo = localCloud.login('zenith-demo');
    const currentProject = page.getByTestId('current-project');
    await page.goto(`${proxy.url}/`);
    await fillLogin(page, { username: demo.username, password: demo.password, project: demo.project });
    await expect(currentProject).toHaveText('demo');

    // Pages through the proxy: their requests land on both replicas, each reading the one session from Redis.
    await page.goto(`${proxy.url}/images`);
    await expect(page.getByTestId('image-name').filter({ hasText: 'cirros-tiny' }).first()).toBeVisible();
    await expectNetworksOf(page, 'demo');
    for (const replica of [first, second]) {
      expect(replica.apiRequests().filter((path) => path.startsWith('/api/os/')).length, `requests on ${replica.name}`).toBeGreaterThan(0);
    }

    // A project switch (one replica writes the session), then a reload (any replica reads it).
    await switchProject(page, 'demo-2');
    await page.reload();
    await expect(currentProject).toHaveText('demo-2');
    const cookie = await sessionCookie(page);
    for (const replica of [first, second]) {
      expect(await sessionOn(replica, cookie), replica.name).toMatchObject({ status: 200, body: { project: { name: 'demo-2' } } });
    }

    // One replica stops (SIGTERM, as in a rolling upgrade): the user goes on through the other, still signed in.
    expect(await first.stop()).toBe(0);
    await first.logged('"msg":"stopped"');
    live = [second];
    const beforeStop = second.apiRequests().length;
    await page.reload();
    await expect(currentProject).toHaveText('demo-2');
    await expectNetworksOf(page, 'demo-2');
    await expect(page.getByTestId('login-form')).toHaveCount(0);
    expect(second.apiRequests().length).toBeGreaterThan(beforeStop);

    // It comes back (a fresh process on its old address) and serves the same session at once.
    first = await startReplica('a', Number(new URL(first.url).port));
    live = [first, second];
    await page.reload();
    await expect(currentProject).toHaveText('demo-2');
    await page.reload();
    await expect(currentProject).toHaveText('demo-2');
    expect(first.apiRequests().length).toBeGreaterThan(0);

    // Logout through one of them ends the session everywhere: in Redis, on each replica, in the browser.
    const sessionKey = `zenith:sess:${decodeURIComponent(cookie.split('=')[1] ?? '').slice(2).split('.')[0]}`;
    expect(await redis.exists(sessionKey)).toBe(1);
    await signOut(page);
    expect(await redis.exists(sessionKey)).toBe(0);
    for (const replica of [first, second]) expect((await sessionOn(replica, cookie)).status, replica.name).toBe(401);
    await page.reload();
    await expect(page.getByTestId('login-form')).toBeVisible();

    // Where the requests went, in the report: the split the proxy made of one user's session.
    test.info().annotations.push({
      type: 'API requests per replica',
      description: `a (stopped, then started again): ${first.apiRequests().length} after its restart; b: ${second.apiRequests().length}`,
    });
    await expectNoTokenInBrowser(page, seenResponses);
  } finally {
    await redis.close();
  }
});
