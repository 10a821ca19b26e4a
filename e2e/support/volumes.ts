// Volumes on the local cloud as the CLI sees them (the witness of what Zenith did), the demo project's Cinder quota
// as the admin sets it, and the clean-up of what a spec made.
import type { Page } from '@playwright/test';
import { openstack, openstackDo, projectIdOf } from './cloud';
import { expect } from './fixtures';

export interface CliVolume {
  id: string;
  name: string;
  size: number;
  status: string;
  type: string;
  bootable: string;
  description: string | null;
  properties: Record<string, string>;
  attachments: { server_id: string; device: string }[];
  /** The owning project, shown to admins. */
  'os-vol-tenant-attr:tenant_id'?: string;
}

export const showVolume = (id: string) => openstack<CliVolume>('zenith-demo', ['volume', 'show', id]);

/** The id of the demo volume named so (the newest when several). */
export async function volumeIdByName(name: string): Promise<string> {
  const volumes = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['volume', 'list', '--name', name]);
  const id = volumes[0]?.ID;
  if (!id) throw new Error(`No volume named ${name}`);
  return id;
}

/** Waits until the CLI shows the volume in a status. */
export async function waitForVolumeStatus(id: string, status: string) {
  await expect(async () => expect((await showVolume(id)).status).toBe(status)).toPass({ timeout: 120_000, intervals: [1_000, 2_000] });
}

export async function createVolumeCli(name: string, size = 1, extra: string[] = []): Promise<string> {
  const volume = await openstack<{ id: string }>('zenith-demo', ['volume', 'create', '--size', String(size), ...extra, name]);
  await waitForVolumeStatus(volume.id, 'available');
  return volume.id;
}

/** Deletes the demo project's volumes (and their snapshots) whose name starts with the prefix; ignores what is gone. */
export async function cleanUpVolumes(prefix: string) {
  const volumes = await openstack<{ ID: string; Name: string | null }[]>('zenith-demo', ['volume', 'list']);
  await Promise.all(
    volumes
      .filter((volume) => volume.Name?.startsWith(prefix))
      .map((volume) => openstackDo('zenith-demo', ['volume', 'delete', '--purge', volume.ID]).catch(() => undefined)),
  );
}

export interface CinderQuota {
  volumes: number;
  gigabytes: number;
}

/** The demo project's Cinder quota, as the admin reads it. */
export async function demoCinderQuota(): Promise<CinderQuota> {
  const quota = await openstack<Record<string, number>>('zenith-admin', ['quota', 'show', await projectIdOf('demo')]);
  return { volumes: quota.volumes!, gigabytes: quota.gigabytes! };
}

export async function setDemoCinderQuota(quota: Partial<CinderQuota>) {
  const args = Object.entries(quota).flatMap(([key, value]) => [`--${key}`, String(value)]);
  await openstackDo('zenith-admin', ['quota', 'set', ...args, await projectIdOf('demo')]);
}

/** The list row of a volume, once shown. */
export const volumeRow = (page: Page, id: string) => page.locator(`[data-row-id="${id}"]`);

/** The detail page's status badge, once Cinder has settled and Zenith stopped polling. */
export async function expectVolumeSettled(page: Page, status: string) {
  const badge = page.getByTestId('volume-status').first();
  await expect(badge).toHaveAttribute('data-status', status, { timeout: 60_000 });
  await expect(badge).not.toContainText('pending', { timeout: 60_000 });
}
