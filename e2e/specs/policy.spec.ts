// What the cloud allows, from the cloud itself (no role name in Zenith): a user holding only the `reader` role on
// demo (seeded by e2e/cloud) reads, and every write it tries is refused by the cloud, then offered as unavailable
// with the service's reason; the administration pages follow their probes' answers for reader, demo and admin; and
// with the local cloud's Neutron rule letting members create shared networks, demo's network form offers "shared"
// and the network is made shared (the CLI as witness).
import type { Locator, Page, Response } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { cliNetwork, cliNames, deleteNetworkResourcesWithPrefix } from '../support/networks';
import { cleanUpVolumes, createVolumeCli, showVolume } from '../support/volumes';
import { fillLogin, screenshotBothThemes, signIn, switchProject } from '../support/zenith';

const prefix = uniquePrefix('policy');
const demoNetwork = `${prefix}-net`;
const demoVolume = `${prefix}-vol`;
const reader = { username: 'reader', password: process.env.ZENITH_CLOUD_READER_PASSWORD ?? 'reader', project: 'demo' };
let volumeId = '';

test.beforeAll(async () => {
  await openstackDo('zenith-demo', ['network', 'create', demoNetwork]);
  volumeId = await createVolumeCli(demoVolume);
});
test.afterAll(async () => {
  await deleteNetworkResourcesWithPrefix(prefix);
  await cleanUpVolumes(prefix);
});

/** The administration pages' probes, as the side navigation sends them. */
const adminProbes: Record<string, (url: URL) => boolean> = {
  'All instances': (url) => url.pathname === '/api/os/compute/servers/detail' && url.searchParams.has('all_tenants'),
  'Usage, all projects': (url) => url.pathname === '/api/os/compute/os-simple-tenant-usage',
  Capacity: (url) => url.pathname === '/api/os/compute/os-hypervisors',
  'Projects and users': (url) => url.pathname === '/api/os/identity/role_assignments',
  Quotas: (url) => url.pathname === '/api/os/identity/domains',
  'Volume types': (url) => url.pathname === '/api/os/block-storage/qos-specs',
};

