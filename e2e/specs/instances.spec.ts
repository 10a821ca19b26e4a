// The instances list, detail page and every lifecycle action, on the real local cloud, with the openstack CLI as
// witness of what Zenith did. Servers are created with the CLI under a unique prefix and deleted at the end.
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { chooseAction, cleanUp, createServer, expectSettled, showServer, submitActionDialog, uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('list');

test.describe.configure({ mode: 'serial' });
test.afterAll(async () => {
  await cleanUp(prefix);
});

test('the list shows a server with its image name and flavor, for one servers call and one Glance call', async ({ page, seenResponses }) => {
  const server = await createServer(`${prefix}-listed`);
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    // The navigation's capability probes (servers/detail?all_tenants=1 for the all-projects page) are not the page's.
    if (url.pathname.startsWith('/api/os/') && !url.searchParams.has('all_tenants')) calls.push(`${request.method()} ${url.pathname}`);
  });
  await signIn(page, 'zenith-demo');
  calls.length = 0;
  await page.goto(`/instances?name=${prefix}-listed`);
  const row = page.locator(`[data-row-id="${server.id}"]`);
  await expect(row.getByTestId('server-name')).toHaveText(`${prefix}-listed`);
  await expect(row.getByTestId('server-image')).toHaveText('cirros-tiny');
  await expect(row.getByTestId('server-flavor')).toHaveText('m1.tiny');
  await expect(row.getByTestId('server-ips')).toContainText(server.addresses['demo-net']![0]!);
  await expect(row.getByTestId('server-status')).toHaveAttribute('data-status', 'ACTIVE');
  // The cost of a page: one servers/detail call, one batched Glance call, no flavors call, no per-row calls.
  expect(calls.filter((call) => call.includes('/servers/detail'))).toHaveLength(1);
  expect(calls.filter((call) => call.startsWith('GET /api/os/image/'))).toHaveLength(1);
  expect(calls.filter((call) => call.includes('flavors'))).toHaveLength(0);
  expect(calls.filter((call) => call.includes(`/servers/${server.id}`))).toHaveLength(0);

  // The URL holds the list state: a reload shows the same filtered page.
  await page.reload();
  await expect(page.getByTestId('filter-name')).toHaveValue(`${prefix}-listed`);
  await expect(page.getByTestId('table-row')).toHaveCount(1);

  await expectAccessible(page, 'instances list');
  await screenshotBothThemes(page, 'instances-list');
  await page.getByTestId('row-actions').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByTestId('menu-item-start')).toHaveAttribute('aria-disabled', 'true');
  await expectAccessible(page, 'instances list with a row menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  // The detail page's CLI tab: each action's openstack command for this server.
  await row.getByTestId('server-name').click();
  await expect(page.getByTestId('detail-flavor')).toContainText('m1.tiny');
  await page.getByRole('tab', { name: 'CLI' }).click();
  await expect(page.getByTestId('cli-command-stop')).toHaveText(`openstack server stop ${server.id}`);
  await expect(page.getByTestId('cli-command-reboot-hard')).toHaveText(`openstack server reboot --hard ${server.id}`);
  await expectAccessible(page, 'instance CLI tab');
  await screenshotBothThemes(page, 'instance-detail-cli');
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  await expect(page.getByTestId('interface-row')).toHaveCount(1);
  await expect(page.getByTestId('interfaces-table')).toContainText('demo-net');
  await screenshotBothThemes(page, 'instance-detail-interfaces');

  await page.goto(`/instances?name=${prefix}-nothing-matches`);
  await expect(page.getByText('No instance matches these filters.')).toBeVisible();
  await expectNoTokenInBrowser(page, seenResponses);
});

