// Images for the images spec, made and read with the openstack CLI (the witness), and page helpers for Zenith's
// image pages written against their test ids.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { openstack, openstackDo } from './cloud';

export interface CliImage {
  id: string;
  name: string;
  status: string;
  visibility: string;
  protected: boolean;
  checksum: string;
  disk_format: string;
  min_disk: number;
  min_ram: number;
  properties: Record<string, unknown>;
}

export interface CliMember {
  'Image ID': string;
  'Member ID': string;
  Status: string;
}

/** A private raw image of 64 KiB of random bytes (its checksum is unique), created by the demo project. */
export async function createImage(name: string): Promise<CliImage> {
  const dir = mkdtempSync(join(tmpdir(), 'zenith-images-'));
  const file = join(dir, 'disk.raw');
  writeFileSync(file, randomBytes(64 * 1024));
  try {
    return await openstack<CliImage>('zenith-demo', [
      'image', 'create', '--disk-format', 'raw', '--container-format', 'bare', '--private', '--file', file, name,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function showImage(id: string): Promise<CliImage> {
  return openstack<CliImage>('zenith-demo', ['image', 'show', id]);
}

export function imageMembers(id: string): Promise<CliMember[]> {
  return openstack<CliMember[]>('zenith-demo', ['image', 'member', 'list', id]);
}

/** Deletes every image of the demo project whose name starts with the prefix, protected or not. */
export async function cleanUpImages(prefix: string) {
  const images = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['image', 'list', '--private']);
  const shared = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['image', 'list', '--shared']);
  for (const image of [...images, ...shared].filter((candidate) => candidate.Name.startsWith(prefix))) {
    await openstackDo('zenith-demo', ['image', 'set', '--unprotected', image.ID]).catch(() => undefined);
    await openstackDo('zenith-demo', ['image', 'delete', image.ID]).catch(() => undefined);
  }
}

/** Opens the image detail page's action menu and picks an action. */
export async function chooseImageAction(page: Page, actionId: string) {
  await page.getByTestId('detail-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
}

/** Submits an action's dialog and waits for it to close (the action succeeded). */
export async function submitImageDialog(page: Page, actionId: string) {
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}
