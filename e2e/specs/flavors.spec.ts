// Flavors on the real local cloud, the openstack CLI as witness. The admin creates a private flavor with an extra
// spec and grants `demo` through Zenith's create form; `demo` sees it (and no admin action, not even "create"),
// `demo-2` does not; the admin then unsets the spec, revokes the grant and deletes the flavor through the UI.
// Admin actions are offered when Nova answers an admin-only read (os-hypervisors), not from a guess.
// The list's Columns menu and CSV export (every list has them; tried here): a hidden column stays hidden after a
// reload, and the file holds every flavor the CLI lists, in the columns shown.
import { readFile } from 'node:fs/promises';
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { cliFlavor, openAndFillFlavorForm, type FlavorForm } from '../support/flavors';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn, switchProject } from '../support/zenith';

const name = `${uniquePrefix('flavor')}-private`;
const form: FlavorForm = {
  name,
  vcpus: '1',
  ram: '128',
  disk: '0',
  isPublic: false,
  extraSpecs: [{ key: 'hw:cpu_policy', value: 'shared' }],
  projects: ['demo'],
};

test.describe.configure({ mode: 'serial' });
test.afterAll(async () => {
  await openstackDo('zenith-admin', ['flavor', 'delete', name]).catch(() => undefined);
});

test('admin creates a private flavor with an extra spec and grants demo, through the form', async ({ page }) => {
  const demoId = await projectIdOf('demo');
  await signIn(page, 'zenith-admin');
  await page.getByRole('link', { name: 'Flavors' }).click();
  const dialog = await openAndFillFlavorForm(page, form);

  // Checked before Nova sees it: a flavor needs at least one vCPU.
  await dialog.getByTestId('flavor-create-vcpus').fill('0');
  await dialog.getByTestId('flavor-create-submit').click();
  await expect(dialog.getByTestId('field-error')).toHaveText('A whole number of at least 1.');
  await dialog.getByTestId('flavor-create-vcpus').fill('1');
  await expect(dialog.getByTestId('field-error')).toHaveCount(0);

  await expect(dialog.getByText('0 = the size of the image the instance boots from (or of its volume).')).toBeVisible();
  await dialog.getByTestId('action-cli').locator('summary').click();
  await expect(dialog.getByTestId('cli-command')).toHaveText(
    `openstack flavor create --vcpus 1 --ram 128 --disk 0 --ephemeral 0 --swap 0 --rxtx-factor 1.0 --private --property hw:cpu_policy=shared --project ${demoId} ${name}`,
  );
  await expectAccessible(page, 'flavor create dialog');
  await screenshotDialogBothThemes(page, 'flavor-create');
  await dialog.getByTestId('flavor-create-submit').click();
  await expect(page).toHaveURL(/\/flavors\/[^/]+$/);
  await expect(page.getByTestId('detail-name')).toHaveText(name);
  await expect(page.getByTestId('flavor-access')).toContainText('demo');

  const witness = await cliFlavor(name);
  expect(page.url()).toContain(`/flavors/${witness.id}`);
  expect(witness).toMatchObject({ vcpus: 1, ram: 128, disk: 0, 'os-flavor-access:is_public': false, properties: { 'hw:cpu_policy': 'shared' } });
  expect(witness.access_project_ids).toEqual([demoId]);

  // Nova refuses a second flavor of the same name: its message and request id are shown, the input is kept.
  await page.goto('/flavors');
  await openAndFillFlavorForm(page, { ...form, extraSpecs: [], projects: [] });
  await dialog.getByTestId('flavor-create-submit').click();
  await expect(dialog.getByRole('alert')).toContainText(`Flavor with name ${name} already exists`);
  await expect(dialog.getByRole('alert')).toContainText('req-');
  await expect(dialog.getByTestId('flavor-create-name')).toHaveValue(name);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const flavors = await openstack<{ Name: string }[]>('zenith-admin', ['flavor', 'list', '--all']);
  expect(flavors.filter((flavor) => flavor.Name === name)).toHaveLength(1);
});

test('demo sees the private flavor granted to it, with its extra specs, and no admin action', async ({ page, seenResponses }) => {
  const witness = await cliFlavor(name);
  await signIn(page, 'zenith-demo');
  // The list asks Nova's admin-only read once (for the create button); the detail page reuses the answer.
  const managementRead = page.waitForResponse((response) => response.url().includes('/os-hypervisors'));
  await page.getByRole('link', { name: 'Flavors' }).click();
  expect((await managementRead).status()).toBe(403);
  const row = page.locator(`[data-row-id="${witness.id}"]`);
  await expect(row.getByTestId('flavor-name')).toHaveText(name);
  await expect(row.getByTestId('flavor-disk')).toHaveText('Size of the image');
  await expect(row.getByTestId('flavor-public')).toHaveText('Private');
  await expect(row.getByTestId('flavor-extra-specs')).toHaveText('hw:cpu_policy=shared');
  await expect(page.getByTestId('flavor-create-open')).toHaveCount(0);
  await expectAccessible(page, 'flavors list');
  await screenshotBothThemes(page, 'flavors-list');

  await row.getByTestId('flavor-name').click();
  await expect(page.getByTestId('detail-name')).toHaveText(name);
  await expect(page.getByTestId('detail-actions')).toHaveCount(0);
  await expect(page.getByTestId('flavor-extra-specs')).toHaveText('hw:cpu_policy=shared');
  await expectAccessible(page, 'flavor detail (member)');
  await screenshotBothThemes(page, 'flavor-detail-member');

  // demo-2 was not granted: Nova does not list it there, nor does Zenith.
  await switchProject(page, 'demo-2');
  await page.goto('/flavors');
  await expect(page.getByTestId('flavor-name').first()).toBeVisible();
  await expect(page.locator(`[data-row-id="${witness.id}"]`)).toHaveCount(0);
  const demo2 = await openstack<{ Name: string }[]>('zenith-demo', ['flavor', 'list', '--all'], await projectIdOf('demo-2'));
  expect(demo2.map((flavor) => flavor.Name)).not.toContain(name);
  await expectNoTokenInBrowser(page, seenResponses);
});

