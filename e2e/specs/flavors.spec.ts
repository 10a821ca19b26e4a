// Flavors on the real local cloud, the openstack CLI as witness. Covered: the list and detail for everyone, a
// private flavor with extra specs (made here with the CLI) seen by a granted project and not by another one, admin
// actions shown only when Nova answers an admin-only read (os-hypervisors). Not yet covered: creating the flavor,
// setting specs and granting access through Zenith's UI.
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn, switchProject } from '../support/zenith';

const name = `${uniquePrefix('flavor')}-private`;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  await openstackDo('zenith-admin', ['flavor', 'create', '--private', '--vcpus', '1', '--ram', '128', '--disk', '0', '--property', 'hw:cpu_policy=shared', name]);
  await openstackDo('zenith-admin', ['flavor', 'set', '--project', await projectIdOf('demo'), name]);
});
test.afterAll(async () => {
  await openstackDo('zenith-admin', ['flavor', 'delete', name]).catch(() => undefined);
});

test('demo sees the private flavor granted to it, with its extra specs, and no admin action', async ({ page, seenResponses }) => {
  const witness = await openstack<{ id: string; properties: Record<string, string> }>('zenith-admin', ['flavor', 'show', name]);
  expect(witness.properties).toEqual({ 'hw:cpu_policy': 'shared' });
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Flavors' }).click();
  const row = page.locator(`[data-row-id="${witness.id}"]`);
  await expect(row.getByTestId('flavor-name')).toHaveText(name);
  await expect(row.getByTestId('flavor-disk')).toHaveText('Size of the image');
  await expect(row.getByTestId('flavor-public')).toHaveText('Private');
  await expect(row.getByTestId('flavor-extra-specs')).toHaveText('hw:cpu_policy=shared');
  await expectAccessible(page, 'flavors list');
  await screenshotBothThemes(page, 'flavors-list');

  const accessRead = page.waitForResponse((response) => response.url().includes('/os-hypervisors'));
  await row.getByTestId('flavor-name').click();
  await expect(page.getByTestId('detail-name')).toHaveText(name);
  expect((await accessRead).status()).toBe(403);
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

test('admin sees the access list and the admin actions, each with its openstack command', async ({ page }) => {
  const witness = await openstack<{ id: string }>('zenith-admin', ['flavor', 'show', name]);
  await signIn(page, 'zenith-admin');
  await page.goto(`/flavors/${witness.id}`);
  await expect(page.getByTestId('flavor-access')).toContainText('demo');
  await page.getByTestId('detail-actions').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByTestId('menu-item-grant-access').click();
  const dialog = page.getByTestId('action-dialog-grant-access');
  await dialog.getByTestId('access-project').selectOption({ label: 'demo-2' });
  await dialog.getByTestId('action-cli').click();
  await expect(dialog.getByTestId('cli-command')).toContainText(`openstack flavor set --project ${await projectIdOf('demo-2')} ${witness.id}`);
  await expectAccessible(page, 'flavor grant access dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await screenshotBothThemes(page, 'flavor-detail-admin');
});