/** Starts listening for the probes' answers (before signing in); resolves to each probe's status. */
function probeStatuses(page: Page): Promise<number[]> {
  return Promise.all(
    Object.values(adminProbes).map((matches) =>
      page.waitForResponse((response: Response) => matches(new URL(response.url()))).then((response) => response.status()),
    ),
  );
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function signInAsReader(page: Page) {
  await page.goto('/');
  await fillLogin(page, reader);
  await expect(page.getByTestId('current-project')).toHaveText('demo');
}

function row(page: Page, table: string, name: string): Locator {
  return page.getByTestId(table).getByTestId('table-row').filter({ hasText: name });
}

/**
 * Opens the row's menu and returns its item for the action. The list may still be filling in its cells (a row's
 * subnets arrive after the row) and a re-rendered row closes its menu: opened again until the item shows.
 */
async function menuItem(page: Page, rowLocator: Locator, actionId: string): Promise<Locator> {
  const item = page.getByTestId(`menu-item-${actionId}`);
  await expect(async () => {
    if (!(await item.isVisible())) await rowLocator.getByTestId('row-actions').click();
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return item;
}

/** Chooses an available item, opening the menu again if a re-render closed it first. */
async function choose(page: Page, rowLocator: Locator, actionId: string, dialog: Locator) {
  await expect(async () => {
    await (await menuItem(page, rowLocator, actionId)).click({ timeout: 1_000 });
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Runs a confirmed delete from a row, and expects the cloud's refusal, then the item greyed with that reason. */
async function deleteIsRefused(page: Page, rowLocator: Locator, refusal: RegExp) {
  const dialog = page.getByTestId('action-dialog-delete');
  await choose(page, rowLocator, 'delete', dialog);
  await dialog.getByTestId('action-submit').click();
  // The dialog shows the refusal in the service's words, and stays open until closed.
  await expect(dialog.getByTestId('error-message')).toHaveText(refusal);
  const message = (await dialog.getByTestId('error-message').textContent())!;
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  const item = await menuItem(page, rowLocator, 'delete');
  await expect(item).toBeDisabled();
  await expect(item).toContainText(`Not allowed here: ${message}`);
  // Greyed, it does nothing: no dialog opens.
  await item.click({ force: true });
  await expect(page.getByTestId('action-dialog-delete')).toHaveCount(0);
  await page.keyboard.press('Escape');
  return message;
}

test('reader: reads work, and the administration pages are absent because the cloud refused their probes', async ({ page, seenResponses }) => {
  const statuses = probeStatuses(page);
  await signInAsReader(page);
  expect(await statuses).toEqual(Object.values(adminProbes).map(() => 403));
  await expect(nav(page).getByRole('heading', { name: 'Administration' })).toHaveCount(0);

  await page.goto('/instances');
  await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible();
  const servers = await openstack<{ Name: string }[]>('zenith-demo', ['server', 'list', '--limit', '1']);
  await expect(servers[0] ? row(page, 'instances-table', servers[0].Name) : page.getByText('No instances yet')).toBeVisible();
  await page.goto('/networks');
  await expect(row(page, 'networks-table', demoNetwork)).toBeVisible();
  await page.goto('/volumes');
  await expect(row(page, 'volumes-table', demoVolume)).toBeVisible();
  await expect(page.getByTestId('error-notice')).toHaveCount(0);
  await expectNoTokenInBrowser(page, seenResponses);
});

/**
 * Whether the cloud lets the signed-in user change a volume (renaming it to its own name, which changes nothing):
 * Zed's services still accept their deprecated rules (admin_or_owner) unless `[oslo_policy] enforce_new_defaults`
 * is on, and those let any role of the project write.
 */
async function cloudLetsWrite(page: Page): Promise<boolean> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.put(`/api/os/block-storage/volumes/${volumeId}`, {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { volume: { name: demoVolume } },
  });
  return response.ok();
}

test("reader: every write tried is refused by the cloud, then offered as unavailable with the service's reason", async ({ page }) => {
  await signInAsReader(page);
  test.skip(
    await cloudLetsWrite(page),
    "The local cloud lets a user with only the reader role write: its services' [oslo_policy] enforce_new_defaults is off, so Zed's deprecated admin_or_owner rules still apply.",
  );

  // A volume demo made: Cinder refuses the delete; the volume stays, and every volume's delete is now greyed.
  await page.goto('/volumes');
  const volumeRefusal = await deleteIsRefused(page, row(page, 'volumes-table', demoVolume), /policy|not authorized|forbidden/i);
  expect((await showVolume(volumeId)).status).toBe('available');

  // A network demo made: Neutron refuses the delete; the network stays.
  await page.goto('/networks');
  const networkRow = row(page, 'networks-table', demoNetwork);
  await deleteIsRefused(page, networkRow, /disallowed by policy/);
  expect((await cliNetwork(demoNetwork)).name).toBe(demoNetwork);
  await screenshotBothThemes(page, 'policy-reader-refused-action', async () => {
    await networkRow.getByTestId('row-actions').click();
    await expect(page.getByTestId('menu-item-delete')).toHaveAttribute('aria-disabled', 'true');
  });
  await page.keyboard.press('Escape');

  // Creating a network: Neutron refuses it, the dialog says why; the create button is then greyed with the reason.
  const refusedName = `${prefix}-refused`;
  await page.getByTestId('create-network').click();
  const dialog = page.getByTestId('create-network-dialog');
  await expect(dialog.getByTestId('network-shared')).toHaveCount(0);
  await dialog.getByTestId('network-name').fill(refusedName);
  await dialog.getByTestId('create-with-subnet').uncheck();
  await dialog.getByTestId('create-network-submit').click();
  const createRefusal = dialog.getByTestId('error-message');
  await expect(createRefusal).toHaveText(/disallowed by policy/);
  const createMessage = (await createRefusal.textContent())!;
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('create-network')).toBeDisabled();
  await expect(page.getByTestId('action-refused')).toHaveText(`Not allowed here: ${createMessage}`);
  expect(await cliNames('network')).not.toContain(refusedName);

  // The refusals belong to this project: the volumes page still greys the delete it was refused.
  await page.goto('/volumes');
  const item = await menuItem(page, row(page, 'volumes-table', demoVolume), 'delete');
  await expect(item).toContainText(`Not allowed here: ${volumeRefusal}`);
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'a refused action');
});

test("demo: a delete the cloud refuses on another project's network greys that network's item only", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto('/networks?view=external');
  const publicRow = row(page, 'networks-table', 'public');
  await deleteIsRefused(page, publicRow, /rule:delete_network is disallowed by policy/);
  expect((await cliNetwork('public')).name).toBe('public');
  await screenshotBothThemes(page, 'policy-refused-action', async () => {
    await publicRow.getByTestId('row-actions').click();
    await expect(page.getByTestId('menu-item-delete')).toHaveAttribute('aria-disabled', 'true');
  });
  await page.keyboard.press('Escape');

  // The refusal was for admin's network: demo's own network can still be deleted.
  await page.goto('/networks');
  const own = await menuItem(page, row(page, 'networks-table', demoNetwork), 'delete');
  await expect(own).toBeEnabled();
  await page.keyboard.press('Escape');

  // Another project is another scope: what was refused in demo is forgotten there.
  await switchProject(page, 'demo-2');
  await page.goto('/networks?view=external');
  await expect(await menuItem(page, row(page, 'networks-table', 'public'), 'delete')).toBeEnabled();
  await page.keyboard.press('Escape');
});

test('demo: no administration pages; the network form offers "shared" because the cloud allows it, and it works', async ({ page }) => {
  const sharedName = `${prefix}-shared`;
  const statuses = probeStatuses(page);
  await signIn(page, 'zenith-demo');
  expect(await statuses).toEqual(Object.values(adminProbes).map(() => 403));
  await expect(nav(page).getByRole('heading', { name: 'Administration' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Networks' }).click();
  await page.getByTestId('create-network').click();
  const dialog = page.getByTestId('create-network-dialog');
  // The local cloud's rule lets members create shared networks, not external ones.
  await expect(dialog.getByTestId('network-shared')).toBeVisible();
  await expect(dialog.getByTestId('network-external')).toHaveCount(0);
  await dialog.getByTestId('network-name').fill(sharedName);
  await dialog.getByTestId('network-shared').check();
  await dialog.getByTestId('create-with-subnet').uncheck();
  await dialog.getByTestId('create-network-submit').click();
  await expect(page.getByTestId('detail-name')).toHaveText(sharedName);
  const shared = await openstack<{ shared: boolean; id: string }>('zenith-demo', ['network', 'show', sharedName]);
  expect(shared.shared).toBe(true);
  await openstackDo('zenith-demo', ['network', 'delete', shared.id]);
});

test("admin: the administration pages are present, from the probes' answers", async ({ page }) => {
  const statuses = probeStatuses(page);
  await signIn(page, 'zenith-admin');
  expect(await statuses).toEqual(Object.values(adminProbes).map(() => 200));
  const section = nav(page).getByRole('list', { name: 'Administration' });
  for (const label of Object.keys(adminProbes)) await expect(section.getByRole('link', { name: label })).toBeVisible();
});
