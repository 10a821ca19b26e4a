// The images list, detail page and actions on the real local cloud, with the openstack CLI as witness of what
// Zenith did. Images are created with the CLI under a unique prefix and deleted at the end.
import { openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { chooseImageAction, cleanUpImages, createImage, imageMembers, showImage, submitImageDialog } from '../support/images';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn, switchProject } from '../support/zenith';

const prefix = uniquePrefix('images');

test.describe.configure({ mode: 'serial' });
test.afterAll(async () => {
  await cleanUpImages(prefix);
});

test('list and detail show what Glance has; edited properties reach Glance as the CLI sees them', async ({ page, seenResponses }) => {
  const image = await createImage(`${prefix}-edit`);
  await signIn(page, 'zenith-demo');
  await page.goto(`/images?name=${prefix}-edit&mine=1`);
  const row = page.locator(`[data-row-id="${image.id}"]`);
  await expect(row.getByTestId('image-name')).toHaveText(`${prefix}-edit`);
  await expect(row.getByTestId('image-status')).toHaveAttribute('data-status', 'active');
  await expect(row.getByTestId('image-visibility')).toHaveText('Private');
  await expect(row).toContainText('raw');
  await expect(row).toContainText('64 KiB');
  await expect(page.getByTestId('table-row')).toHaveCount(1);

  // The seed's public image is listed too once the filters are cleared, sorted by name on request.
  await page.goto('/images?sort=name&dir=asc');
  await expect(page.getByTestId('image-name').filter({ hasText: 'cirros-tiny' })).toBeVisible();
  await expectAccessible(page, 'images list');
  await screenshotBothThemes(page, 'images-list');

  await page.goto(`/images?name=${prefix}-edit`);
  await page.getByTestId('image-name').click();
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-edit`);
  const shown = await showImage(image.id);
  await expect(page.getByTestId('detail-checksum')).toHaveText(shown.checksum);
  await expect(page.getByTestId('detail-hash')).toHaveText(String(shown.properties.os_hash_value));
  await expect(page.getByTestId('image-instances')).toHaveAttribute('href', `/instances?image=${image.id}`);
  await expect(page.getByTestId('launch-from-image')).toHaveAttribute('href', `/instances/launch?image=${image.id}`);

  await chooseImageAction(page, 'edit');
  const dialog = page.getByTestId('action-dialog-edit');
  await dialog.getByTestId('property-os_distro').fill('cirros');
  await dialog.getByTestId('property-os_version').fill('0.6.2');
  await dialog.getByTestId('property-architecture').fill('x86_64');
  await dialog.getByTestId('property-min_disk').fill('1');
  await dialog.getByTestId('property-min_ram').fill('64');
  await dialog.getByTestId('custom-add').click();
  await dialog.getByTestId('custom-key').last().fill('zenith_test');
  await dialog.getByTestId('custom-value').last().fill('from the UI');
  await dialog.locator('summary').click();
  await expect(dialog.getByTestId('action-cli')).toContainText(`--property 'zenith_test=from the UI'`);
  await expectAccessible(page, 'edit properties dialog');
  await submitImageDialog(page, 'edit');

  const edited = await showImage(image.id);
  expect(edited.min_disk).toBe(1);
  expect(edited.min_ram).toBe(64);
  expect(edited.properties).toMatchObject({ os_distro: 'cirros', os_version: '0.6.2', architecture: 'x86_64', zenith_test: 'from the UI' });
  await expect(page.getByTestId('property-value-zenith_test')).toHaveText('from the UI');
  await expect(page.getByTestId('detail-min-ram')).toHaveText('64 MiB');

  // Removing a free-form property is a JSON patch "remove".
  await chooseImageAction(page, 'edit');
  await page.getByTestId('action-dialog-edit').getByRole('button', { name: 'Remove property zenith_test' }).click();
  await submitImageDialog(page, 'edit');
  await expect.poll(async () => (await showImage(image.id)).properties.zenith_test).toBeUndefined();
  await expect(page.getByTestId('property-value-zenith_test')).toHaveCount(0);

  await expectAccessible(page, 'image detail');
  await screenshotBothThemes(page, 'image-detail');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('publishing is refused by Glance and shown as is; sharing with demo-2 is accepted there', async ({ page }) => {
  const image = await createImage(`${prefix}-share`);
  const demo2 = await projectIdOf('demo-2');
  await signIn(page, 'zenith-demo');
  await page.goto(`/images/${image.id}`);

  // A member may not publish an image (Glance's publicize_image policy): Glance's 403, with its request id.
  await chooseImageAction(page, 'visibility');
  await page.getByTestId('visibility-public').check();
  await page.getByTestId('action-dialog-visibility').getByTestId('action-submit').click();
  const refusal = page.getByTestId('action-dialog-visibility').getByTestId('error-message');
  await expect(refusal).toContainText(/not allowed|forbidden|publicize/i);
  await expect(page.getByTestId('action-dialog-visibility').getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
  await page.getByTestId('visibility-shared').check();
  await submitImageDialog(page, 'visibility');
  await expect(page.getByTestId('detail-visibility')).toHaveText('Shared');
  await expect.poll(async () => (await showImage(image.id)).visibility).toBe('shared');

  await chooseImageAction(page, 'add-member');
  await page.getByTestId('member-project').fill(demo2);
  await submitImageDialog(page, 'add-member');
  await expect(page.locator(`[data-member-id="${demo2}"]`)).toHaveAttribute('data-status', 'pending');
  expect((await imageMembers(image.id)).map((member) => [member['Member ID'], member.Status])).toEqual([[demo2, 'pending']]);
  // The owner does not answer its own share.
  await page.getByTestId('detail-actions').click();
  await expect(page.getByTestId('menu-item-accept')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  await switchProject(page, 'demo-2');
  await page.goto(`/images/${image.id}`);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-share`);
  await chooseImageAction(page, 'accept');
  await expect(page.locator(`[data-member-id="${demo2}"]`)).toHaveAttribute('data-status', 'accepted');
  await expect.poll(async () => (await imageMembers(image.id))[0]?.Status).toBe('accepted');
  // Accepted, the image is in demo-2's list of shared images.
  await page.goto('/images?visibility=shared');
  await expect(page.locator(`[data-row-id="${image.id}"]`)).toBeVisible();
  await switchProject(page, 'demo');

  // The owner stops sharing.
  await page.goto(`/images/${image.id}`);
  await page.locator(`[data-member-id="${demo2}"]`).getByTestId('member-remove').click();
  await submitImageDialog(page, 'remove-member');
  await expect(page.getByTestId('members-table')).toHaveCount(0);
  await expect.poll(async () => (await imageMembers(image.id)).length).toBe(0);
});

