// Routers and floating IPs on the real local cloud, the openstack CLI as witness: a router made through the UI
// with a gateway to `public` and an interface on a subnet, a static route (mistakes caught before sending, a
// duplicate refused), an instance booted on the subnet whose port gets a floating IP through the UI (the list
// names the instance), disassociated and released; the router's deletion refused by Neutron while it has
// interfaces, then everything taken down through the UI in dependency order.
import type { Page } from '@playwright/test';
import { openstack } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import {
  cleanUpNetworking,
  cliFloatingIp,
  cliFloatingIpsMarked,
  cliRouter,
  cliRouterExists,
  createNetworkWithSubnet,
  createFreePort,
  createServerOn,
  networkId,
  serverPortId,
} from '../support/routers';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('rtr');
const routerName = `${prefix}-router`;
const serverName = `${prefix}-vm`;
const cidr = '10.231.0.0/24';
let subnetId = '';
let portId = '';
let routerId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  ({ subnetId } = await createNetworkWithSubnet(`${prefix}-net`, cidr));
  // A second network with a free port: the router's second interface, added "by port".
  const other = await createNetworkWithSubnet(`${prefix}-net2`, '10.232.0.0/24');
  portId = await createFreePort(`${prefix}-port`, other.networkId, other.subnetId, '10.232.0.50');
});

test.afterAll(async () => {
  await cleanUpNetworking(prefix);
});

