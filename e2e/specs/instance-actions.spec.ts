// The instance actions instances.spec.ts does not click: metadata, a security group added from the instance, an
// existing port attached and detached, hard reboot, rescue/unrescue, resize then revert. One server carries them all
// (each leaves it ACTIVE for the next); the openstack CLI is the witness of each.
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import {
  chooseAction,
  cleanUp,
  countServerEvents,
  createServer,
  expectPendingThenSettled,
  expectSettled,
  portDeviceId,
  showServer,
  submitActionDialog,
  uniquePrefix,
  type CliServer,
} from '../support/instances';
import { cleanUpGroups } from '../support/security-groups';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('actions');
const groupName = `${prefix}-sg`;
const portName = `${prefix}-port`;

let server: CliServer;
let group: { id: string };
let port: { id: string; fixed_ips: { ip_address: string }[] };
let small: { id: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  [server, group, port, small] = await Promise.all([
    createServer(`${prefix}-vm`),
    openstack<{ id: string }>('zenith-demo', ['security', 'group', 'create', groupName]),
    openstack<{ id: string; fixed_ips: { ip_address: string }[] }>('zenith-demo', ['port', 'create', '--network', 'demo-net', portName]),
    openstack<{ id: string }>('zenith-demo', ['flavor', 'show', 'm1.small']),
  ]);
});

test.afterAll(async () => {
  // Neutron deletes a port even while bound; the group only once the server is gone.
  await Promise.all([cleanUp(prefix), port && openstackDo('zenith-demo', ['port', 'delete', port.id]).catch(() => undefined)]);
  await cleanUpGroups(prefix);
});

test('metadata, a security group and an existing port, changed from the instance page', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto(`/instances/${server.id}`);
  await expectSettled(page, 'ACTIVE');

  // Metadata: one key added; the dialog's CLI view shows the command doing the same.
  await chooseAction(page, 'metadata');
  const metadata = page.getByTestId('action-dialog-metadata');
  await metadata.getByRole('button', { name: 'Add a key' }).click();
  await metadata.getByLabel('Key 1').fill('role');
  await metadata.getByLabel('Value 1').fill('e2e witness');
  await metadata.getByTestId('action-cli').locator('summary').click();
  await expect(metadata.getByTestId('cli-command')).toHaveText(`openstack server set --property 'role=e2e witness' ${server.id}`);
  await submitActionDialog(page, 'metadata');
  await expect(page.getByTestId('detail-metadata')).toContainText('e2e witness');
  await expect.poll(async () => (await showServer(server.id)).properties).toEqual({ role: 'e2e witness' });

  // A security group added from the instance's menu: Nova puts it on the server's port.
  await chooseAction(page, 'security-groups');
  const groups = page.getByTestId('action-dialog-security-groups');
  await groups.getByTestId(`security-group-${groupName}`).check();
  await submitActionDialog(page, 'security-groups');
  const shownGroups = page.getByTestId('detail-security-groups').getByTestId('server-security-group');
  await expect(shownGroups).toHaveText(['default', groupName]);
  await expect(shownGroups.filter({ hasText: groupName })).toHaveAttribute('href', `/security-groups/${group.id}`);
  expect((await showServer(server.id)).security_groups.map((shown) => shown.name).sort()).toEqual(['default', groupName].sort());

  // An existing port (made by the CLI) attached, then detached: it survives, free again.
  await chooseAction(page, 'attach-interface');
  const attach = page.getByTestId('action-dialog-attach-interface');
  await attach.getByLabel('An existing port').check();
  await attach.getByTestId('attach-interface-port').selectOption(port.id);
  await submitActionDialog(page, 'attach-interface');
  await expectPendingThenSettled(page, 'ACTIVE');
  const portIp = port.fixed_ips[0]!.ip_address;
  await Promise.all([
    expect.poll(() => portDeviceId(port.id), { timeout: 60_000 }).toBe(server.id),
    expect.poll(async () => (await showServer(server.id)).addresses['demo-net'], { timeout: 30_000 }).toContain(portIp),
    expect(page.getByTestId('detail-addresses')).toContainText(portIp, { timeout: 30_000 }),
  ]);
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  await expect(page.getByTestId('interface-row')).toHaveCount(2);

  await chooseAction(page, 'detach-interface');
  await page.getByTestId('detach-interface-port').selectOption(port.id);
  await submitActionDialog(page, 'detach-interface');
  // Nova detaches after answering: the page polls until the interface has left the server.
  await expectPendingThenSettled(page, 'ACTIVE');
  await Promise.all([
    expect.poll(() => portDeviceId(port.id), { timeout: 60_000 }).toBe(''),
    expect.poll(async () => (await showServer(server.id)).addresses['demo-net'], { timeout: 30_000 }).not.toContain(portIp),
    expect(page.getByTestId('interface-row')).toHaveCount(1, { timeout: 30_000 }),
  ]);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('detail-addresses')).not.toContainText(portIp, { timeout: 30_000 });
});

