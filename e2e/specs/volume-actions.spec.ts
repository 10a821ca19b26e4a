// The volume actions that involve another resource, on the real local cloud with the openstack CLI as witness:
// attach and detach from both the volume page and the instance page (one declaration of the calls), retype, upload
// to an image, and a transfer from project demo to demo-2. One server serves the whole spec; every volume, image and
// volume type it makes is named with its prefix and deleted at the end, also on failure.
import type { Page } from '@playwright/test';
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectNoTokenInBrowser, test } from '../support/fixtures';
import { chooseAction, cleanUp, createServer, submitActionDialog, uniquePrefix, type CliServer } from '../support/instances';
import { expectVolumeSettled, showVolume, waitForVolumeStatus, type CliVolume } from '../support/volumes';
import { screenshotDialogBothThemes, signIn, switchProject } from '../support/zenith';

const prefix = uniquePrefix('volact');


let server: CliServer;
/**
 * What the shared clean-up does not find: volumes handed to demo-2, volume types made by the admin, and images Cinder
 * uploaded (it makes them `shared`, not `private`).
 */
const transferred: string[] = [];
const volumeTypes: string[] = [];
const uploadedImages: string[] = [];


async function createVolume(name: string): Promise<CliVolume> {
  const volume = await openstack<CliVolume>('zenith-demo', ['volume', 'create', '--size', '1', name]);
  await waitForVolumeStatus(volume.id, 'available');
  return volume;
}


/** Deletes a volume as the admin, whatever project holds it, and waits until Cinder no longer knows it. */
async function deleteVolumeAsAdmin(id: string) {
  await openstackDo('zenith-admin', ['volume', 'delete', id]).catch(() => undefined);
  await expect
    .poll(async () => openstack('zenith-admin', ['volume', 'show', id]).then(() => 'exists', () => 'gone'), { timeout: 60_000 })
    .toBe('gone');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  server = await createServer(`${prefix}-srv`);
});

test.afterAll(async () => {
  test.setTimeout(240_000);
  await cleanUp(prefix);
  for (const name of uploadedImages) await openstackDo('zenith-demo', ['image', 'delete', name]).catch(() => undefined);
  for (const id of transferred) await deleteVolumeAsAdmin(id);
  // A volume type in use cannot be deleted: wait until the spec's volumes are gone.
  await expect
    .poll(async () => (await openstack<{ Name: string | null }[]>('zenith-demo', ['volume', 'list'])).filter((volume) => volume.Name?.startsWith(prefix)), {
      timeout: 60_000,
    })
    .toEqual([]);
  for (const name of volumeTypes) await openstackDo('zenith-admin', ['volume', 'type', 'delete', name]).catch(() => undefined);
});

