// Volumes on the real local cloud (Cinder, fake backend), the openstack CLI as witness: created blank and from an
// image through Zenith's dialog; the list's filters, sort and paging from the URL; the detail of an attached volume
// with a snapshot; edit, metadata, bootable, extend (detached and attached) and delete; a volume Cinder cannot place
// (a type no backend serves), its error explained by Cinder's own user message; the create refused before
// sending when the demo project's Cinder quota is full; the overview's block-storage gauges agreeing with Cinder.
import type { Page } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { cleanUp as cleanUpServers, createServer, uniquePrefix } from '../support/instances';
import {
  cleanUpVolumes,
  createVolumeCli,
  demoCinderQuota,
  expectVolumeSettled,
  setDemoCinderQuota,
  showVolume,
  volumeIdByName,
  volumeRow,
  waitForVolumeStatus,
} from '../support/volumes';
import { gauge, screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('vol');
/** The 1 GiB one of the three same-named volumes: later tests snapshot, change and delete it. */
let smallVolumeId = '';

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  await cleanUpServers(prefix);
  await cleanUpVolumes(prefix);
});

async function openCreateDialog(page: Page) {
  await page.goto('/volumes');
  await page.getByTestId('create-volume').click();
  const dialog = page.getByTestId('action-dialog-create');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function openDetailAction(page: Page, actionId: string) {
  await page.getByTestId('detail-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function submit(dialog: ReturnType<Page['getByTestId']>) {
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

test('a blank volume and one from an image, created through Zenith; the CLI sees their size, type and bootable flag', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  const dialog = await openCreateDialog(page);
  await dialog.getByTestId('volume-name-input').fill(`${prefix}-blank`);
  await dialog.getByTestId('volume-size-input').fill('0');
  await expect(dialog.getByTestId('action-invalid')).toHaveText('The size is a whole number of GiB, from 1.');
  await dialog.getByTestId('volume-size-input').fill('2');
  await dialog.getByTestId('volume-type').selectOption('__DEFAULT__');
  await dialog.getByTestId('volume-bootable').check();
  await expect(dialog.getByTestId('quota-impact')).toContainText('Volumes');
  await expect(dialog.getByTestId('action-cli')).toContainText(`volume create --size 2 --type __DEFAULT__ --bootable ${prefix}-blank`);
  await expectAccessible(page, 'create volume dialog');
  await screenshotDialogBothThemes(page, 'volume-create');
  await submit(dialog);

  const blankId = await volumeIdByName(`${prefix}-blank`);
  // The new row shows at once (creating, then polled alone until available).
  await expect(volumeRow(page, blankId).getByTestId('volume-status')).toHaveAttribute('data-status', 'available', { timeout: 60_000 });
  await expect.poll(async () => (await showVolume(blankId)).bootable, { timeout: 30_000 }).toBe('true');
  const blank = await showVolume(blankId);
  expect(blank.size).toBe(2);
  expect(blank.type).toBe('__DEFAULT__');

  const fromImage = await openCreateDialog(page);
  await fromImage.getByTestId('volume-name-input').fill(`${prefix}-image`);
  await fromImage.getByTestId('volume-source').selectOption('image');
  await expect(fromImage.getByTestId('action-invalid')).toHaveText('Choose the source of the data.');
  await fromImage.getByTestId('volume-source-id').selectOption({ label: 'cirros-tiny' });
  await expect(fromImage.getByText('Needs at least 1 GiB.')).toBeVisible();
  await expect(fromImage.getByTestId('action-cli')).toContainText('--image');
  await submit(fromImage);
  const imageVolumeId = await volumeIdByName(`${prefix}-image`);
  await waitForVolumeStatus(imageVolumeId, 'available');
  const imageVolume = await showVolume(imageVolumeId);
  expect(imageVolume.bootable).toBe('true');
  expect(imageVolume.size).toBe(1);
});

test('filters, sort and paging come from the URL and go to Cinder', async ({ page }) => {
  // Three volumes of one name (Cinder matches names exactly): a page of their own, sorted and walked by marker.
  const [small, , large] = await Promise.all([createVolumeCli(`${prefix}-page`, 1), createVolumeCli(`${prefix}-page`, 2), createVolumeCli(`${prefix}-page`, 3)]);
  smallVolumeId = small;
  await signIn(page, 'zenith-demo');
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/os/block-storage/volumes/detail')) requests.push(decodeURIComponent(request.url()));
  });
  const names = page.getByTestId('volume-name');
  const sizes = page.getByTestId('volume-size');
  await page.goto(`/volumes?name=${prefix}-page&sort=size&dir=asc`);
  await expect(sizes).toHaveText(['1 GiB', '2 GiB', '3 GiB']);
  expect(requests.at(-1)).toContain(`name=${prefix}-page`);
  expect(requests.at(-1)).toContain('sort=size:asc');
  await page.goto(`/volumes?name=${prefix}-page&sort=size&dir=asc&marker=${small}`);
  await expect(sizes).toHaveText(['2 GiB', '3 GiB']);
  expect(requests.at(-1)).toContain(`marker=${small}`);
  await expect(page.getByTestId('previous-page')).toBeEnabled();
  // Going back reads with the sort reversed from the first row of the next page.
  await page.goto(`/volumes?name=${prefix}-page&sort=size&dir=asc&before=${large}`);
  await expect(sizes).toHaveText(['1 GiB', '2 GiB']);
  expect(requests.at(-1)).toContain('sort=size:desc');

  await page.goto(`/volumes?name=${prefix}-blank&bootable=true`);
  await expect(names).toHaveText([`${prefix}-blank`]);
  await page.goto(`/volumes?name=${prefix}-blank&bootable=false`);
  await expect(page.getByText('No volume matches these filters.')).toBeVisible();
  await page.goto(`/volumes?name=${prefix}-page&attached=attached`);
  await expect(page.getByText('No volume matches these filters.')).toBeVisible();
  expect(requests.at(-1)).toContain('status=in-use');
  await screenshotBothThemes(page, 'volumes-list-empty-filter');
});

