// Volume snapshots on the real local cloud, with the openstack CLI as witness of what Zenith did: a volume made with
// the CLI is snapshotted, renamed, made into a new volume and the snapshot deleted, all through Zenith. The force
// warning for an in-use volume needs a server to attach to: the page tests cover it, this spec does not.
import { openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import {
  chooseDetailAction,
  chooseRowAction,
  cleanUpBlockStorage,
  createVolume,
  showSnapshot,
  showVolume,
  snapshotsNamed,
  submitDialog,
  waitForSnapshot,
  waitForVolume,
} from '../support/volume-snapshots';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('snapshots');

test.afterAll(async () => {
  await cleanUpBlockStorage(prefix);
});

test('a snapshot made, renamed, made into a volume and deleted through Zenith, as the CLI sees it', async ({ page, seenResponses }) => {
  const volume = await createVolume(`${prefix}-vol`);
  await signIn(page, 'zenith-demo');
  await page.goto('/volumes/snapshots');
  await expect(page.getByRole('heading', { name: 'Volume snapshots' })).toBeVisible();

  // Create: the volume chosen in the dialog, the quota impact shown before sending.
  await page.getByTestId('create-snapshot').click();
  const create = page.getByTestId('action-dialog-create');
  await create.getByTestId('snapshot-volume').selectOption(volume.id);
  await create.getByTestId('snapshot-name').fill(`${prefix}-snap`);
  await create.getByTestId('snapshot-description').fill('before the upgrade');
  await expect(create.getByTestId('quota-impact')).toContainText('Snapshots');
  await expect(create.getByTestId('snapshot-force-warning')).toHaveCount(0);
  await expectAccessible(page, 'create snapshot dialog');
  await screenshotDialogBothThemes(page, 'volume-snapshot-create');
  await submitDialog(page, 'create');

  await expect.poll(async () => (await snapshotsNamed(`${prefix}-snap`)).length, { timeout: 30_000 }).toBe(1);
  const [listed] = await snapshotsNamed(`${prefix}-snap`);
  const snapshot = await waitForSnapshot(listed!.ID, 'available');
  expect(snapshot).toMatchObject({ volume_id: volume.id, size: 1, description: 'before the upgrade' });
  const row = page.locator(`[data-row-id="${snapshot.id}"]`);
  await expect(row.getByTestId('snapshot-status')).toHaveAttribute('data-status', 'available');
  await expect(row.getByTestId('snapshot-volume')).toHaveText(`${prefix}-vol`);
  await expect(row.getByTestId('snapshot-volume')).toHaveAttribute('href', `/volumes/${volume.id}`);

  // The list's filters live in the URL: the snapshots of that volume, by exact name.
  await page.goto(`/volumes/snapshots?volume=${volume.id}&name=${prefix}-snap`);
  await expect(page.getByTestId('table-row')).toHaveCount(1);
  await expect(page.getByTestId('filter-volume')).toHaveValue(volume.id);
  await expectAccessible(page, 'snapshots list');
  await screenshotBothThemes(page, 'volume-snapshots-list');

  // Rename and describe.
  await chooseRowAction(page, snapshot.id, 'edit');
  const edit = page.getByTestId('action-dialog-edit');
  await edit.getByTestId('snapshot-name').fill(`${prefix}-snap-renamed`);
  await expect(edit.getByTestId('action-cli')).toContainText('volume snapshot set');
  await submitDialog(page, 'edit');
  await expect.poll(async () => (await showSnapshot(snapshot.id)).name).toBe(`${prefix}-snap-renamed`);

  // The detail page: every field, the volume, the launch link the wizard reads.
  await page.goto(`/volumes/snapshots/${snapshot.id}`);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-snap-renamed`);
  await expect(page.getByTestId('detail-volume')).toHaveText(`${prefix}-vol`);
  await expect(page.getByTestId('detail-progress')).toHaveText('100%');
  await expect(page.getByTestId('launch-from-snapshot')).toHaveAttribute('href', `/instances/launch?volumeSnapshot=${snapshot.id}`);

  // A volume from the snapshot: at least its size, Cinder records where it came from.
  await chooseDetailAction(page, 'create-volume');
  const fromSnapshot = page.getByTestId('action-dialog-create-volume');
  await fromSnapshot.getByTestId('volume-name').fill(`${prefix}-restored`);
  await fromSnapshot.getByTestId('volume-size').fill('0');
  await expect(fromSnapshot.getByTestId('action-invalid')).toContainText('at least the snapshot');
  await fromSnapshot.getByTestId('volume-size').fill('2');
  await expect(fromSnapshot.getByTestId('quota-impact')).toContainText('Volumes');
  await submitDialog(page, 'create-volume');
  const restoredRow = page.getByTestId('volume-from-snapshot');
  await expect(restoredRow).toHaveCount(1, { timeout: 30_000 });
  const restoredId = (await restoredRow.getAttribute('data-volume-id'))!;
  const restored = await waitForVolume(restoredId, 'available');
  await expect(restoredRow).toContainText('available');
  expect(restored).toMatchObject({ name: `${prefix}-restored`, size: 2, snapshot_id: snapshot.id });
  await expectAccessible(page, 'snapshot detail');
  await screenshotBothThemes(page, 'volume-snapshot-detail');

  // Delete: the new volume is Cinder's dependant of the snapshot on some backends; it goes first (CLI).
  await openstackDo('zenith-demo', ['volume', 'delete', restored.id]);
  await chooseDetailAction(page, 'delete');
  await submitDialog(page, 'delete');
  await expect(page).toHaveURL(/\/volumes\/snapshots$/);
  await expect.poll(async () => (await snapshotsNamed(`${prefix}-snap-renamed`)).length, { timeout: 60_000 }).toBe(0);
  await expect(page.locator(`[data-row-id="${snapshot.id}"]`)).toHaveCount(0, { timeout: 30_000 });
  expect((await showVolume(volume.id)).status).toBe('available');
  await expectNoTokenInBrowser(page, seenResponses);
});