test('hard reboot from the list row, then rescue, unrescue, resize and revert from the detail page', async ({ page }) => {
  test.setTimeout(240_000);
  const rebootsBefore = countServerEvents(server.id, 'reboot');
  await signIn(page, 'zenith-demo');

  // Hard reboot from the row menu: confirmed, pending in the row, then ACTIVE; Nova logged one more reboot.
  const reboots = await rebootsBefore;
  await page.goto(`/instances?name=${prefix}-vm`);
  const row = page.locator(`[data-row-id="${server.id}"]`);
  await row.getByTestId('row-actions').click();
  const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith(`/servers/${server.id}/action`));
  await page.getByTestId('menu-item-reboot-hard').click();
  await submitActionDialog(page, 'reboot-hard');
  expect((await sent).postDataJSON()).toEqual({ reboot: { type: 'HARD' } });
  await expectPendingThenSettled(page, 'ACTIVE');
  await expect.poll(() => countServerEvents(server.id, 'reboot'), { timeout: 30_000 }).toBe(reboots + 1);
  expect((await showServer(server.id)).status).toBe('ACTIVE');

  // Rescue, confirmed: the instance boots from its image, in RESCUE, and only Unrescue brings it back.
  await row.getByTestId('server-name').click();
  await expectSettled(page, 'ACTIVE');
  await chooseAction(page, 'rescue');
  await submitActionDialog(page, 'rescue');
  await expectPendingThenSettled(page, 'RESCUE');
  const rescued = await showServer(server.id);
  expect([rescued.status, rescued['OS-EXT-STS:vm_state']]).toEqual(['RESCUE', 'rescued']);
  /** The action menu, scrolled to the item the screenshot is about. */
  const openMenuAt = (actionId: string) => async () => {
    await page.getByTestId('detail-actions').click();
    await page.getByTestId(`menu-item-${actionId}`).scrollIntoViewIfNeeded();
  };
  await openMenuAt('unrescue')();
  await expect(page.getByTestId('menu-item-unrescue')).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('menu-item-resize')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'rescued instance');
  await screenshotBothThemes(page, 'instance-rescued', openMenuAt('unrescue'));
  await page.keyboard.press('Escape');

  await chooseAction(page, 'unrescue');
  await expectPendingThenSettled(page, 'ACTIVE');
  const unrescued = await showServer(server.id);
  expect([unrescued.status, unrescued['OS-EXT-STS:vm_state']]).toEqual(['ACTIVE', 'active']);

  // Resize to m1.small: VERIFY_RESIZE, with confirm and revert offered; reverting brings m1.tiny back.
  await chooseAction(page, 'resize');
  await page.getByTestId('resize-flavor').selectOption(small.id);
  await submitActionDialog(page, 'resize');
  await expectPendingThenSettled(page, 'VERIFY_RESIZE');
  const resized = await showServer(server.id);
  expect([resized.status, resized['OS-EXT-STS:vm_state'], resized.flavor.original_name]).toEqual(['VERIFY_RESIZE', 'resized', 'm1.small']);
  await expect(page.getByTestId('detail-flavor')).toContainText('m1.small');
  await openMenuAt('revert-resize')();
  await expect(page.getByTestId('menu-item-confirm-resize')).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('menu-item-revert-resize')).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await screenshotBothThemes(page, 'instance-resized', openMenuAt('revert-resize'));
  await page.keyboard.press('Escape');

  await chooseAction(page, 'revert-resize');
  await expectPendingThenSettled(page, 'ACTIVE');
  await expect(page.getByTestId('detail-flavor')).toContainText('m1.tiny');
  const reverted = await showServer(server.id);
  expect([reverted.status, reverted['OS-EXT-STS:vm_state'], reverted.flavor.original_name]).toEqual(['ACTIVE', 'active', 'm1.tiny']);
});