test('admin unsets the extra spec, revokes demo and deletes the flavor through the UI', async ({ page }) => {
  const witness = await cliFlavor(name);
  const demoId = await projectIdOf('demo');
  await signIn(page, 'zenith-admin');
  await page.goto(`/flavors/${witness.id}`);
  await expect(page.getByTestId('flavor-access')).toContainText('demo');
  await screenshotBothThemes(page, 'flavor-detail-admin');

  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-unset-extra-spec').click();
  const unset = page.getByTestId('action-dialog-unset-extra-spec');
  await expect(unset.getByLabel('Extra spec')).toHaveValue('hw:cpu_policy');
  await unset.getByTestId('action-submit').click();
  await expect(unset).toBeHidden();
  await expect(page.getByTestId('flavor-extra-specs')).toHaveCount(0);
  expect((await cliFlavor(witness.id)).properties).toEqual({});

  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-revoke-access').click();
  const revoke = page.getByTestId('action-dialog-revoke-access');
  await revoke.getByTestId('access-project').selectOption({ label: 'demo' });
  await revoke.getByTestId('action-cli').locator('summary').click();
  await expect(revoke.getByTestId('cli-command')).toHaveText(`openstack flavor unset --project ${demoId} ${witness.id}`);
  await expectAccessible(page, 'flavor revoke access dialog');
  await revoke.getByTestId('action-submit').click();
  await expect(revoke).toBeHidden();
  await expect(page.getByText('No project has access yet.')).toBeVisible();
  expect((await cliFlavor(witness.id)).access_project_ids ?? []).toEqual([]);

  await page.getByTestId('detail-actions').click();
  await page.getByTestId('menu-item-delete').click();
  const confirmation = page.getByTestId('action-dialog-delete');
  await expect(confirmation).toContainText(`Delete the flavor ${name}?`);
  await confirmation.getByTestId('action-submit').click();
  await expect(page).toHaveURL(/\/flavors$/);
  await expect(page.locator(`[data-row-id="${witness.id}"]`)).toHaveCount(0);
  await expect(cliFlavor(witness.id)).rejects.toThrow();
});

/** The rows of a CSV file as lib/csv writes it (CRLF lines, quoted cells with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  return rows;
}

test('demo chooses the columns (kept after a reload) and exports the list as CSV, every flavor the CLI lists', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Flavors' }).click();
  await expect(page.getByTestId('flavor-name').first()).toBeVisible();
  const table = page.getByTestId('flavors-table');
  const headers = table.getByRole('columnheader');

  const columnsButton = page.getByRole('button', { name: 'Columns' });
  await columnsButton.click();
  const panel = page.getByRole('group', { name: 'Columns shown' });
  await panel.getByRole('checkbox', { name: 'RX/TX factor' }).uncheck();
  // By keyboard: vCPUs one place down, after RAM; Escape gives the focus back to the button.
  await panel.getByRole('button', { name: 'Move vCPUs down' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Move vCPUs down' })).toBeFocused();
  await expectAccessible(page, 'flavors list, Columns menu open');
  // The theme switch is a click outside the panel, which closes it: opened again for each capture, and after.
  const reopen = async () => {
    if (!(await panel.isVisible())) await columnsButton.click();
  };
  await screenshotBothThemes(page, 'list-columns-menu', reopen);
  await reopen();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(columnsButton).toBeFocused();
  const shown = ['Name', 'RAM', 'vCPUs', 'Root disk', 'Ephemeral disk', 'Swap', 'Visibility', 'Extra specs'];
  await expect(headers).toHaveText(shown);

  await page.reload();
  await expect(page.getByTestId('flavor-name').first()).toBeVisible();
  await expect(headers).toHaveText(shown);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^flavors-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(await readFile(await download.path(), 'utf8'));
  expect(header).toEqual(shown);
  await expect(page.getByRole('status').filter({ hasText: 'exported' })).toHaveText(`${rows.length} rows exported.`);

  const witness = await openstack<{ Name: string; VCPUs: number }[]>('zenith-demo', ['flavor', 'list', '--all']);
  const byName = (list: { name: string; vcpus: string }[]) => list.map((flavor) => `${flavor.name}:${flavor.vcpus}`).sort();
  expect(byName(rows.map((row) => ({ name: row[0]!, vcpus: row[2]! })))).toEqual(byName(witness.map((flavor) => ({ name: flavor.Name, vcpus: String(flavor.VCPUs) }))));
});
