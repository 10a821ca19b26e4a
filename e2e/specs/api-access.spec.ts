// The API access page on the real local cloud, the openstack CLI as witness: the catalog is the one the CLI lists;
// clouds.yaml and openrc downloaded from the page work with the CLI and the demo password; EC2 and application
// credentials created through the page are the ones the CLI lists, the application credential's clouds.yaml signs
// in; both are deleted through the page. Every download joins the token scan, and each secret crosses the wire once.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { parse } from 'yaml';
import { localCloud, openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test, type SeenResponse } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('api');
const password = localCloud.login('zenith-demo').password;
let directory: string;
const createdEc2: string[] = [];

test.describe.configure({ mode: 'serial' });
// The expiry is typed in the browser's local time and must reach Keystone in UTC: a zone an hour from UTC shows it.
test.use({ timezoneId: 'Europe/Paris' });

test.beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'zenith-api-access-'));
});
test.afterAll(async () => {
  for (const access of createdEc2) await openstackDo('zenith-demo', ['ec2', 'credentials', 'delete', access]).catch(() => undefined);
  const left = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['application', 'credential', 'list']);
  for (const credential of left.filter((entry) => entry.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['application', 'credential', 'delete', credential.ID]).catch(() => undefined);
  }
  await rm(directory, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command outside the browser and the witness, with only what the downloaded files give it. */
function run(file: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      // A clean environment: no OS_* of the test runner, no clouds.yaml of its home.
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: directory, LANG: 'C.UTF-8', ...options.env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** Saves a download in the test's directory and adds its text to what the token scan reads. */
async function keep(download: Download, seen: SeenResponse[]): Promise<{ path: string; text: string }> {
  const path = join(directory, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  seen.push({ url: `download:${download.suggestedFilename()}`, headers: {}, body: text });
  return { path, text };
}

async function downloadFrom(page: Page, testId: string, seen: SeenResponse[]) {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), ...(await keep(download, seen)) };
}

const ids = (servers: { ID: string }[]) => servers.map((server) => server.ID).sort();
const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The responses whose body carries `secret`: only the answer that created it may. */
const carrying = (seen: SeenResponse[], secret: string) => seen.filter((response) => !response.url.startsWith('download:') && response.body.includes(secret));

async function openApiAccess(page: Page) {
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'API access' }).click();
  await expect(page.getByRole('heading', { name: 'API access', level: 1 })).toBeVisible();
}