async function openRowAction(page: Page, rowId: string, actionId: string) {
  await page.locator(`[data-row-id="${rowId}"]`).getByTestId('row-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function openDetailAction(page: Page, actionId: string) {
  await page.getByTestId('detail-actions').click();
  await page.getByTestId(`menu-item-${actionId}`).click();
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a router through the UI: gateway to public, an interface on the subnet, a static route', async ({ page, seenResponses }) => {
  const publicId = await networkId('public');
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Routers' }).click();
  await expect(page.getByRole('heading', { name: 'Routers' })).toBeVisible();
  await expect(page.getByTestId('router-name').filter({ hasText: 'demo-router' })).toBeVisible();
  await expectAccessible(page, 'routers list');

  // Create, with its gateway; the dialog shows the CLI doing the same.
  await page.getByTestId('create-router').click();
  const create = page.getByTestId('action-dialog-create');
  await expect(create.getByTestId('action-submit')).toBeDisabled();
  await create.getByLabel('Name').fill(routerName);
  await create.getByLabel('External network (gateway)').selectOption({ label: 'public' });
  await create.getByTestId('action-cli').click();
  await expect(create.getByTestId('cli-command')).toHaveText(`openstack router create --external-gateway ${publicId} ${routerName}`);
  await expectAccessible(page, 'create router dialog');
  await screenshotDialogBothThemes(page, 'routers-create');
  await create.getByTestId('action-submit').click();
  await expect(create).toBeHidden();
  const created = await cliRouter(routerName);
  routerId = created.id;
  expect(created.external_gateway_info?.network_id).toBe(publicId);
  expect(created.external_gateway_info?.external_fixed_ips[0]?.ip_address).toMatch(/^203\.0\.113\./);
  const row = page.locator(`[data-row-id="${routerId}"]`);
  await expect(row.getByTestId('router-gateway')).toContainText('public');
  await expect(row.getByTestId('router-gateway')).toContainText(created.external_gateway_info!.external_fixed_ips[0]!.ip_address);

  // Edit from the row menu: only what changed is sent.
  const edit = await openRowAction(page, routerId, 'edit');
  await edit.getByLabel('Description').fill('made by the routers spec');
  await edit.getByTestId('action-cli').click();
  await expect(edit.getByTestId('cli-command')).toHaveText(`openstack router set --description 'made by the routers spec' ${routerId}`);
  await edit.getByTestId('action-submit').click();
  await expect(edit).toBeHidden();
  await expect.poll(async () => (await openstack<{ description: string }>('zenith-demo', ['router', 'show', routerId])).description).toBe(
    'made by the routers spec',
  );

  // Detail: add the subnet as an interface; Neutron gives the router the subnet's gateway address.
  await row.getByTestId('router-name').click();
  await expect(page.getByTestId('detail-name')).toHaveText(routerName);
  await expect(page.getByTestId('no-interfaces')).toBeVisible();
  await page.getByTestId('add-interface').click();
  const addInterface = page.getByTestId('action-dialog-add-interface');
  await addInterface.getByLabel('Subnet', { exact: true }).selectOption({ label: `${prefix}-net / ${prefix}-net-subnet (${cidr})` });
  await addInterface.getByTestId('action-cli').click();
  await expect(addInterface.getByTestId('cli-command')).toHaveText(`openstack router add subnet ${routerId} ${subnetId}`);
  await addInterface.getByTestId('action-submit').click();
  await expect(addInterface).toBeHidden();
  await expect(page.getByTestId('interface-row').getByTestId('interface-address')).toHaveText('10.231.0.1');
  expect((await cliRouter(routerName)).interfaces_info).toEqual([expect.objectContaining({ subnet_id: subnetId, ip_address: '10.231.0.1' })]);

  // A second interface, by port: the router takes the port's own address.
  await page.getByTestId('add-interface').click();
  await addInterface.getByTestId('interface-kind-port').check();
  await addInterface.getByLabel('Port', { exact: true }).selectOption({ label: `${prefix}-port (10.232.0.50)` });
  await addInterface.getByTestId('action-cli').click();
  await expect(addInterface.getByTestId('cli-command')).toHaveText(`openstack router add port ${routerId} ${portId}`);
  await addInterface.getByTestId('action-submit').click();
  await expect(addInterface).toBeHidden();
  await expect(page.locator(`[data-port-id="${portId}"]`).getByTestId('interface-address')).toHaveText('10.232.0.50');
  expect((await cliRouter(routerName)).interfaces_info).toContainEqual(expect.objectContaining({ port_id: portId, ip_address: '10.232.0.50' }));

  // A static route: mistakes are named before anything is sent.
  const routeWrites: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('extraroutes')) routeWrites.push(request.url());
  });
  await page.getByTestId('add-route').click();
  const addRoute = page.getByTestId('action-dialog-add-route');
  const destination = addRoute.getByLabel('Destination (CIDR)');
  const nexthop = addRoute.getByLabel('Next hop');
  const invalid = addRoute.getByTestId('action-invalid');
  await destination.fill('10.99.0.0/33');
  await nexthop.fill('10.231.0.254');
  await expect(invalid).toHaveText('The destination is not a network in CIDR notation (e.g. 192.168.50.0/24 or fd00:50::/64).');
  await destination.fill('10.99.0.5/24');
  await expect(invalid).toHaveText('The destination has host bits set: give the network address (see the hint).');
  await expect(addRoute).toContainText('Did you mean 10.99.0.0/24?');
  await destination.fill('10.99.0.0/24');
  await nexthop.fill('fd00::1');
  await expect(invalid).toHaveText('The destination and the next hop are not of the same IP version.');
  await nexthop.fill('10.231.0.1');
  await expect(invalid).toHaveText("The next hop is one of the router's own addresses.");
  await expect(addRoute.getByTestId('action-submit')).toBeDisabled();
  await expectAccessible(page, 'add static route dialog with a mistake');
  await screenshotDialogBothThemes(page, 'router-route-invalid');
  expect(routeWrites).toEqual([]);
  // The gateway's subnet (public's) is not visible to the project, so whether a next hop is connected is Neutron's
  // to say: its refusal shows in the dialog, which keeps the input for the correction.
  await nexthop.fill('10.55.0.1');
  await expect(invalid).toHaveCount(0);
  await addRoute.getByTestId('action-submit').click();
  await expect(addRoute.getByRole('alert')).toContainText('the nexthop is not connected with router');
  await expect(addRoute.getByRole('alert')).toContainText(/req-[0-9a-f-]{36}/);
  await expect(destination).toHaveValue('10.99.0.0/24');
  await nexthop.fill('10.231.0.254');
  await expect(invalid).toHaveCount(0);
  await addRoute.getByTestId('action-cli').click();
  await expect(addRoute.getByTestId('cli-command')).toHaveText(
    `openstack router add route --route destination=10.99.0.0/24,gateway=10.231.0.254 ${routerId}`,
  );
  await addRoute.getByTestId('action-submit').click();
  await expect(addRoute).toBeHidden();
  await expect(page.getByTestId('route-row')).toHaveCount(1);
  await expect(page.getByTestId('route-destination')).toHaveText('10.99.0.0/24');
  await expect(page.getByTestId('route-nexthop')).toHaveText('10.231.0.254');
  expect((await cliRouter(routerName)).routes).toEqual([{ destination: '10.99.0.0/24', nexthop: '10.231.0.254' }]);

  // The same route again is a duplicate, said so before sending.
  await page.getByTestId('add-route').click();
  await addRoute.getByLabel('Destination (CIDR)').fill('10.99.0.0/24');
  await addRoute.getByLabel('Next hop').fill('10.231.0.254');
  await expect(addRoute.getByTestId('action-invalid')).toHaveText('This route already exists on the router.');
  await addRoute.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByTestId('detail-gateway')).toHaveText('public');
  await expectAccessible(page, 'router detail');
  await screenshotBothThemes(page, 'router-detail');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('a floating IP from public, associated through the UI with the port of an instance on the subnet', async ({ page }) => {
  const server = await createServerOn(serverName, `${prefix}-net`);
  const portId = await serverPortId(server.id);
  const port = await openstack<{ fixed_ips: { ip_address: string }[] }>('zenith-demo', ['port', 'show', portId]);
  const fixedIp = port.fixed_ips[0]!.ip_address;

  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Floating IPs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Floating IPs' })).toBeVisible();

  // Allocate: the only pool is chosen already; the description marks it as this spec's.
  await page.getByTestId('allocate-floating-ip').click();
  const allocate = page.getByTestId('action-dialog-allocate');
  await expect(allocate.getByLabel('Pool (external network)')).toHaveValue(await networkId('public'));
  await allocate.getByLabel('Specific address (optional)').fill('203.0.113');
  await expect(allocate.getByTestId('action-invalid')).toHaveText('The address is not an IPv4 address.');
  await allocate.getByLabel('Specific address (optional)').fill('');
  await allocate.getByLabel('Description').fill(prefix);
  await allocate.getByTestId('action-submit').click();
  await expect(allocate).toBeHidden();
  const [allocated] = await cliFloatingIpsMarked(prefix);
  expect(allocated?.port_id).toBeNull();
  const row = page.locator(`[data-row-id="${allocated!.id}"]`);
  await expect(row.getByTestId('fip-address')).toHaveText(allocated!.floating_ip_address);
  await expect(row.getByTestId('fip-holder')).toHaveText('Not associated');

  // Associate with the instance's port, chosen by the instance's name.
  const associate = await openRowAction(page, allocated!.id, 'associate');
  await associate.getByLabel('Port').selectOption({ label: `${serverName} — ${fixedIp} (${prefix}-net)` });
  await associate.getByTestId('action-cli').click();
  await expect(associate.getByTestId('cli-command')).toHaveText(`openstack floating ip set --port ${portId} ${allocated!.id}`);
  await expectAccessible(page, 'associate floating IP dialog');
  await screenshotDialogBothThemes(page, 'floating-ip-associate');
  await associate.getByTestId('action-submit').click();
  await expect(associate).toBeHidden();
  await expect(row.getByTestId('fip-holder')).toHaveText(serverName);
  await expect(row.getByTestId('fip-holder')).toHaveAttribute('href', `/instances/${server.id}`);
  await expect(row.getByTestId('fip-fixed-ip')).toHaveText(fixedIp);
  const associated = await cliFloatingIp(allocated!.id);
  expect(associated.port_id).toBe(portId);
  expect(associated.fixed_ip_address).toBe(fixedIp);
  await expectAccessible(page, 'floating IPs list');
  await screenshotBothThemes(page, 'floating-ips-list');

  // Disassociate: it stays allocated.
  const disassociate = await openRowAction(page, allocated!.id, 'disassociate');
  await disassociate.getByTestId('action-submit').click();
  await expect(disassociate).toBeHidden();
  await expect(row.getByTestId('fip-holder')).toHaveText('Not associated');
  expect((await cliFloatingIp(allocated!.id)).port_id).toBeNull();

  // Release: gone from the project.
  const release = await openRowAction(page, allocated!.id, 'release');
  await expect(release).toContainText(`Release ${allocated!.floating_ip_address}?`);
  await release.getByTestId('action-submit').click();
  await expect(release).toBeHidden();
  await expect(row).toHaveCount(0);
  expect(await cliFloatingIpsMarked(prefix)).toEqual([]);
});

