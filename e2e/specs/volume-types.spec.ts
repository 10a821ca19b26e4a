// Volume types on the real local cloud, with the openstack CLI as witness: an admin makes a private type with an extra
// spec through Zenith and gives demo-2 access; the demo user sees it in demo-2 and not in demo; the admin deletes it.
// Non-admins have no admin page in the navigation.
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { chooseDetailAction, cleanUpVolumeTypes, showVolumeType, submitDialog } from '../support/volume-snapshots';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn, signOut, switchProject } from '../support/zenith';

const prefix = uniquePrefix('vtypes');

test.afterAll(async () => {
  await cleanUpVolumeTypes(prefix);
  await openstackDo('zenith-admin', ['volume', 'qos', 'delete', '--force', `${prefix}-qos`]).catch(() => undefined);
});

test('an admin makes a private type with an extra spec for demo-2; only demo-2 sees it; the admin deletes it', async ({ page }) => {
  const name = `${prefix}-fast`;
  const demo2 = await projectIdOf('demo-2');
  await signIn(page, 'zenith-admin');
  await page.getByRole('navigation', { name: 'Main' }).locator('a[href="/admin/volume-types"]').click();
  await expect(page.getByRole('heading', { name: 'Volume types (all)' })).toBeVisible();

  await page.getByTestId('create-volume-type').click();
  const create = page.getByTestId('action-dialog-create');
  await create.getByTestId('type-name').fill(name);
  await create.getByTestId('type-description').fill('Fast disks for demo-2');
  await create.getByTestId('type-private').check();
  await create.getByTestId('spec-add').click();
  await create.getByTestId('spec-key').fill('volume_backend_name');
  await create.getByTestId('spec-value').fill('lvmdriver-1');
  await expect(create.getByTestId('action-cli')).toContainText('--private --property volume_backend_name=lvmdriver-1');
  await expectAccessible(page, 'create volume type dialog');
  await screenshotDialogBothThemes(page, 'volume-type-create');
  await submitDialog(page, 'create');

  const created = await showVolumeType('zenith-admin', name);
  expect(created).toMatchObject({ is_public: false, description: 'Fast disks for demo-2', properties: { volume_backend_name: 'lvmdriver-1' } });
  const row = page.locator(`[data-row-id="${created.id}"]`);
  await expect(row.getByTestId('type-visibility')).toHaveText('Private');
  await expect(row.getByTestId('extra-spec')).toHaveText('volume_backend_name=lvmdriver-1');
  await screenshotBothThemes(page, 'admin-volume-types');

  // Cinder validates extra spec keys: its refusal is shown as it words it, the dialog keeps the input.
  await row.getByTestId('type-name').click();
  await expect(page.getByTestId('detail-name')).toHaveText(name);
  await chooseDetailAction(page, 'extra-specs');
  const specs = page.getByTestId('action-dialog-extra-specs');
  await specs.getByTestId('spec-add').click();
  await specs.getByTestId('spec-key').last().fill('bad/key');
  await specs.getByTestId('spec-value').last().fill('x');
  await specs.getByTestId('action-submit').click();
  await expect(specs.getByTestId('error-message')).toContainText('does not match');
  await expect(specs.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
  await expect(specs.getByTestId('spec-key').last()).toHaveValue('bad/key');
  await specs.getByRole('button', { name: 'Cancel' }).click();
  // The page keeps the failure until dismissed.
  await page.getByTestId('action-failure').getByRole('button', { name: 'Dismiss' }).click();

  // QoS: a specification made with the CLI, associated and disassociated through Zenith.
  const qos = await openstack<{ id: string }>('zenith-admin', ['volume', 'qos', 'create', '--consumer', 'front-end', '--property', 'total_iops_sec=500', `${prefix}-qos`]);
  await chooseDetailAction(page, 'associate-qos');
  await page.getByTestId('action-dialog-associate-qos').getByTestId('qos-spec').selectOption({ label: `${prefix}-qos (front-end)` });
  await submitDialog(page, 'associate-qos');
  await expect(page.getByTestId('type-qos')).toContainText('total_iops_sec=500');
  const associations = () => openstack<{ associations: unknown }>('zenith-admin', ['volume', 'qos', 'show', qos.id]).then((shown) => String(shown.associations));
  await expect.poll(associations).toContain(name);

  // Project access, the project chosen by name.
  await chooseDetailAction(page, 'grant-access');
  await page.getByTestId('action-dialog-grant-access').getByTestId('access-project').selectOption({ label: 'demo-2' });
  await submitDialog(page, 'grant-access');
  await expect(page.locator(`[data-testid="access-row"][data-project-id="${demo2}"]`)).toBeVisible();
  const granted = await showVolumeType('zenith-admin', name);
  expect(String(granted.access_project_ids)).toContain(demo2);
  await expectAccessible(page, 'volume type detail');
  await screenshotBothThemes(page, 'admin-volume-type-detail');
  await chooseDetailAction(page, 'disassociate-qos');
  await submitDialog(page, 'disassociate-qos');
  await expect(page.getByTestId('type-qos')).toHaveCount(0);
  await expect.poll(associations).not.toContain(name);

  // The demo user: in demo-2 the type is listed, in demo it is not.
  await signOut(page);
  await signIn(page, 'zenith-demo', 'demo-2');
  await page.goto('/volume-types');
  await expect(page.getByTestId('type-name').filter({ hasText: name })).toBeVisible();
  await expect(page.locator(`[data-row-id="${created.id}"]`).getByTestId('type-visibility')).toHaveText('Private');
  await expectAccessible(page, 'volume types list');
  await screenshotBothThemes(page, 'volume-types');
  await switchProject(page, 'demo');
  await page.goto('/volume-types');
  await expect(page.getByTestId('type-name').filter({ hasText: '__DEFAULT__' })).toBeVisible();
  await expect(page.getByTestId('type-name').filter({ hasText: name })).toHaveCount(0);

  // The admin deletes it.
  await signOut(page);
  await signIn(page, 'zenith-admin');
  await page.goto(`/admin/volume-types/${created.id}`);
  await chooseDetailAction(page, 'delete');
  await submitDialog(page, 'delete');
  await expect(page).toHaveURL(/\/admin\/volume-types$/);
  await expect(showVolumeType('zenith-admin', name)).rejects.toThrow();
});

test('a non-admin has the volume types list but no admin page in the navigation', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.locator('a[href="/volume-types"]')).toBeVisible();
  await expect(nav.locator('a[href="/volumes/snapshots"]')).toBeVisible();
  await expect(nav.locator('a[href="/admin/volume-types"]')).toHaveCount(0);
});
