// The "API" panel of list and detail pages on the real local cloud: the curl command it offers for the page's GET,
// run outside the browser with a token the test gets from Keystone itself, answers what the page's table shows; the
// `openstack` command it shows runs and lists the same resources.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { localCloud, openstack, openstackDo, projectIdOf, type CloudName } from '../support/cloud';
import { atMost } from '../support/concurrency';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { cleanUp, createServer, uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn } from '../support/zenith';

const run = promisify(execFile);
const prefix = uniquePrefix('reads');
const serverNames = [`${prefix}-a`, `${prefix}-b`];
const networkNames = [`${prefix}-net-a`, `${prefix}-net-b`];

interface CloudEntry {
  auth: { auth_url: string; username: string; password: string; project_name: string; user_domain_name: string; project_domain_name: string };
}

/** A token for the demo user on project demo, asked of Keystone by the test (never by the browser). */
async function demoToken(): Promise<string> {
  const { auth } = (parse(readFileSync(localCloud.cloudsYaml, 'utf8')) as { clouds: Record<string, CloudEntry> }).clouds['zenith-demo']!;
  const response = await fetch(`${auth.auth_url.replace(/\/$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: auth.username, domain: { name: auth.user_domain_name }, password: auth.password } } },
        scope: { project: { name: auth.project_name, domain: { name: auth.project_domain_name } } },
      },
    }),
  });
  expect(response.status).toBe(201);
  return response.headers.get('x-subject-token')!;
}

let token = '';

test.describe.configure({ mode: 'serial' });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeAll(async () => {
  token = await demoToken();
  await Promise.all([
    ...serverNames.map((name) => createServer(name)),
    ...networkNames.map((name) => openstackDo('zenith-demo', ['network', 'create', name])),
  ]);
});

test.afterAll(async () => {
  await cleanUp(prefix);
  for (const name of networkNames) await openstackDo('zenith-demo', ['network', 'delete', name]).catch(() => undefined);
});

async function openApiPanel(page: Page): Promise<Locator> {
  await page.getByTestId('api-reads-toggle').click();
  const panel = page.getByTestId('api-reads-panel');
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * The curl command the panel offers for the call whose URL ends with `path` (before its query), as "Copy as curl"
 * puts it on the clipboard; checked against the URL the panel shows.
 */
async function copiedCurl(page: Page, panel: Locator, path: RegExp): Promise<{ url: string; curl: string }> {
  const call = panel.getByTestId('api-read').filter({ has: page.getByTestId('api-read-http-url').getByText(path) });
  await expect(call).toHaveCount(1);
  const url = (await call.getByTestId('api-read-http-url').textContent()) ?? '';
  await call.getByTestId('api-read-http-copy-curl').click();
  await expect(call.getByTestId('api-read-http-copy-curl')).toHaveText('Copied');
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  // The URL as the panel shows it (quoted for the shell when it has a query string).
  expect(curl.split('\n')[0]).toMatch(new RegExp(`^curl -g -i '?${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'? \\\\$`));
  expect(curl).toContain('"X-Auth-Token: $OS_TOKEN"');
  expect(curl).not.toContain(token);
  return { url, curl };
}

/** Runs a command line as a user would paste it into bash, with the token in OS_TOKEN; the JSON body curl printed. */
async function runCurl<T>(curl: string): Promise<T> {
  const { stdout } = await run('/bin/bash', ['-c', curl], { env: { ...process.env, OS_TOKEN: token }, maxBuffer: 16 * 1024 * 1024 });
  // `curl -i` prints the status line and headers first.
  const split = stdout.indexOf('\r\n\r\n');
  expect(stdout.slice(0, stdout.indexOf('\r\n'))).toMatch(/^HTTP\/[\d.]+ 200/);
  return JSON.parse(stdout.slice(split + 4)) as T;
}

/** Runs an `openstack ...` line the panel shows, as the user would with the local cloud's clouds.yaml (the demo user by default). */
async function runShownLine(commandLine: string, cloud: CloudName = 'zenith-demo', extra = ''): Promise<string> {
  expect(commandLine).toMatch(/^openstack /);
  const line = `${commandLine.replace(/^openstack /, `openstack --os-cloud ${cloud} `)}${extra}`;
  const { stdout } = await run('/bin/bash', ['-c', line], { env: { ...process.env, OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml }, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** The same, for a list or show command, as JSON. */
async function runShownCli<T>(commandLine: string, cloud: CloudName = 'zenith-demo'): Promise<T> {
  return JSON.parse(await runShownLine(commandLine, cloud, ' -f json')) as T;
}

const hrefId = (href: string | null) => decodeURIComponent(href?.split('/').pop() ?? '');

test('instances: the shown curl answers the servers the table shows, and the shown openstack command lists them', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  await page.goto(`/instances?name=${prefix}`);
  const names = page.getByTestId('instances-table').getByTestId('server-name');
  await expect(names).toHaveCount(2);
  const table = await names.evaluateAll((links) => links.map((link) => ({ name: link.textContent, id: link.getAttribute('href') })));
  const rows = table.map((row) => ({ name: row.name, id: hrefId(row.id) }));
  expect(rows.map((row) => row.name).sort()).toEqual([...serverNames].sort());

  const panel = await openApiPanel(page);
  // The command with the page's filter, as Nova receives it (a regular expression: the prefix has none of its signs).
  await expect(panel.getByTestId('api-reads-cli')).toHaveText(`openstack server list --long --name ${prefix}`);
  const { url, curl } = await copiedCurl(page, panel, /\/servers\/detail\?/);
  expect(new URL(url).origin).toBe('http://127.0.0.1:8774');
  expect(new URL(url).searchParams.get('name')).toBe(prefix);
  const answer = await runCurl<{ servers: { id: string; name: string }[] }>(curl);
  expect(answer.servers.map((server) => ({ name: server.name, id: server.id }))).toEqual(rows);

  const listed = await runShownCli<{ ID: string; Name: string }[]>((await panel.getByTestId('api-reads-cli').textContent()) ?? '');
  expect(listed.map((server) => ({ name: server.Name, id: server.ID })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
    [...rows].sort((a, b) => a.name.localeCompare(b.name)),
  );

  await expectAccessible(page, 'instances list with its API panel');
  await screenshotBothThemes(page, 'api-reads-instances-list');

  // The detail page of one of them: its GET, and `openstack server show`.
  const first = rows[0]!;
  await names.first().click();
  await expect(page.getByTestId('detail-name')).toHaveText(first.name);
  const detailPanel = await openApiPanel(page);
  await expect(detailPanel.getByTestId('api-reads-cli')).toContainText(`openstack server show ${first.id}`);
  const detail = await copiedCurl(page, detailPanel, new RegExp(`/servers/${first.id}$`));
  const shown = await runCurl<{ server: { id: string; name: string } }>(detail.curl);
  expect(shown.server).toMatchObject({ id: first.id, name: first.name });
  const cli = await openstack<{ id: string; name: string }>('zenith-demo', ['server', 'show', first.id]);
  expect(cli).toMatchObject({ id: first.id, name: first.name });
  await expectAccessible(page, 'instance detail with its API panel');
  await screenshotBothThemes(page, 'api-reads-instance-detail');

  await expectNoTokenInBrowser(page, seenResponses);
});

test('networks: the shown curl answers the networks the table shows, in its order, and the shown openstack command lists them', async ({ page, seenResponses }) => {
  const projectId = await projectIdOf('demo');
  await signIn(page, 'zenith-demo');
  await page.goto('/networks');
  const names = page.getByTestId('networks-table').getByTestId('network-name');
  await expect(names.first()).toBeVisible();
  const table = await names.evaluateAll((links) => links.map((link) => ({ name: link.textContent, id: link.getAttribute('href') })));
  const rows = table.map((row) => ({ name: row.name, id: hrefId(row.id) }));

  const panel = await openApiPanel(page);
  await expect(panel.getByTestId('api-reads-cli')).toContainText(`openstack network list --long --project ${projectId}`);
  const { url, curl } = await copiedCurl(page, panel, /\/v2\.0\/networks\?/);
  expect(new URL(url).origin).toBe('http://127.0.0.1:9696');
  expect(new URL(url).searchParams.get('project_id')).toBe(projectId);
  const answer = await runCurl<{ networks: { id: string; name: string }[] }>(curl);
  // Neutron is asked for one row more than the page shows (is there a next page?).
  expect(answer.networks.slice(0, rows.length).map((network) => ({ name: network.name, id: network.id }))).toEqual(rows);

  const cliLine = (await panel.getByTestId('api-reads-cli').textContent())?.split('\n')[0] ?? '';
  const listed = await runShownCli<{ ID: string; Name: string }[]>(cliLine);
  const listedIds = listed.map((network) => network.ID);
  for (const row of rows) expect(listedIds).toContain(row.id);
  for (const name of networkNames) expect(listed.map((network) => network.Name)).toContain(name);
  if (rows.length < 20) expect(listed).toHaveLength(rows.length);

  await expectAccessible(page, 'networks list with its API panel');
  await expectNoTokenInBrowser(page, seenResponses);
});

/**
 * Every other list page (and the admin's pages): the panel shows at least one GET the page made, answered 200, and
 * each `openstack` command it shows runs on the local cloud as the same user and answers JSON.
 */
const pagesOf: Record<CloudName, string[]> = {
  'zenith-demo': [
    '/images',
    '/flavors',
    '/keypairs',
    '/server-groups',
    '/volumes',
    '/volumes/snapshots',
    '/volume-types',
    '/ports',
    '/routers',
    '/floating-ips',
    '/security-groups',
    '/stacks',
    '/topology',
    '/usage',
  ],
  'zenith-admin': ['/admin/instances', '/admin/volume-types', '/admin/capacity', '/admin/identity', '/admin/quotas', '/admin/usage'],
};

for (const cloud of ['zenith-demo', 'zenith-admin'] as const) {
  test(`every page of ${cloud === 'zenith-demo' ? 'a member' : 'the admin'} shows its GETs and openstack commands that run`, async ({ page, seenResponses }) => {
    test.setTimeout(240_000);
    await signIn(page, cloud);
    // Two detail pages too, of what this spec made: all their commands run as well.
    const details =
      cloud === 'zenith-demo'
        ? [
            `/networks/${(await openstack<{ id: string }>(cloud, ['network', 'show', networkNames[0]!])).id}`,
            `/instances/${(await openstack<{ id: string }>(cloud, ['server', 'show', serverNames[0]!])).id}`,
          ]
        : [];
    const shown: { path: string; line: string }[] = [];
    for (const path of [...pagesOf[cloud], ...details]) {
      await page.goto(path);
      const panel = await openApiPanel(page);
      await expect(panel.getByTestId('api-read').first(), `a GET of ${path}`).toBeVisible();
      await expect(panel.getByTestId('api-read-status').first(), `the first GET of ${path}`).toContainText('200');
      const lines = ((await panel.getByTestId('api-reads-cli').textContent()) ?? '').split('\n');
      expect(lines.length, `commands of ${path}`).toBeGreaterThan(0);
      shown.push(...lines.map((line) => ({ path, line })));
    }
    // Each exits 0 (`console log show` has no -f: each line runs as shown); three at a time, ~1.4 s each.
    await atMost(3, shown, ({ path, line }) => expect(runShownLine(line, cloud), `${line} (${path})`).resolves.toEqual(expect.any(String)));
    await expectNoTokenInBrowser(page, seenResponses);
  });
}