test("the router's deletion refused by Neutron while it has an interface, then taken down through the UI", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto('/routers');
  const remove = await openRowAction(page, routerId, 'delete');
  await expect(remove).toContainText(`Delete router ${routerName}?`);
  await remove.getByTestId('action-submit').click();
  // Neutron's own words (RouterInUse) and its request id, in the dialog and on the page.
  await expect(remove.getByRole('alert')).toContainText(`Router ${routerId} has ports still attached`);
  await expect(remove.getByRole('alert')).toContainText(/req-[0-9a-f-]{36}/);
  await expectAccessible(page, 'router deletion refused');
  await screenshotDialogBothThemes(page, 'routers-delete-refused');
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('action-failure')).toContainText('has ports still attached');
  expect(await cliRouterExists(routerName)).toBe(true);
  await expectAccessible(page, 'routers list with a failure');
  await screenshotBothThemes(page, 'routers-list');

  // Dependency order: the route (it goes through the interface), the interface, the gateway, the router.
  await page.locator(`[data-row-id="${routerId}"]`).getByTestId('router-name').click();
  await page.getByTestId('remove-route').click();
  const removeRoute = page.getByTestId('action-dialog-remove-route');
  await expect(removeRoute).toContainText('Remove the static route 10.99.0.0/24 → 10.231.0.254?');
  await removeRoute.getByTestId('action-submit').click();
  await expect(page.getByTestId('no-routes')).toBeVisible();
  expect((await cliRouter(routerName)).routes).toEqual([]);

  const removeInterface = page.getByTestId('action-dialog-remove-interface');
  await page.locator(`[data-port-id="${portId}"]`).getByTestId('remove-interface').click();
  await removeInterface.getByTestId('action-cli').click();
  await expect(removeInterface.getByTestId('cli-command')).toHaveText(`openstack router remove port ${routerId} ${portId}`);
  await removeInterface.getByTestId('action-submit').click();
  await expect(page.getByTestId('interface-row')).toHaveCount(1);
  await page.getByTestId('remove-interface').click();
  await removeInterface.getByTestId('action-submit').click();
  await expect(page.getByTestId('no-interfaces')).toBeVisible();
  expect((await cliRouter(routerName)).interfaces_info).toEqual([]);

  const clearGateway = await openDetailAction(page, 'clear-gateway');
  await clearGateway.getByTestId('action-cli').click();
  await expect(clearGateway.getByTestId('cli-command')).toHaveText(`openstack router unset --external-gateway ${routerId}`);
  await clearGateway.getByTestId('action-submit').click();
  await expect(page.getByTestId('detail-gateway')).toHaveText('No gateway');
  expect((await cliRouter(routerName)).external_gateway_info).toBeNull();

  // The gateway set again from the detail page (`router set --external-gateway`), then the router deleted with it.
  const publicId = await networkId('public');
  const setGateway = await openDetailAction(page, 'set-gateway');
  await setGateway.getByLabel('External network (gateway)').selectOption({ label: 'public' });
  await setGateway.getByTestId('action-cli').click();
  await expect(setGateway.getByTestId('cli-command')).toHaveText(`openstack router set --external-gateway ${publicId} ${routerId}`);
  await setGateway.getByTestId('action-submit').click();
  await expect(page.getByTestId('detail-gateway')).toHaveText('public');
  expect((await cliRouter(routerName)).external_gateway_info?.network_id).toBe(publicId);

  const deleteRouter = await openDetailAction(page, 'delete');
  await deleteRouter.getByTestId('action-submit').click();
  await expect(page).toHaveURL(/\/routers$/);
  await expect(page.locator(`[data-row-id="${routerId}"]`)).toHaveCount(0);
  expect(await cliRouterExists(routerName)).toBe(false);
});