test('a protected image cannot be deleted: Glance says so; unprotected, it is deleted', async ({ page }) => {
  const image = await createImage(`${prefix}-protected`);
  await signIn(page, 'zenith-demo');
  await page.goto(`/images/${image.id}`);
  await chooseImageAction(page, 'protect');
  await expect(page.getByTestId('detail-protected')).toHaveText('Yes');
  await expect.poll(async () => (await showImage(image.id)).protected).toBe(true);
  await page.getByTestId('detail-actions').click();
  await expect(page.getByTestId('menu-item-delete')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('menu-item-delete')).toContainText('unprotect it first');
  await page.keyboard.press('Escape');
  await chooseImageAction(page, 'unprotect');
  await expect(page.getByTestId('detail-protected')).toHaveText('No');
  await expect.poll(async () => (await showImage(image.id)).protected).toBe(false);

  // The list still shows it unprotected when the CLI protects it: Glance refuses the delete with its own message.
  await page.goto(`/images?name=${prefix}-protected`);
  const row = page.locator(`[data-row-id="${image.id}"]`);
  await expect(row).toBeVisible();
  await openstackDo('zenith-demo', ['image', 'set', '--protected', image.id]);
  await row.getByRole('checkbox').check();
  await page.getByTestId('bulk-delete').click();
  const dialog = page.getByTestId('action-dialog-delete');
  await dialog.getByTestId('action-submit').click();
  // Glance wraps this message in webob HTML ("<br /><br />"): the user sees the sentence alone.
  await expect(dialog.getByTestId('error-message')).toHaveText(`Image ${image.id} is protected and cannot be deleted.`);
  await expect(dialog.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
  await expectAccessible(page, 'delete refused dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await showImage(image.id)).status).toBe('active');
  // Read again after the refusal: the row now says it is protected.
  await expect(row.getByTestId('image-protected')).toHaveText('Yes');

  await row.getByTestId('image-name').click();
  await chooseImageAction(page, 'unprotect');
  await expect(page.getByTestId('detail-protected')).toHaveText('No');
  await chooseImageAction(page, 'delete');
  await submitImageDialog(page, 'delete');
  await expect(page.getByTestId('image-deleted')).toBeVisible();
  await expect(showImage(image.id)).rejects.toThrow();
});

test('an admin deactivates and reactivates an image through the UI; the CLI sees each status', async ({ page }) => {
  const image = await createImage(`${prefix}-deactivate`);
  await signIn(page, 'zenith-admin');
  await page.goto(`/images/${image.id}`);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-deactivate`);
  await page.getByTestId('detail-actions').click();
  await expect(page.getByTestId('menu-item-reactivate')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  await chooseImageAction(page, 'deactivate');
  await submitImageDialog(page, 'deactivate');
  await expect(page.getByTestId('detail-status').getByTestId('image-status')).toHaveAttribute('data-status', 'deactivated');
  await expect.poll(async () => (await showImage(image.id)).status).toBe('deactivated');
  await screenshotBothThemes(page, 'image-deactivated');

  await chooseImageAction(page, 'reactivate');
  await expect(page.getByTestId('detail-status').getByTestId('image-status')).toHaveAttribute('data-status', 'active');
  await expect.poll(async () => (await showImage(image.id)).status).toBe('active');
});