test('an attached volume: the list names its instance, the detail shows the attachment and a snapshot; an online extend followed to its end', async ({ page }) => {
  const server = await createServer(`${prefix}-vm`);
  const volumeId = await createVolumeCli(`${prefix}-attached`, 1);
  await openstackDo('zenith-demo', ['server', 'add', 'volume', server.id, volumeId]);
  await waitForVolumeStatus(volumeId, 'in-use');
  const snapshotSource = smallVolumeId;
  const snapshot = await openstack<{ id: string }>('zenith-demo', ['volume', 'snapshot', 'create', '--volume', snapshotSource, `${prefix}-snap`]);

  await signIn(page, 'zenith-demo');
  await page.goto(`/volumes?attached=attached`);
  await expect(volumeRow(page, volumeId).getByTestId('volume-attached-server')).toHaveText(`${prefix}-vm`);
  await expect(volumeRow(page, volumeId).getByTestId('volume-attachments')).toContainText('/dev/');
  await expectAccessible(page, 'volumes list');
  await screenshotBothThemes(page, 'volumes-list');

  await volumeRow(page, volumeId).getByTestId('volume-name').click();
  await expect(page.getByTestId('attachment-server')).toHaveText(`${prefix}-vm`);
  await expect(page.getByTestId('attachment-server')).toHaveAttribute('href', `/instances/${server.id}`);
  await expect(page.getByText('Cinder has no messages about this volume.')).toBeVisible();
  // Cinder refuses nothing here: the menu already says why an attached volume cannot be deleted.
  await page.getByTestId('detail-actions').click();
  await expect(page.getByTestId('menu-item-delete')).toBeDisabled();
  await page.keyboard.press('Escape');

  const extend = await openDetailAction(page, 'extend');
  await expect(extend).toContainText('The volume is attached');
  await extend.getByTestId('volume-size-input').fill('2');
  await expect(extend.getByTestId('action-cli')).toContainText(`openstack volume set --size 2 ${volumeId}`);
  await submit(extend);
  // Cinder extends an attached volume through Nova (microversion 3.42): the page polls that volume alone until it
  // is in-use again at its new size, and the CLI agrees.
  await expectVolumeSettled(page, 'in-use');
  await expect(page.getByTestId('detail-size')).toHaveText('2 GiB');
  expect(await showVolume(volumeId)).toMatchObject({ status: 'in-use', size: 2 });
  await expectAccessible(page, 'volume detail');
  await screenshotBothThemes(page, 'volume-detail');

  await page.goto(`/volumes/${snapshotSource}`);
  await expect(page.getByTestId('snapshot-row')).toHaveAttribute('data-snapshot-id', snapshot.id, { timeout: 30_000 });
});