async function deleteRow(page: Page, rowId: string, menuLabel: string) {
  const row = page.locator(`[data-row-id="${rowId}"]`);
  await row.getByRole('button', { name: menuLabel }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
}

test('the catalog is what the CLI lists; clouds.yaml and openrc from the page list the servers with the demo password', async ({ page, seenResponses }) => {
  await openApiAccess(page);

  // Every endpoint of every service, region and interface, as `openstack catalog list` shows them.
  const witness = await openstack<{ Name: string; Type: string; Endpoints: { interface: string; region_id: string | null; region: string | null; url: string }[] }[]>(
    'zenith-demo',
    ['catalog', 'list'],
  );
  const expected = witness
    .flatMap((service) => service.Endpoints.map((endpoint) => `${service.Type}|${service.Name}|${endpoint.region_id ?? endpoint.region ?? ''}|${endpoint.interface}|${trimSlash(endpoint.url)}`))
    .sort();
  const rows = page.getByTestId('catalog-endpoint');
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((elements) =>
    elements.map((element) => {
      const row = element as HTMLElement;
      const url = row.querySelector('[data-testid="catalog-endpoint-url"]')?.textContent ?? '';
      return `${row.dataset.serviceType}|${row.dataset.serviceName}|${row.dataset.region}|${row.dataset.interface}|${url}`;
    }),
  );
  expect(shown.sort()).toEqual(expected);
  const regions = [...new Set(witness.flatMap((service) => service.Endpoints.map((endpoint) => endpoint.region_id ?? '')))];
  expect(regions.length).toBeGreaterThan(1);

  // The region filter leaves exactly that region's endpoints.
  await page.getByTestId('catalog-region-filter').selectOption('RegionTwo');
  await expect(rows).toHaveCount(expected.filter((line) => line.split('|')[2] === 'RegionTwo').length);
  await page.getByTestId('catalog-interface-filter').selectOption('public');
  await expect(rows).toHaveCount(expected.filter((line) => line.split('|')[2] === 'RegionTwo' && line.split('|')[3] === 'public').length);
  await page.getByTestId('catalog-region-filter').selectOption('RegionOne');
  await expectAccessible(page, 'API access page');
  // The README's picture: the session's region and interface, one endpoint per service.
  await screenshotBothThemes(page, 'api-access');
  await page.getByTestId('catalog-region-filter').selectOption('');
  await page.getByTestId('catalog-interface-filter').selectOption('');
  await expect(rows).toHaveCount(expected.length);

  const servers = ids(await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list']));

  // clouds.yaml: no password inside; the CLI takes it from OS_PASSWORD.
  const clouds = await downloadFrom(page, 'download-clouds-yaml', seenResponses);
  expect(clouds.name).toBe('clouds.yaml');
  const file = parse(clouds.text) as { clouds: Record<string, { auth_type: string; auth: Record<string, string>; region_name: string; interface: string }> };
  const [cloudName, cloud] = Object.entries(file.clouds)[0]!;
  expect(cloud).toMatchObject({ auth_type: 'password', region_name: 'RegionOne', interface: 'public' });
  expect(cloud.auth).toMatchObject({ username: 'demo', user_domain_name: 'Default', project_name: 'demo', project_domain_name: 'Default' });
  expect(Object.keys(cloud.auth)).not.toContain('password');
  expect(clouds.text).toContain('# It holds no password.');
  const viaCloudsYaml = await run('openstack', ['--os-cloud', cloudName, 'server', 'list', '-f', 'json'], {
    env: { OS_CLIENT_CONFIG_FILE: clouds.path, OS_PASSWORD: password },
  });
  expect(viaCloudsYaml.code, viaCloudsYaml.stderr).toBe(0);
  expect(ids(JSON.parse(viaCloudsYaml.stdout) as { ID: string }[])).toEqual(servers);
  // And without the password it is refused: the file alone signs in as nobody.
  const withoutPassword = await run('openstack', ['--os-cloud', cloudName, 'server', 'list', '-f', 'json'], { env: { OS_CLIENT_CONFIG_FILE: clouds.path } });
  expect(withoutPassword.code).not.toBe(0);

  // openrc: sourced in bash, the password typed on its prompt (here piped in).
  const rc = await downloadFrom(page, 'download-openrc', seenResponses);
  expect(rc.name).toBe('demo-openrc.sh');
  expect(rc.text).toContain('read -sr OS_PASSWORD_INPUT');
  expect(rc.text).not.toContain(`OS_PASSWORD=${password}`);
  const viaOpenrc = await run('bash', ['-c', '. "$1" && openstack server list -f json', 'bash', rc.path], { input: `${password}\n` });
  expect(viaOpenrc.code, viaOpenrc.stderr).toBe(0);
  expect(viaOpenrc.stdout).toContain('Please enter your OpenStack Password for project demo as user demo:');
  const listed = viaOpenrc.stdout.slice(viaOpenrc.stdout.indexOf('['));
  expect(ids(JSON.parse(listed) as { ID: string }[])).toEqual(servers);
  const wrongPassword = await run('bash', ['-c', '. "$1" && openstack server list -f json', 'bash', rc.path], { input: 'not-the-password\n' });
  expect(wrongPassword.code).not.toBe(0);
  expect(wrongPassword.stderr).toContain('The request you have made requires authentication');

  await expectNoTokenInBrowser(page, seenResponses);
});

test('an EC2 credential created through the page is the CLI’s; its secret is shown once; deleted through the page', async ({ page, seenResponses }) => {
  await openApiAccess(page);
  await page.getByTestId('tab-ec2').click();
  await expect(page.getByTestId('ec2-credentials-table')).toBeVisible();
  await expect(page.getByTestId('ec2-credentials-table').getByTestId('table-row').or(page.getByText('No EC2 credential yet.'))).not.toHaveCount(0);

  await page.getByTestId('create-ec2-credential').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('cli-command')).toContainText('openstack ec2 credentials create --project');
  await dialog.getByRole('button', { name: 'Create EC2 credential' }).click();
  const access = (await dialog.getByTestId('ec2-access').textContent()) ?? '';
  const secret = (await dialog.getByTestId('ec2-secret').textContent()) ?? '';
  expect(access).toMatch(/^[0-9a-f]{32}$/);
  createdEc2.push(access);
  expect(secret).toMatch(/^[0-9a-f]{32}$/);
  await expect(dialog.getByTestId('ec2-shown-once')).toBeVisible();
  await expectAccessible(page, 'EC2 credential created');

  // The CLI sees the same credential, with the secret the page showed.
  const projectId = await projectIdOf('demo');
  const cliList = await openstack<{ Access: string; Secret: string; 'Project ID': string }[]>('zenith-demo', ['ec2', 'credentials', 'list']);
  expect(cliList.find((entry) => entry.Access === access)).toMatchObject({ Secret: secret, 'Project ID': projectId });

  const ec2rc = await downloadFrom(page, 'download-ec2rc', seenResponses);
  expect(ec2rc.name).toBe('demo-ec2rc.sh');
  const exported = await run('bash', ['-c', '. "$1" && printf "%s\\n%s\\n%s" "$EC2_ACCESS_KEY" "$EC2_SECRET_KEY" "${EC2_URL-unset}"', 'bash', ec2rc.path]);
  // The local cloud's catalog has no ec2 endpoint: the file says so instead of inventing a URL.
  expect(exported.stdout).toBe(`${access}\n${secret}\nunset`);
  expect(ec2rc.text).toContain("# This cloud's catalog has no ec2 endpoint");

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  // The page's list is the CLI's, and no answer but the create carried the secret.
  const table = page.getByTestId('ec2-credentials-table');
  await expect(table.locator(`[data-row-id="${access}"]`)).toBeVisible();
  const pageAccesses = await table.getByTestId('ec2-credential-access').allTextContents();
  const cliAccesses = (await openstack<{ Access: string }[]>('zenith-demo', ['ec2', 'credentials', 'list'])).map((entry) => entry.Access);
  expect(pageAccesses.sort()).toEqual(cliAccesses.sort());
  expect(carrying(seenResponses, secret).map((response) => response.url)).toEqual([expect.stringMatching(/\/credentials\/OS-EC2$/)]);

  await deleteRow(page, access, `Actions for ${access}`);
  const after = await openstack<{ Access: string }[]>('zenith-demo', ['ec2', 'credentials', 'list']);
  expect(after.map((entry) => entry.Access)).not.toContain(access);
  await expectNoTokenInBrowser(page, seenResponses);
});

test('an application credential created through the page signs in with its clouds.yaml; the CLI lists it; deleted through the page', async ({ page, seenResponses }) => {
  const name = `${prefix}-ci`;
  await openApiAccess(page);
  await page.getByTestId('tab-application-credentials').click();
  await expect(page.getByTestId('application-credentials-table')).toBeVisible();

  await page.getByTestId('create-application-credential').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('application-credential-name').fill(name);
  await dialog.getByTestId('application-credential-description').fill('made by the e2e test');
  // 12:00 in Paris in January is 11:00 UTC.
  await dialog.getByTestId('application-credential-expiry').fill('2030-01-15T12:00');
  for (const role of ['reader', 'heat_stack_owner', 'load-balancer_member']) await dialog.getByTestId(`application-credential-role-${role}`).uncheck();
  await dialog.getByTestId('access-rule-add').click();
  await dialog.getByTestId('access-rule-path').fill('/v2.1/servers/**');
  await dialog.getByTestId('access-rule-service').selectOption('compute');
  // "Unrestricted" sits behind its warning, unticked.
  await dialog.getByText('Advanced').click();
  await expect(dialog.getByTestId('unrestricted-warning')).toContainText('Dangerous');
  await expect(dialog.getByTestId('application-credential-unrestricted')).not.toBeChecked();
  await expect(dialog.getByTestId('cli-command')).toHaveText(
    `openstack application credential create --description 'made by the e2e test' --expiration 2030-01-15T11:00:00 --role member --access-rules '[{"method":"GET","path":"/v2.1/servers/**","service":"compute"}]' ${name}`,
  );
  await screenshotDialogBothThemes(page, 'api-access-application-credential-form');
  await dialog.getByRole('button', { name: 'Create application credential' }).click();

  const id = (await dialog.getByTestId('application-credential-id').textContent()) ?? '';
  const secret = (await dialog.getByTestId('application-credential-secret').textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(40);
  await expect(dialog.getByTestId('application-credential-shown-once')).toBeVisible();
  await expectAccessible(page, 'application credential created');
  await screenshotDialogBothThemes(page, 'api-access-application-credential-secret');

  // The CLI witness sees it as the form made it.
  const shown = await openstack<{ id: string; name: string; roles: string; expires_at: string; unrestricted: boolean; access_rules: { method: string; path: string; service: string }[] }>(
    'zenith-demo',
    ['application', 'credential', 'show', id],
  );
  expect(shown).toMatchObject({ name, roles: 'member', unrestricted: false });
  expect(shown.expires_at).toMatch(/^2030-01-15T11:00:00/);
  expect(shown.access_rules).toEqual([expect.objectContaining({ method: 'GET', path: '/v2.1/servers/**', service: 'compute' })]);

  // Its clouds.yaml signs in with the CLI.
  const clouds = await downloadFrom(page, 'download-application-credential-clouds-yaml', seenResponses);
  const file = parse(clouds.text) as { clouds: Record<string, { auth_type: string; auth: Record<string, string> }> };
  const [cloudName, cloud] = Object.entries(file.clouds)[0]!;
  expect(cloud.auth_type).toBe('v3applicationcredential');
  expect(cloud.auth).toMatchObject({ application_credential_id: id, application_credential_secret: secret });
  const issued = await run('openstack', ['--os-cloud', cloudName, 'token', 'issue', '-f', 'json'], { env: { OS_CLIENT_CONFIG_FILE: clouds.path } });
  expect(issued.code, issued.stderr).toBe(0);
  const projectId = await projectIdOf('demo');
  expect(JSON.parse(issued.stdout)).toMatchObject({ project_id: projectId });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  // The page's list is the CLI's; the secret crossed the wire once, in the create's answer.
  const table = page.getByTestId('application-credentials-table');
  await expect(table.locator(`[data-row-id="${id}"]`)).toContainText(name);
  const cliNames = (await openstack<{ Name: string }[]>('zenith-demo', ['application', 'credential', 'list'])).map((entry) => entry.Name);
  expect((await table.getByTestId('application-credential-name').allTextContents()).sort()).toEqual(cliNames.sort());
  expect(carrying(seenResponses, secret).map((response) => response.url)).toEqual([expect.stringMatching(/\/application_credentials$/)]);

  await deleteRow(page, id, `Actions for ${name}`);
  const after = await openstack<{ ID: string }[]>('zenith-demo', ['application', 'credential', 'list']);
  expect(after.map((entry) => entry.ID)).not.toContain(id);
  // Deleted in Keystone: its clouds.yaml no longer signs in.
  const refused = await run('openstack', ['--os-cloud', cloudName, 'token', 'issue', '-f', 'json'], { env: { OS_CLIENT_CONFIG_FILE: clouds.path } });
  expect(refused.code).not.toBe(0);
  await expectNoTokenInBrowser(page, seenResponses);
});