test('every lifecycle action through the UI, each seen by the CLI', async ({ page }) => {
  test.setTimeout(900_000);
  const server = await createServer(`${prefix}-life`);
  await signIn(page, 'zenith-demo');
  await page.goto(`/instances/${server.id}`);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-life`);
  await expect(page.getByTestId('detail-image')).toHaveText('cirros-tiny');
  await expectSettled(page, 'ACTIVE');
  await expectAccessible(page, 'instance detail');
  await screenshotBothThemes(page, 'instance-detail');

  const cliStatus = () => showServer(server.id).then((shown) => shown.status);
  const simple = async (actionId: string, uiStatus: string, cli: string = uiStatus) => {
    await chooseAction(page, actionId);
    await expectSettled(page, uiStatus);
    await expect.poll(cliStatus, { message: `${actionId}: CLI status`, timeout: 60_000 }).toBe(cli);
  };

  await simple('stop', 'SHUTOFF');
  await simple('start', 'ACTIVE');
  await chooseAction(page, 'reboot-soft');
  await expectSettled(page, 'ACTIVE');
  await expect
    .poll(async () => (await openstack<{ Action: string }[]>('zenith-demo', ['server', 'event', 'list', server.id])).map((event) => event.Action))
    .toContain('reboot');
  await simple('pause', 'PAUSED');
  await simple('unpause', 'ACTIVE');
  await simple('suspend', 'SUSPENDED');
  await simple('resume', 'ACTIVE');
  await chooseAction(page, 'shelve');
  await expect.poll(cliStatus, { timeout: 60_000 }).toMatch(/^SHELVED(_OFFLOADED)?$/);
  await expect(page.getByTestId('server-status').first()).toHaveAttribute('data-status', /^SHELVED(_OFFLOADED)?$/, { timeout: 60_000 });
  await expect(page.getByTestId('server-status').first()).toHaveAttribute('data-pending', 'false', { timeout: 60_000 });
  await simple('unshelve', 'ACTIVE');

  // Lock and unlock through the page.
  await chooseAction(page, 'lock');
  await expect(page.getByTestId('detail-locked')).toHaveText(/^Yes/);
  await expect.poll(async () => (await showServer(server.id)).locked).toBe(true);
  await chooseAction(page, 'unlock');
  await expect(page.getByTestId('detail-locked')).toHaveText(/^No/);
  await expect.poll(async () => (await showServer(server.id)).locked).toBe(false);

  // A Nova refusal, shown with its message and request id: the CLI locks the server behind the page's back, so the
  // page (which still shows it unlocked) offers Stop and Nova answers 409.
  await openstackDo('zenith-demo', ['server', 'lock', server.id]);
  await chooseAction(page, 'stop');
  const failure = page.getByTestId('action-failure');
  await expect(failure.getByTestId('error-message')).toContainText('locked');
  await expect(failure.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
  await expect(failure).toContainText('Conflict');
  await expect(page.getByTestId('detail-locked')).toHaveText(/^Yes/); // re-read after the refusal
  await screenshotBothThemes(page, 'instance-detail-error');
  await chooseAction(page, 'unlock');
  await expect.poll(async () => (await showServer(server.id)).locked).toBe(false);
  await expect(page.getByTestId('detail-locked')).toHaveText(/^No/);

  // Resize to m1.small, then confirm.
  await chooseAction(page, 'resize');
  const small = await openstack<{ id: string }>('zenith-demo', ['flavor', 'show', 'm1.small']);
  await page.getByTestId('resize-flavor').selectOption(small.id);
  await submitActionDialog(page, 'resize');
  await expectSettled(page, 'VERIFY_RESIZE');
  await chooseAction(page, 'confirm-resize');
  await expectSettled(page, 'ACTIVE');
  await expect.poll(async () => (await showServer(server.id)).flavor.original_name).toBe('m1.small');
  await expect(page.getByTestId('detail-flavor')).toContainText('m1.small');

  // Rebuild (with cirros-tiny again: the only image), confirmed as destructive.
  await chooseAction(page, 'rebuild');
  await page.getByTestId('rebuild-image').selectOption({ label: 'cirros-tiny' });
  await submitActionDialog(page, 'rebuild');
  await expectSettled(page, 'ACTIVE');
  await expect
    .poll(async () => (await openstack<{ Action: string }[]>('zenith-demo', ['server', 'event', 'list', server.id])).map((event) => event.Action))
    .toContain('rebuild');

  // Snapshot: the image appears in Glance.
  await chooseAction(page, 'snapshot');
  await page.getByTestId('snapshot-name').fill(`${prefix}-snap`);
  await expect(page.getByTestId('action-cli')).toContainText(`openstack server image create --name ${prefix}-snap ${server.id}`);
  await submitActionDialog(page, 'snapshot');
  await expectSettled(page, 'ACTIVE');
  await expect
    .poll(async () => (await openstack<{ Name: string }[]>('zenith-demo', ['image', 'list', '--private'])).map((image) => image.Name), { timeout: 60_000 })
    .toContain(`${prefix}-snap`);

  // Volume attach and detach (the volume is made by the CLI).
  const volume = await openstack<{ id: string }>('zenith-demo', ['volume', 'create', '--size', '1', `${prefix}-vol`]);
  await expect.poll(async () => (await openstack<{ status: string }>('zenith-demo', ['volume', 'show', volume.id])).status).toBe('available');
  await chooseAction(page, 'attach-volume');
  await page.getByTestId('attach-volume-id').selectOption(volume.id);
  await submitActionDialog(page, 'attach-volume');
  await expect.poll(async () => (await showServer(server.id)).volumes_attached.map((attached) => attached.id), { timeout: 60_000 }).toContain(volume.id);
  await expect(page.getByTestId('detail-volumes')).toContainText(volume.id, { timeout: 30_000 });
  await chooseAction(page, 'detach-volume');
  await page.getByTestId('detach-volume-id').selectOption(volume.id);
  await submitActionDialog(page, 'detach-volume');
  await expect.poll(async () => (await openstack<{ status: string }>('zenith-demo', ['volume', 'show', volume.id])).status, { timeout: 60_000 }).toBe('available');

  // Interface attach (a new port on demo-net) and detach.
  const portsOf = () => openstack<{ ID: string }[]>('zenith-demo', ['port', 'list', '--server', server.id]);
  const before = (await portsOf()).map((port) => port.ID);
  await chooseAction(page, 'attach-interface');
  await page.getByTestId('attach-interface-network').selectOption({ label: 'demo-net' });
  await submitActionDialog(page, 'attach-interface');
  await expect.poll(async () => (await portsOf()).length, { timeout: 60_000 }).toBe(before.length + 1);
  const added = (await portsOf()).map((port) => port.ID).find((id) => !before.includes(id))!;
  await expectSettled(page, 'ACTIVE');
  await chooseAction(page, 'detach-interface');
  await page.getByTestId('detach-interface-port').selectOption(added);
  await submitActionDialog(page, 'detach-interface');
  await expect.poll(async () => (await portsOf()).map((port) => port.ID), { timeout: 60_000 }).not.toContain(added);

  // Floating IP: allocated from `public` and associated in one go, then disassociated (and released by cleanup).
  await expectSettled(page, 'ACTIVE');
  await page.reload();
  await chooseAction(page, 'associate-floating-ip');
  await page.getByTestId('floating-ip-port').selectOption({ index: 1 });
  await page.getByTestId('floating-ip-source-new').check();
  await page.getByTestId('floating-ip-network').selectOption({ label: 'public' });
  await submitActionDialog(page, 'associate-floating-ip');
  const floatingOf = () => openstack<{ ID: string; 'Floating IP Address': string; Port: string | null }[]>('zenith-demo', ['floating', 'ip', 'list', '--port', before[0]!]);
  await expect.poll(async () => (await floatingOf()).length, { timeout: 30_000 }).toBe(1);
  const floating = (await floatingOf())[0]!;
  try {
    await page.reload();
    await chooseAction(page, 'disassociate-floating-ip');
    await page.getByTestId('floating-ip-associated').selectOption(floating.ID);
    await submitActionDialog(page, 'disassociate-floating-ip');
    await expect.poll(async () => (await floatingOf()).length, { timeout: 30_000 }).toBe(0);
  } finally {
    await openstackDo('zenith-demo', ['floating', 'ip', 'delete', floating.ID]).catch(() => undefined);
  }

  // Rename.
  await chooseAction(page, 'rename');
  await page.getByTestId('rename-name').fill(`${prefix}-renamed`);
  await submitActionDialog(page, 'rename');
  await expect.poll(async () => (await showServer(server.id)).name).toBe(`${prefix}-renamed`);
  await expect(page.getByTestId('detail-name')).toHaveText(`${prefix}-renamed`);

  // Console tab: the fake driver's log, and no remote console offered.
  await page.getByRole('tab', { name: 'Console' }).click();
  await expect(page.getByTestId('console-log')).not.toBeEmpty();
  await page.getByTestId('request-console').click();
  await expect(page.getByTestId('console-not-offered')).toBeVisible();
  await page.getByRole('tab', { name: 'Action log' }).click();
  await expect(page.locator('[data-testid="action-log-row"][data-action="rebuild"]')).toBeVisible();
  await expectAccessible(page, 'instance action log');

  // Delete, confirmed.
  await chooseAction(page, 'delete');
  await submitActionDialog(page, 'delete');
  await expect
    .poll(async () => (await openstack<{ ID: string }[]>('zenith-demo', ['server', 'list', '--name', `^${prefix}-renamed`])).length, { timeout: 60_000 })
    .toBe(0);
  await expect(page.getByTestId('server-deleted')).toBeVisible({ timeout: 30_000 });
});

test('bulk stop of two servers: one confirmation, one outcome per server', async ({ page }) => {
  test.setTimeout(300_000);
  const [first, second] = await Promise.all([createServer(`${prefix}-bulk-a`), createServer(`${prefix}-bulk-b`)]);
  await signIn(page, 'zenith-demo');
  await page.goto(`/instances?name=${prefix}-bulk-&sort=name&dir=asc`);
  await expect(page.getByTestId('table-row')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Select every row of this page' }).check();
  await page.getByTestId('bulk-stop').click();
  const dialog = page.getByTestId('action-dialog-stop');
  await expect(dialog.getByTestId('action-target')).toHaveCount(2);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('action-target-outcome')).toHaveText(['Done', 'Done']);
  // The theme switch is out of reach behind a modal dialog: this one is shot in the current theme only.
  await page.screenshot({ path: new URL('../artifacts/screenshots/instances-bulk-outcome-light.png', import.meta.url).pathname });
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (const server of [first, second]) {
    await expect.poll(async () => (await showServer(server.id)).status, { timeout: 60_000 }).toBe('SHUTOFF');
    const row = page.locator(`[data-row-id="${server.id}"]`);
    await expect(row.getByTestId('server-status')).toHaveAttribute('data-status', 'SHUTOFF', { timeout: 60_000 });
    await expect(row.getByTestId('server-status')).toHaveAttribute('data-pending', 'false', { timeout: 60_000 });
  }
  await expectAccessible(page, 'instances list after a bulk action');
  await screenshotBothThemes(page, 'instances-list-after-bulk-stop');
});