test('attach from the volume page and detach from the instance page, then the other way round', async ({ page, seenResponses }) => {
  test.setTimeout(240_000);
  const volume = await createVolume(`${prefix}-attach`);
  await signIn(page, 'zenith-demo');

  await page.goto(`/volumes/${volume.id}`);
  await chooseAction(page, 'attach');
  const attach = page.getByTestId('action-dialog-attach');
  await attach.getByTestId('attach-server-id').selectOption(server.id);
  await expect(attach.getByTestId('cli-command')).toHaveText(`openstack server add volume ${server.id} ${volume.id}`);
  await screenshotDialogBothThemes(page, 'volume-attach-dialog');
  await submitActionDialog(page, 'attach');
  await waitForVolumeStatus(volume.id, 'in-use');
  expect((await showVolume(volume.id)).attachments.map((attachment) => attachment.server_id)).toEqual([server.id]);

  // A refusal in Cinder's words: this cloud does not enable force uploads, so an attached volume is refused.
  await expectVolumeSettled(page, 'in-use');
  await chooseAction(page, 'upload-to-image');
  const upload = page.getByTestId('action-dialog-upload-to-image');
  await upload.getByTestId('upload-image-name').fill(`${prefix}-refused`);
  await upload.getByTestId('upload-force').check();
  await upload.getByTestId('action-submit').click();
  await expect(upload.getByTestId('error-message')).toHaveText(`Invalid volume: Volume ${volume.id} status must be available`);
  await expect(upload.getByTestId('error-request-id')).toHaveText(/^req-/);
  await upload.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`/instances/${server.id}`);
  await chooseAction(page, 'detach-volume');
  await page.getByTestId('detach-volume-id').selectOption(volume.id);
  await submitActionDialog(page, 'detach-volume');
  await waitForVolumeStatus(volume.id, 'available');

  await page.reload();
  await chooseAction(page, 'attach-volume');
  await page.getByTestId('attach-volume-id').selectOption(volume.id);
  await submitActionDialog(page, 'attach-volume');
  await waitForVolumeStatus(volume.id, 'in-use');

  await page.goto(`/volumes/${volume.id}`);
  await expectVolumeSettled(page, 'in-use');
  await chooseAction(page, 'detach');
  const detach = page.getByTestId('action-dialog-detach');
  await expect(detach.getByTestId('detach-server-id')).toHaveValue(server.id);
  await expect(detach.getByTestId('detach-server-id').locator('option:checked')).toContainText(`${server.name} on /dev/`);
  await expect(detach.getByTestId('cli-command')).toHaveText(`openstack server remove volume ${server.id} ${volume.id}`);
  await screenshotDialogBothThemes(page, 'volume-detach-dialog');
  await submitActionDialog(page, 'detach');
  await waitForVolumeStatus(volume.id, 'available');
  await expect.poll(async () => (await openstack<CliServer>('zenith-demo', ['server', 'show', server.id])).volumes_attached).toEqual([]);
  await expectNoTokenInBrowser(page, seenResponses);
});

test('retype to a second volume type the admin made for this test', async ({ page }) => {
  const typeName = `${prefix}-type`;
  await openstackDo('zenith-admin', ['volume', 'type', 'create', '--public', typeName]);
  volumeTypes.push(typeName);
  const volume = await createVolume(`${prefix}-retype`);
  await signIn(page, 'zenith-demo');
  await page.goto(`/volumes/${volume.id}`);
  await chooseAction(page, 'retype');
  const dialog = page.getByTestId('action-dialog-retype');
  await dialog.getByTestId('retype-type').selectOption(typeName);
  await dialog.getByTestId('retype-policy-on-demand').check();
  await expect(dialog.getByTestId('cli-command')).toHaveText(`openstack volume set --type ${typeName} --retype-policy on-demand ${volume.id}`);
  await screenshotDialogBothThemes(page, 'volume-retype-dialog');
  await submitActionDialog(page, 'retype');
  await expect.poll(async () => (await showVolume(volume.id)).type, { timeout: 60_000 }).toBe(typeName);
  await waitForVolumeStatus(volume.id, 'available');
  // The type can go only once no volume uses it: the afterAll deletes the volumes first.
});

test('upload a volume to a Glance image in the chosen disk format', async ({ page }) => {
  const volume = await createVolume(`${prefix}-upload`);
  const imageName = `${prefix}-image`;
  await signIn(page, 'zenith-demo');
  await page.goto(`/volumes/${volume.id}`);
  await chooseAction(page, 'upload-to-image');
  const dialog = page.getByTestId('action-dialog-upload-to-image');
  await dialog.getByTestId('upload-image-name').fill(imageName);
  await dialog.getByTestId('upload-disk-format').selectOption('qcow2');
  // Glance's formats that Cinder can write, no more.
  await expect(dialog.getByTestId('upload-disk-format').locator('option')).toHaveText([
    'Choose a disk format', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'ploop',
  ]);
  await screenshotDialogBothThemes(page, 'volume-upload-dialog');
  await submitActionDialog(page, 'upload-to-image');
  uploadedImages.push(imageName);
  await expect
    .poll(async () => {
      const images = await openstack<{ Name: string; Status: string }[]>('zenith-demo', ['image', 'list', '--name', imageName]);
      return images.map((image) => image.Status);
    }, { timeout: 90_000 })
    .toEqual(['active']);
  const image = await openstack<{ disk_format: string; container_format: string }>('zenith-demo', ['image', 'show', imageName]);
  expect([image.disk_format, image.container_format]).toEqual(['qcow2', 'bare']);
  await waitForVolumeStatus(volume.id, 'available');
});

