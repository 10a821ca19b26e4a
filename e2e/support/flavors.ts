// The flavor create dialog as the flavors spec drives it, and the CLI's view of a flavor.
import type { Locator, Page } from '@playwright/test';
import { openstack } from './cloud';
import { expect } from './fixtures';

export interface CliFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  'os-flavor-access:is_public': boolean;
  properties: Record<string, string>;
  access_project_ids: string[] | null;
}

export const cliFlavor = (nameOrId: string) => openstack<CliFlavor>('zenith-admin', ['flavor', 'show', nameOrId]);

export interface FlavorForm {
  name: string;
  vcpus: string;
  ram: string;
  disk: string;
  isPublic: boolean;
  extraSpecs: { key: string; value: string }[];
  projects: string[];
}

/** Opens the create dialog from the flavors page and fills it in. */
export async function openAndFillFlavorForm(page: Page, form: FlavorForm): Promise<Locator> {
  await page.getByTestId('flavor-create-open').click();
  const dialog = page.getByTestId('flavor-create-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('flavor-create-name').fill(form.name);
  await dialog.getByTestId('flavor-create-vcpus').fill(form.vcpus);
  await dialog.getByTestId('flavor-create-ram').fill(form.ram);
  await dialog.getByTestId('flavor-create-disk').fill(form.disk);
  await dialog.getByTestId('flavor-create-public').setChecked(form.isPublic);
  for (const [index, { key, value }] of form.extraSpecs.entries()) {
    await dialog.getByTestId('extra-spec-add').click();
    await dialog.getByLabel(`Extra spec key ${index + 1}`).fill(key);
    await dialog.getByLabel(`Extra spec value ${index + 1}`).fill(value);
  }
  for (const project of form.projects) {
    await dialog.getByTestId('flavor-create-projects').getByRole('checkbox', { name: project, exact: true }).check();
  }
  return dialog;
}