test('edit, metadata, bootable, read-only, extend and delete with snapshots, each witnessed by the CLI', async ({ page }) => {
  const volumeId = smallVolumeId;
  await signIn(page, 'zenith-demo');
  await page.goto(`/volumes/${volumeId}`);

  const edit = await openDetailAction(page, 'edit');
  await edit.getByTestId('volume-name-input').fill(`${prefix}-renamed`);
  await edit.getByTestId('volume-description-input').fill('made by e2e');
  await submit(edit);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-renamed`);
  expect(await showVolume(volumeId)).toMatchObject({ name: `${prefix}-renamed`, description: 'made by e2e' });

  const metadata = await openDetailAction(page, 'metadata');
  await metadata.getByTestId('volume-metadata-input').fill('purpose=e2e\nowner=zenith');
  await submit(metadata);
  await expect(page.getByTestId('metadata-value-purpose')).toHaveText('e2e');
  expect((await showVolume(volumeId)).properties).toMatchObject({ purpose: 'e2e', owner: 'zenith' });
  const unset = await openDetailAction(page, 'metadata');
  await unset.getByTestId('volume-metadata-input').fill('purpose=e2e');
  await expect(unset.getByTestId('action-cli')).toContainText(`openstack volume unset --property owner ${volumeId}`);
  await submit(unset);
  await expect(page.getByTestId('metadata-row')).toHaveCount(1);
  expect((await showVolume(volumeId)).properties).toEqual({ purpose: 'e2e' });

  // Actions without input run at once, without a dialog.
  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-set-bootable').click();
  await expect(page.getByTestId('detail-bootable')).toHaveText('Yes', { timeout: 30_000 });
  expect((await showVolume(volumeId)).bootable).toBe('true');

  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-set-read-only').click();
  await expect(page.getByTestId('detail-read-only')).toHaveText('Yes', { timeout: 30_000 });
  expect((await showVolume(volumeId)).properties).toMatchObject({ readonly: 'True' });

  const extend = await openDetailAction(page, 'extend');
  await extend.getByTestId('volume-size-input').fill('1');
  await expect(extend.getByTestId('action-invalid')).toHaveText('The new size must be larger than the current one.');
  await extend.getByTestId('volume-size-input').fill('3');
  await submit(extend);
  await expectVolumeSettled(page, 'available');
  await expect(page.getByTestId('detail-size')).toHaveText('3 GiB');
  expect(await showVolume(volumeId)).toMatchObject({ status: 'available', size: 3 });

  // Plain delete: Cinder refuses a volume with snapshots, in its words, with the request id.
  const refused = await openDetailAction(page, 'delete');
  await refused.getByTestId('action-submit').click();
  await expect(refused.getByTestId('error-notice')).toContainText(/snapshot/i, { timeout: 30_000 });
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expectVolumeSettled(page, 'available');

  const cascade = await openDetailAction(page, 'delete-cascade');
  await expect(cascade.getByTestId('action-cli')).toContainText(`openstack volume delete --purge ${volumeId}`);
  await submit(cascade);
  await expect(page.getByTestId('volume-deleted')).toBeVisible({ timeout: 90_000 });
  await expect.poll(async () => (await openstack<{ ID: string }[]>('zenith-demo', ['volume', 'list'])).some((volume) => volume.ID === volumeId)).toBe(false);
});

test("a volume Cinder cannot place ends in error, and the detail shows Cinder's message saying why", async ({ page }) => {
  // No backend serves this type, so the scheduler fails the create and Cinder records a user message about it.
  const typeName = `${prefix}-nowhere`;
  await openstackDo('zenith-admin', ['volume', 'type', 'create', '--public', '--property', 'volume_backend_name=nowhere', typeName]);
  try {
    const { id: volumeId } = await openstack<{ id: string }>('zenith-demo', ['volume', 'create', '--size', '1', '--type', typeName, `${prefix}-unplaced`]);
    await waitForVolumeStatus(volumeId, 'error');
    await signIn(page, 'zenith-demo');
    await page.goto(`/volumes/${volumeId}`);
    await expectVolumeSettled(page, 'error');
    await expect(page.getByTestId('message-text').first()).toContainText('schedule allocate volume', { timeout: 30_000 });
    await screenshotBothThemes(page, 'volume-detail-error');
    await openstackDo('zenith-demo', ['volume', 'delete', volumeId]);
    await expect.poll(async () => (await openstack<{ ID: string }[]>('zenith-demo', ['volume', 'list'])).some((volume) => volume.ID === volumeId), { timeout: 60_000 }).toBe(false);
  } finally {
    await cleanUpVolumes(`${prefix}-unplaced`);
    // Cinder keeps a type while a volume of it exists: after a failure the spec's afterAll deletes what is left.
    await openstackDo('zenith-admin', ['volume', 'type', 'delete', typeName]).catch(() => undefined);
  }
});

test('a create over the Cinder quota is refused before sending, with the numbers; the overview agrees with Cinder', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto('/');
  const cliVolumes = await openstack<{ Size: number }[]>('zenith-demo', ['volume', 'list']);
  const volumes = await gauge(page, 'block-storage-volumes');
  const gigabytes = await gauge(page, 'block-storage-gigabytes');
  expect(volumes.used).toBe(cliVolumes.length);
  expect(gigabytes.used).toBe(cliVolumes.reduce((sum, volume) => sum + volume.Size, 0));

  const original = await demoCinderQuota();
  try {
    await setDemoCinderQuota({ volumes: cliVolumes.length });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/os/block-storage/volumes')) posts.push(request.url());
    });
    const dialog = await openCreateDialog(page);
    await dialog.getByTestId('volume-name-input').fill(`${prefix}-over`);
    const over = dialog.locator('[data-quota="volumes"]');
    await expect(over).toHaveAttribute('data-over', 'true');
    await expect(over).toContainText(`${cliVolumes.length} of ${cliVolumes.length}`);
    await expect(dialog.getByTestId('action-invalid')).toBeVisible();
    await expect(dialog.getByTestId('action-submit')).toBeDisabled();
    await dialog.getByTestId('volume-name-input').press('Enter');
    expect(posts).toEqual([]);
  } finally {
    await setDemoCinderQuota(original);
  }
});