test('transfer a volume from demo to demo-2: cancel one offer, refuse a wrong key, accept with the right one', async ({ page, seenResponses }) => {
  test.setTimeout(180_000);
  const volume = await createVolume(`${prefix}-transfer`);
  await signIn(page, 'zenith-demo');
  await page.goto(`/volumes/${volume.id}`);

  // A first offer, cancelled from the pending transfers: the volume is demo's and available again.
  await chooseAction(page, 'transfer');
  await submitTransfer(page);
  await page.getByTestId('action-dialog-transfer').getByRole('button', { name: 'Close' }).click();
  const pending = page.getByTestId('volume-transfer-row');
  await expect(pending).toHaveCount(1);
  await pending.getByTestId('volume-transfer-cancel').click();
  await submitActionDialog(page, 'cancel-transfer');
  await expect(pending).toHaveCount(0);
  await waitForVolumeStatus(volume.id, 'available');
  const transfers = await openstack<{ Volume: string }[]>('zenith-demo', ['volume', 'transfer', 'request', 'list']);
  expect(transfers.filter((transfer) => transfer.Volume === volume.id)).toEqual([]);

  // The offer that is accepted: its id and key are shown once.
  await expectVolumeSettled(page, 'available');
  await chooseAction(page, 'transfer');
  await page.getByTestId('transfer-name').fill(`${prefix}-to-demo-2`);
  const { id, authKey } = await submitTransfer(page);
  await screenshotDialogBothThemes(page, 'volume-transfer-created');
  await page.getByTestId('action-dialog-transfer').getByRole('button', { name: 'Close' }).click();
  await waitForVolumeStatus(volume.id, 'awaiting-transfer');

  await switchProject(page, 'demo-2');
  await page.goto('/volumes');
  await page.getByTestId('accept-volume-transfer').click();
  const dialog = page.getByTestId('action-dialog-accept-transfer');
  await dialog.getByTestId('accept-transfer-id').fill(id);
  await dialog.getByTestId('accept-transfer-key').fill('0000000000000000');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('error-message')).toHaveText(`Invalid auth key: Attempt to transfer ${id} with invalid auth key.`);
  await expect(dialog.getByTestId('error-request-id')).toHaveText(/^req-/);
  await dialog.getByTestId('accept-transfer-key').fill(authKey);
  await screenshotDialogBothThemes(page, 'volume-transfer-accept');
  await submitActionDialog(page, 'accept-transfer');
  transferred.push(volume.id);

  const owner = await openstack<CliVolume>('zenith-admin', ['volume', 'show', volume.id]);
  expect(owner['os-vol-tenant-attr:tenant_id']).toBe(await projectIdOf('demo-2'));
  expect(owner.status).toBe('available');
  await expectNoTokenInBrowser(page, seenResponses);
});

/** Submits the open transfer dialog and reads the id and auth key it shows once. */
async function submitTransfer(page: Page) {
  const dialog = page.getByTestId('action-dialog-transfer');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('transfer-shown-once')).toBeVisible({ timeout: 30_000 });
  const id = (await dialog.getByTestId('transfer-id').textContent()) ?? '';
  const authKey = (await dialog.getByTestId('transfer-auth-key').textContent()) ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(authKey).toMatch(/^[0-9a-f]{16}$/);
  return { id, authKey };
}
