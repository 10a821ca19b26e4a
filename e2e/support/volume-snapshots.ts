// Volumes, snapshots and volume types for the snapshot and volume type specs, made and read with the openstack CLI
// (the witness), and page helpers for Zenith's action menus and dialogs written against their test ids.
import { expect, type Page } from '@playwright/test';
import { openstack, openstackDo, type CloudName } from './cloud';

export interface CliVolume {
  id: string;
  name: string;
  status: string;
  size: number;
  snapshot_id: string | null;
}

export interface CliSnapshot {
  id: string;
  name: string;
  status: string;
  description: string | null;
  volume_id: string;
  size: number;
}

export interface CliVolumeType {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  properties: Record<string, string>;
  access_project_ids?: string | string[];
}

/** Waits until `read` answers the status (Cinder's fake backend settles in seconds). */
async function settle<T extends { status: string }>(read: () => Promise<T>, status: string): Promise<T> {
  await expect.poll(async () => (await read()).status, { timeout: 60_000, intervals: [1000] }).toBe(status);
  return read();
}

export const showVolume = (id: string) => openstack<CliVolume>('zenith-demo', ['volume', 'show', id]);
export const showSnapshot = (id: string) => openstack<CliSnapshot>('zenith-demo', ['volume', 'snapshot', 'show', id]);

/** A blank 1 GiB volume of the demo project, available. */
export async function createVolume(name: string): Promise<CliVolume> {
  const volume = await openstack<CliVolume>('zenith-demo', ['volume', 'create', '--size', '1', name]);
  return settle(() => showVolume(volume.id), 'available');
}

/** The demo project's snapshots of that exact name, as `volume snapshot list` shows them. */
export function snapshotsNamed(name: string): Promise<{ ID: string; Name: string; Status: string }[]> {
  return openstack('zenith-demo', ['volume', 'snapshot', 'list', '--name', name]);
}

export async function waitForSnapshot(id: string, status: string): Promise<CliSnapshot> {
  return settle(() => showSnapshot(id), status);
}

export async function waitForVolume(id: string, status: string): Promise<CliVolume> {
  return settle(() => showVolume(id), status);
}

/** Deletes the demo project's snapshots, then volumes, whose names start with the prefix. */
export async function cleanUpBlockStorage(prefix: string) {
  const snapshots = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['volume', 'snapshot', 'list']);
  for (const snapshot of snapshots.filter((row) => row.Name?.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['volume', 'snapshot', 'delete', snapshot.ID]).catch(() => undefined);
  }
  const volumes = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['volume', 'list']);
  const doomed = volumes.filter((row) => row.Name?.startsWith(prefix));
  // A volume whose snapshot is still being deleted is refused: try again once the snapshots are gone.
  for (const volume of doomed) {
    await expect
      .poll(() => openstackDo('zenith-demo', ['volume', 'delete', volume.ID]).then(() => true, () => false), { timeout: 60_000, intervals: [2000] })
      .toBe(true)
      .catch(() => undefined);
  }
}

export function showVolumeType(cloud: CloudName, name: string) {
  return openstack<CliVolumeType>(cloud, ['volume', 'type', 'show', name]);
}

/** Deletes every volume type whose name starts with the prefix (admin). */
export async function cleanUpVolumeTypes(prefix: string) {
  const types = await openstack<{ ID: string; Name: string }[]>('zenith-admin', ['volume', 'type', 'list', '--long']);
  for (const type of types.filter((row) => row.Name.startsWith(prefix))) {
    await openstackDo('zenith-admin', ['volume', 'type', 'delete', type.ID]).catch(() => undefined);
  }
}

/** Opens a row's action menu (the row of the resource with that id) and picks an action. */
export async function chooseRowAction(page: Page, rowId: string, actionId: string) {
  await page.locator(`[data-row-id="${rowId}"]`).getByTestId('row-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
}

/** Opens the detail page's action menu and picks an action. */
export async function chooseDetailAction(page: Page, actionId: string) {
  await page.getByTestId('detail-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
}

/** Submits an action's dialog and waits for it to close (the action succeeded). */
export async function submitDialog(page: Page, actionId: string) {
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}
