// What the cloud allows, from the cloud itself (no role name in Zenith): a user holding only the `reader` role on
// demo (seeded by e2e/cloud, whose services apply upstream's new policy defaults) reads, and every write it tries
// across services (Cinder, Neutron, Nova, Glance, Heat; one in bulk) is refused by the cloud, then offered as
// unavailable with the service's reason, the CLI as reader refused the same; the administration pages follow their
// probes' answers for reader, demo and admin; and with the local cloud's Neutron rule letting members create shared
// networks, demo's network form offers "shared" and the network is made shared (the CLI as witness).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Response } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { createImage, showImage } from '../support/images';
import { cleanUp, showServer, uniquePrefix } from '../support/instances';
import { cliNetwork, cliNames, deleteNetworkResourcesWithPrefix } from '../support/networks';
import { cleanUpVolumes, createVolumeCli, showVolume } from '../support/volumes';
import { fillLogin, screenshotBothThemes, signIn, switchProject } from '../support/zenith';

const prefix = uniquePrefix('policy');
const demoNetwork = `${prefix}-net`;
const demoVolume = `${prefix}-vol`;
const bulkVolume = `${prefix}-bulk`;
const demoImage = `${prefix}-img`;
const demoServer = `${prefix}-srv`;
const readerKeypair = `${prefix}-kp`;
const reader = { username: 'reader', password: process.env.ZENITH_CLOUD_READER_PASSWORD ?? 'reader', project: 'demo' };
/** What Heat's abandon answers, at its smallest: a stack of no resources. */
const abandonData = { name: `${prefix}-stack`, action: 'CREATE', status: 'COMPLETE', template: { heat_template_version: '2018-08-31', resources: {} }, resources: {}, environment: {}, files: {} };
const workDir = mkdtempSync(join(tmpdir(), 'zenith-policy-'));
let volumeId = '';
let bulkVolumeId = '';
let imageId = '';
let serverId = '';

test.beforeAll(async () => {
  await openstackDo('zenith-demo', ['network', 'create', demoNetwork]);
  // The server need not boot: Nova checks its policy before the server's state.
  const server = openstack<{ id: string }>('zenith-demo', ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros-tiny', '--network', 'demo-net', demoServer]);
  [volumeId, bulkVolumeId, imageId, serverId] = await Promise.all([
    createVolumeCli(demoVolume),
    createVolumeCli(bulkVolume),
    createImage(demoImage).then((image) => image.id),
    server.then(({ id }) => id),
  ]);
});
test.afterAll(async () => {
  test.setTimeout(240_000);
  await openstackDo('zenith-reader', ['keypair', 'delete', readerKeypair]).catch(() => undefined);
  await cleanUp(prefix);
  await deleteNetworkResourcesWithPrefix(prefix);
  await cleanUpVolumes(prefix);
  rmSync(workDir, { recursive: true, force: true });
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

/**
 * A row's menu item the cloud refused: greyed, with the service's words, and a click on it opens nothing. Opened
 * again until all of it is seen at once: the list read again after the refusal may re-render the row, which closes
 * its menu.
 */
async function expectGreyedItem(page: Page, rowLocator: Locator, actionId: string, message: string) {
  await expect(async () => {
    const item = await menuItem(page, rowLocator, actionId);
    await expect(item).toBeDisabled({ timeout: 1_000 });
    await expect(item).toContainText(`Not allowed here: ${message}`, { timeout: 1_000 });
    await item.click({ force: true, timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId(`action-dialog-${actionId}`)).toHaveCount(0);
  await page.keyboard.press('Escape');
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

  await expectGreyedItem(page, rowLocator, 'delete', message);
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
 * Runs a write as the reader with the CLI, which must be refused by the cloud (403); returns what the CLI printed.
 * The witness runs the same policy check Zenith met: each refusal names the same rule.
 */
async function readerIsRefused(args: string[]): Promise<string> {
  const failure = await openstackDo('zenith-reader', args).then(
    () => null,
    (error: Error & { stderr?: string }) => error.stderr ?? error.message,
  );
  expect(failure, `openstack ${args.join(' ')} as reader`).not.toBeNull();
  expect(failure).toMatch(/403|not authorized|disallowed by policy|doesn't allow/i);
  return failure!;
}

/** Submits an action's dialog, expects the cloud's refusal in it, closes it, and returns the service's words. */
async function submitIsRefused(dialog: Locator, refusal: RegExp): Promise<string> {
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('error-message')).toHaveText(refusal);
  const message = (await dialog.getByTestId('error-message').textContent())!;
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  return message;
}

/** A create button the cloud refused: in place, greyed, the service's reason beside it. */
async function expectGreyedCreate(page: Page, testId: string, message: string) {
  await expect(page.getByTestId(testId)).toBeDisabled();
  await expect(page.getByTestId('action-refused')).toHaveText(`Not allowed here: ${message}`);
}

test("reader: every write tried is refused by the cloud, then offered as unavailable with the service's reason", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsReader(page);

  // Two volumes demo made, deleted together: Cinder refuses both. The bulk bar then greys Delete on them, with
  // Cinder's words, as each row's menu does; the volumes stay.
  await page.goto('/volumes');
  const volumes = [demoVolume, bulkVolume];
  const selectVolumes = async () => {
    for (const name of volumes) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  };
  await selectVolumes();
  await page.getByTestId('bulk-delete').click();
  const bulk = page.getByTestId('action-dialog-delete');
  await expect(bulk).toContainText('2 selected');
  await bulk.getByTestId('action-submit').click();
  await expect(bulk.getByTestId('action-target-outcome')).toHaveText(['Failed', 'Failed']);
  await expect(bulk.getByTestId('error-message')).toHaveText([/volume:delete/, /volume:delete/]);
  const volumeRefusal = (await bulk.getByTestId('error-message').first().textContent())!;
  await bulk.getByRole('button', { name: 'Close' }).click();
  await selectVolumes();
  await expect(page.getByTestId('bulk-delete')).toBeDisabled();
  await expect(page.getByTestId('bulk-refused-delete')).toHaveText(`Not allowed here: ${volumeRefusal}`);
  await expectAccessible(page, 'a bulk action refused');
  await screenshotBothThemes(page, 'policy-reader-refused-bulk', async () => {
    if (!(await page.getByTestId('bulk-bar').isVisible())) await selectVolumes();
    await expect(page.getByTestId('bulk-refused-delete')).toBeVisible();
  });
  await page.getByRole('checkbox', { name: `Select ${demoVolume}` }).uncheck();
  await page.getByRole('checkbox', { name: `Select ${bulkVolume}` }).uncheck();
  await expectGreyedItem(page, row(page, 'volumes-table', demoVolume), 'delete', volumeRefusal);
  expect(await readerIsRefused(['volume', 'delete', volumeId])).toContain('volume:delete');
  for (const id of [volumeId, bulkVolumeId]) expect((await showVolume(id)).status).toBe('available');

  // Creating a volume: Cinder refuses it, the dialog says why; the create button is then greyed with the reason.
  await page.getByTestId('create-volume').click();
  const createVolume = page.getByTestId('action-dialog-create');
  await createVolume.getByTestId('volume-name-input').fill(`${prefix}-refused-vol`);
  await createVolume.getByTestId('volume-size-input').fill('1');
  const volumeCreateRefusal = await submitIsRefused(createVolume, /volume:create/);
  await expectGreyedCreate(page, 'create-volume', volumeCreateRefusal);
  expect(await readerIsRefused(['volume', 'create', '--size', '1', `${prefix}-refused-vol`])).toContain('volume:create');

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
  expect(await readerIsRefused(['network', 'delete', demoNetwork])).toContain('rule:delete_network is disallowed by policy');

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
  await expectGreyedCreate(page, 'create-network', createMessage);
  expect(await cliNames('network')).not.toContain(refusedName);
  expect(await readerIsRefused(['network', 'create', refusedName])).toContain('rule:create_network is disallowed by policy');

  // Deleting demo's server: Nova refuses it; Delete is then greyed on it, and the server stays.
  await page.goto(`/instances?name=${demoServer}`);
  const serverRefusal = await deleteIsRefused(page, page.locator(`[data-row-id="${serverId}"]`), /os_compute_api:servers:delete/);
  expect(await readerIsRefused(['server', 'delete', serverId])).toContain(serverRefusal);
  expect((await showServer(serverId)).name).toBe(demoServer);

  // Editing the properties of demo's image: Glance refuses it; Edit is then greyed, and the image is unchanged.
  await page.goto(`/images?name=${demoImage}`);
  const imageRow = page.locator(`[data-row-id="${imageId}"]`);
  await choose(page, imageRow, 'edit', page.getByTestId('action-dialog-edit'));
  const editImage = page.getByTestId('action-dialog-edit');
  await editImage.getByTestId('property-os_distro').fill('cirros');
  const imageRefusal = await submitIsRefused(editImage, /not authorized to complete modify_image/);
  await expectGreyedItem(page, imageRow, 'edit', imageRefusal);
  // The CLI says only "Forbidden" of Glance's HTML answer: the 403 is the witness.
  expect(await readerIsRefused(['image', 'set', '--property', 'os_distro=cirros', imageId])).toMatch(/403: Client Error .*Forbidden/);
  expect((await showImage(imageId)).properties.os_distro).toBeUndefined();

  // Creating a stack (adopting one: a create with the resources Heat is given): Heat refuses it; Adopt is then greyed.
  await page.goto('/stacks');
  await page.getByTestId('adopt-stack').click();
  const adopt = page.getByTestId('action-dialog-adopt');
  await adopt.getByTestId('adopt-file').setInputFiles({ name: 'abandon.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(abandonData)) });
  await adopt.getByTestId('adopt-name').fill(`${prefix}-stack`);
  const stackRefusal = await submitIsRefused(adopt, /not authorized to use stacks:create/);
  await expectGreyedCreate(page, 'adopt-stack', stackRefusal);
  const template = join(workDir, 'empty.yaml');
  writeFileSync(template, 'heat_template_version: 2018-08-31\nresources: {}\n');
  expect(await readerIsRefused(['stack', 'create', '-t', template, `${prefix}-stack`])).toContain('stacks:create');

  // Key pairs are the user's own, not the project's: Nova's default rule is "an admin, or the key pair's own user",
  // so the reader creates one, and it works: Zenith greys nothing the cloud did not refuse. Reached through the app,
  // as every page from here: a reload would forget the refusals.
  await nav(page).getByRole('link', { name: 'Key pairs' }).click();
  await createKeypair(page, readerKeypair);
  await expect(page.getByTestId('private-key-download')).toContainText(`Key pair ${readerKeypair} created.`);
  expect((await openstack<{ name: string }>('zenith-reader', ['keypair', 'show', readerKeypair])).name).toBe(readerKeypair);

  // Nova answers its key pair quota with a 403 too: at a limit of one, the next create is refused, and both buttons
  // greyed with Nova's words. Deleting the key pair frees the quota: the create is offered again.
  const keypairQuota = (await openstack<Record<string, number>>('zenith-admin', ['quota', 'show', 'demo']))['key-pairs']!;
  await openstackDo('zenith-admin', ['quota', 'set', '--key-pairs', '1', 'demo']);
  try {
    await createKeypair(page, `${readerKeypair}-2`);
    await expect(page.getByTestId('error-message')).toHaveText('Quota exceeded, too many key pairs.');
    await page.getByTestId('keypair-create-form').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('keypair-create-open')).toBeDisabled();
    await expect(page.getByTestId('keypair-import-open')).toBeDisabled();
    await expect(page.getByTestId('action-refused')).toHaveText('Not allowed here: Quota exceeded, too many key pairs.');
    await screenshotBothThemes(page, 'policy-reader-refused-keypair-create');
    expect(await readerIsRefused(['keypair', 'create', `${readerKeypair}-2`])).toContain('Quota exceeded, too many key pairs.');
    await deleteIsAllowed(page, page.locator(`[data-row-id="${readerKeypair}"]`));
    await expect(page.getByTestId('keypair-create-open')).toBeEnabled();
    await expect(page.getByTestId('action-refused')).toHaveCount(0);
  } finally {
    await openstackDo('zenith-admin', ['quota', 'set', '--key-pairs', String(keypairQuota), 'demo']);
  }

  // The refusals belong to this project, in this tab: back on the stacks page, Adopt is still greyed.
  await nav(page).getByRole('link', { name: 'Stacks' }).click();
  await expectGreyedCreate(page, 'adopt-stack', stackRefusal);
  await expectAccessible(page, 'a refused action');
});

/** Opens the key pair form and creates one by that name. */
async function createKeypair(page: Page, name: string) {
  await page.getByTestId('keypair-create-open').click();
  await page.getByLabel('Key pair name').fill(name);
  await page.getByTestId('keypair-submit').click();
}

/** Deletes a row's resource through its menu and waits for the row to go. */
async function deleteIsAllowed(page: Page, rowLocator: Locator) {
  const dialog = page.getByTestId('action-dialog-delete');
  await choose(page, rowLocator, 'delete', dialog);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(rowLocator).toHaveCount(0);
}

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
