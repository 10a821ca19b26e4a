// Networks, subnets and ports on the real local cloud, the openstack CLI as witness: a network created with its
// first IPv4 subnet in one form, an IPv6 subnet and a subnet-pool subnet added, edits, a port with a fixed IP,
// invalid inputs refused before any request, a network deletion refused while a port uses it (Neutron's message
// and the port named), then everything removed through the UI in dependency order.
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import {
  cliNames,
  cliNetwork,
  cliPort,
  cliSubnet,
  createSubnetPool,
  deleteNetworkResourcesWithPrefix,
} from '../support/networks';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('net');
const networkName = `${prefix}-blue`;
const v4Name = `${prefix}-v4`;
const v6Name = `${prefix}-v6`;
const pooledName = `${prefix}-pooled`;
const pooledNetworkName = `${prefix}-green`;
const poolName = `${prefix}-pool`;
const portName = `${prefix}-port`;
let networkId = '';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  await createSubnetPool(poolName, '10.99.0.0/16', 26);
});
test.afterAll(async () => {
  await deleteNetworkResourcesWithPrefix(prefix);
});

const fieldErrors = (scope: Page | Locator) => scope.getByTestId('field-error');

async function openNetwork(page: Page, tab?: 'subnets' | 'ports') {
  await page.goto(`/networks/${networkId}${tab ? `?tab=${tab}` : ''}`);
  await expect(page.getByTestId('detail-name')).toHaveText(networkName);
}

async function rowAction(page: Page, row: Locator, menuTestId: string, label: string) {
  await row.getByTestId(menuTestId).click();
  await page.getByRole('menuitem', { name: label }).click();
}

test('create a network with its first IPv4 subnet in one form; mistakes are caught before sending', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Networks' }).click();
  await expect(page.getByRole('heading', { name: 'Networks' })).toBeVisible();
  await expect(page.getByTestId('networks-table').locator('[data-testid="network-name"]', { hasText: 'demo-net' })).toBeVisible();
  await expectAccessible(page, 'networks list');
  await screenshotBothThemes(page, 'networks-list');

  // The external view lists the cloud's floating IP pool.
  await page.getByTestId('view-external').click();
  await expect(page.getByTestId('networks-table').getByTestId('network-name')).toContainText(['public']);
  await expect(page).toHaveURL(/view=external/);
  await page.getByTestId('view-mine').click();

  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/v2\.0\/(networks|subnets)$/.test(new URL(request.url()).pathname)) posts.push(request.url());
  });
  await page.getByTestId('create-network').click();
  const dialog = page.getByTestId('create-network-dialog');
  await dialog.getByTestId('network-name').fill(networkName);
  await dialog.getByTestId('network-mtu').fill('1400');
  await dialog.getByTestId('subnet-name').fill(v4Name);
  // A CIDR with host bits: Neutron's own advice is given here, before any request.
  await dialog.getByTestId('subnet-cidr').fill('10.20.0.5/24');
  await expect(fieldErrors(dialog)).toHaveText(['The CIDR has host bits set: 10.20.0.0/24 is the network it belongs to.']);
  await expect(dialog.getByTestId('create-network-submit')).toBeDisabled();
  await dialog.getByTestId('subnet-cidr').fill('10.20.0.0/24');
  await dialog.getByTestId('subnet-gateway-custom').check();
  await dialog.getByTestId('subnet-gateway-ip').fill('10.21.0.1');
  await expect(fieldErrors(dialog)).toHaveText(['The gateway is not inside the CIDR.']);
  await dialog.getByTestId('subnet-gateway-ip').fill('10.20.0.1');
  await dialog.getByTestId('subnet-allocation-pools').fill('10.20.0.100-10.20.0.10');
  await expect(fieldErrors(dialog)).toHaveText(['Allocation pool 10.20.0.100-10.20.0.10 ends before it starts.']);
  await dialog.getByTestId('subnet-allocation-pools').fill('10.20.0.10-10.20.0.100');
  await dialog.getByTestId('subnet-dns').fill('192.0.2.53\nnot-an-ip');
  await expect(fieldErrors(dialog)).toHaveText(['not-an-ip is not an IP address.']);
  await dialog.getByTestId('subnet-dns').fill('192.0.2.53');
  await dialog.getByTestId('subnet-host-routes').fill('192.168.50.0/24,10.20.0.254');
  await expect(fieldErrors(dialog)).toHaveCount(0);
  expect(posts).toEqual([]);
  await dialog.getByTestId('action-cli').locator('summary').click();
  await expect(dialog.getByTestId('cli-command')).toContainText(`openstack network create --mtu 1400 ${networkName}`);
  await expect(dialog.getByTestId('cli-command')).toContainText(`openstack subnet create --network ${networkName} --subnet-range 10.20.0.0/24 --gateway 10.20.0.1 --dhcp`);
  await expectAccessible(page, 'create network dialog');
  await screenshotDialogBothThemes(page, 'networks-create');

  await dialog.getByTestId('create-network-submit').click();
  await expect(page.getByTestId('detail-name')).toHaveText(networkName);
  networkId = new URL(page.url()).pathname.split('/').pop()!;
  expect(posts).toHaveLength(2);

  const network = await cliNetwork(networkName);
  expect(network.id).toBe(networkId);
  expect(network.mtu).toBe(1400);
  expect(network.port_security_enabled).toBe(true);
  const v4 = await cliSubnet(v4Name);
  expect(v4).toMatchObject({
    cidr: '10.20.0.0/24',
    ip_version: 4,
    gateway_ip: '10.20.0.1',
    enable_dhcp: true,
    allocation_pools: [{ start: '10.20.0.10', end: '10.20.0.100' }],
    dns_nameservers: ['192.0.2.53'],
    host_routes: [{ destination: '192.168.50.0/24', nexthop: '10.20.0.254' }],
  });
  await expect(page.getByTestId('detail-mtu')).toHaveText('1400');
  await expectAccessible(page, 'network detail');
  await screenshotBothThemes(page, 'network-detail');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('add an IPv6 subnet and a subnet from a pool; overlaps and bad IPv6 modes are refused; edit both network and subnet', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await openNetwork(page, 'subnets');
  await page.getByTestId('add-subnet').click();
  const dialog = page.getByTestId('action-dialog-add-subnet');
  await dialog.getByTestId('subnet-name').fill(v6Name);
  // Overlapping the network's IPv4 subnet.
  await dialog.getByTestId('subnet-cidr').fill('10.20.0.128/25');
  await expect(fieldErrors(dialog)).toHaveText([`This CIDR overlaps the network's subnet ${v4Name} (10.20.0.0/24).`]);
  await dialog.getByTestId('subnet-ip-version-6').check();
  await expect(fieldErrors(dialog)).toHaveText(['This CIDR is not of the chosen IP version.']);
  await dialog.getByTestId('subnet-cidr').fill('fd00:20::/64');
  await dialog.getByTestId('subnet-ipv6AddressMode').selectOption('slaac');
  await dialog.getByTestId('subnet-ipv6RaMode').selectOption('dhcpv6-stateful');
  await expect(fieldErrors(dialog)).toHaveText(['When both IPv6 modes are set, they must be the same.']);
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await dialog.getByTestId('subnet-ipv6RaMode').selectOption('slaac');
  await expect(fieldErrors(dialog)).toHaveCount(0);
  await dialog.getByTestId('action-cli').locator('summary').click();
  await expect(dialog.getByTestId('cli-command')).toContainText('--ip-version 6 --subnet-range fd00:20::/64 --dhcp --ipv6-address-mode slaac --ipv6-ra-mode slaac');
  await expectAccessible(page, 'add subnet dialog');
  await screenshotDialogBothThemes(page, 'network-add-subnet');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();
  const v6 = await cliSubnet(v6Name);
  expect(v6).toMatchObject({ cidr: 'fd00:20::/64', ip_version: 6, ipv6_address_mode: 'slaac', ipv6_ra_mode: 'slaac', gateway_ip: 'fd00:20::' });
  await expect(page.locator(`[data-subnet-name="${v6Name}"]`).getByTestId('subnet-modes')).toHaveText('slaac / slaac');

  // The project has a subnet pool: the form offers it. This network's IPv4 subnet has no pool, and Neutron keeps
  // a network's subnets of one version on one pool: said before sending.
  await page.getByTestId('add-subnet').click();
  await dialog.getByTestId('subnet-source-pool').check();
  await dialog.getByTestId('subnet-pool').selectOption({ label: `${poolName} (10.99.0.0/16, /26)` });
  await expect(fieldErrors(dialog)).toContainText([`(${v4Name})`]);
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A new network whose first subnet comes from the pool: Neutron picks the prefix.
  await page.goto('/networks');
  await page.getByTestId('create-network').click();
  const create = page.getByTestId('create-network-dialog');
  await create.getByTestId('network-name').fill(pooledNetworkName);
  await create.getByTestId('subnet-name').fill(pooledName);
  await create.getByTestId('subnet-source-pool').check();
  await create.getByTestId('subnet-pool').selectOption({ label: `${poolName} (10.99.0.0/16, /26)` });
  await create.getByTestId('subnet-prefix-length').fill('40');
  await expect(fieldErrors(create)).toHaveText(['The prefix length does not fit this IP version.']);
  await create.getByTestId('subnet-prefix-length').fill('');
  await create.getByTestId('create-network-submit').click();
  await expect(page.getByTestId('detail-name')).toHaveText(pooledNetworkName);
  const pooled = await cliSubnet(pooledName);
  expect(pooled.subnetpool_id).not.toBeNull();
  expect(pooled.cidr).toMatch(/^10\.99\.\d+\.\d+\/26$/);
  await openNetwork(page, 'subnets');

  // Edit the IPv4 subnet: another DNS server, no more host route.
  await rowAction(page, page.locator(`[data-subnet-name="${v4Name}"]`), 'subnet-actions', 'Edit subnet');
  const edit = page.getByTestId('action-dialog-edit-subnet');
  await expect(edit.getByTestId('subnet-cidr')).toHaveCount(0);
  await edit.getByTestId('subnet-dns').fill('192.0.2.54');
  await edit.getByTestId('subnet-host-routes').fill('');
  await edit.getByTestId('action-cli').locator('summary').click();
  await expect(edit.getByTestId('cli-command')).toContainText('openstack subnet set --no-dns-nameservers --dns-nameserver 192.0.2.54 --no-host-route');
  await edit.getByTestId('action-submit').click();
  await expect(edit).toBeHidden();
  const v4 = await cliSubnet(v4Name);
  expect(v4.dns_nameservers).toEqual(['192.0.2.54']);
  expect(v4.host_routes).toEqual([]);
  await expect(page.locator(`[data-subnet-name="${v4Name}"]`).getByTestId('subnet-dns')).toHaveText('192.0.2.54');
  await screenshotBothThemes(page, 'network-subnets');

  // Edit the network itself.
  await page.getByTestId('detail-actions').click();
  await page.getByRole('menuitem', { name: 'Edit network' }).click();
  const editNetwork = page.getByTestId('action-dialog-edit');
  await editNetwork.getByLabel('Description').fill('blue team');
  await editNetwork.getByTestId('network-mtu').fill('12');
  await expect(fieldErrors(editNetwork)).toHaveText(['The MTU must be a whole number of at least 68.']);
  await editNetwork.getByTestId('network-mtu').fill('1400');
  await editNetwork.getByTestId('action-submit').click();
  await expect(editNetwork).toBeHidden();
  expect((await cliNetwork(networkName)).description).toBe('blue team');
});

test('ports: create with a fixed IP (bad address and MAC refused first), edit its security, list per network', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await openNetwork(page, 'ports');
  await page.getByTestId('manage-ports').click();
  await expect(page).toHaveURL(new RegExp(`/ports\\?network=${networkId}`));
  await expect(page.getByTestId('ports-table')).toContainText('No port on this network.');
  await expectAccessible(page, 'ports list, empty network');

  await page.getByTestId('create-port').click();
  const dialog = page.getByTestId('action-dialog-create');
  await expect(dialog.getByTestId('port-network')).toHaveValue(networkId);
  await dialog.getByTestId('port-name').fill(portName);
  await dialog.getByTestId('add-fixed-ip').click();
  await dialog.getByTestId('fixed-ip-subnet').selectOption({ label: `${v4Name} (10.20.0.0/24)` });
  await dialog.getByTestId('fixed-ip-address').fill('10.21.0.50');
  await expect(fieldErrors(dialog)).toHaveText(['The address is outside its subnet: 10.21.0.50 ∉ 10.20.0.0/24.']);
  await dialog.getByTestId('fixed-ip-address').fill('10.20.0.50');
  await dialog.getByTestId('port-mac').fill('01:00:5e:00:00:01');
  await expect(fieldErrors(dialog)).toHaveText(['The MAC address must be six pairs of hex digits (aa:bb:cc:dd:ee:ff), not a multicast one.']);
  await expect(dialog.getByTestId('action-submit')).toBeDisabled();
  await dialog.getByTestId('port-mac').fill('fa:16:3e:20:00:50');
  await expect(dialog.getByTestId('port-group-default')).toBeChecked();
  await expectAccessible(page, 'create port dialog');
  await screenshotDialogBothThemes(page, 'ports-create');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden();

  const created = await cliPort(portName);
  expect(created.mac_address).toBe('fa:16:3e:20:00:50');
  // Neutron adds the SLAAC address (EUI-64 of the MAC) on the IPv6 subnet by itself.
  expect(created.fixed_ips.map((fixedIp) => fixedIp.ip_address).sort()).toEqual(['10.20.0.50', 'fd00:20::f816:3eff:fe20:50']);
  expect(created.security_group_ids).toHaveLength(1);
  const row = page.locator(`[data-row-id="${created.id}"]`);
  await expect(row.getByTestId('port-fixed-ips')).toHaveText(/^10\.20\.0\.50, fd00:20::f816:3eff:fe20:50$|^fd00:20::f816:3eff:fe20:50, 10\.20\.0\.50$/);
  await screenshotBothThemes(page, 'ports-list');

  // Port security off: its groups go with it (Neutron refuses the two together), as the form says.
  await row.getByTestId('port-name').click();
  await expect(page.getByTestId('detail-name')).toHaveText(portName);
  await expect(page.getByTestId('detail-mac')).toHaveText('fa:16:3e:20:00:50');
  await page.getByTestId('detail-actions').click();
  await page.getByRole('menuitem', { name: 'Edit port' }).click();
  const edit = page.getByTestId('action-dialog-edit');
  await edit.getByTestId('port-security').uncheck();
  await expect(edit.getByTestId('port-no-groups')).toBeVisible();
  await edit.getByTestId('action-cli').locator('summary').click();
  await expect(edit.getByTestId('cli-command')).toContainText('--no-security-group --disable-port-security');
  await edit.getByTestId('action-submit').click();
  await expect(edit).toBeHidden();
  const unsecured = await cliPort(portName);
  expect(unsecured.port_security_enabled).toBe(false);
  expect(unsecured.security_group_ids).toEqual([]);
  await expect(page.getByTestId('detail-port-security')).toHaveText('No');
  await expectAccessible(page, 'port detail');
  await screenshotBothThemes(page, 'port-detail');

  // All the project's ports: the new one is among them, demo-net's router interface too.
  await page.goto('/ports');
  await expect(page.locator(`[data-row-id="${created.id}"]`)).toBeVisible();
  await expect(page.getByTestId('ports-table').getByTestId('port-device-owner').filter({ hasText: 'network:router_interface' }).first()).toBeVisible();
});

test('delete refused while a port is in use, with the port named; then cleanup through the UI in dependency order', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await openNetwork(page);
  await page.getByTestId('detail-actions').click();
  await page.getByRole('menuitem', { name: 'Delete network' }).click();
  const dialog = page.getByTestId('action-dialog-delete');
  const port = await cliPort(portName);
  await expect(dialog.getByTestId('blocking-port')).toHaveCount(1);
  await expect(dialog.getByTestId('blocking-port')).toHaveAttribute('data-port-id', port.id);
  await expect(dialog.getByTestId('blocking-ports')).toContainText('1 port is still using this network');
  await dialog.getByTestId('action-submit').click();
  // Neutron's own refusal, with its request id, next to the port that causes it.
  await expect(dialog.getByTestId('error-notice').first()).toContainText('There are one or more ports still in use on the network');
  await expect(dialog.getByTestId('error-notice').first()).toContainText('req-');
  await expect(dialog.getByTestId('blocking-port')).toHaveCount(1);
  await expectAccessible(page, 'network delete refused');
  await screenshotDialogBothThemes(page, 'network-delete-refused');
  expect(await cliNames('network')).toContain(networkName);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The port first (selected, then deleted from the bulk bar), then a subnet, then the network with what is left.
  await page.goto(`/ports?network=${networkId}`);
  const row = page.locator(`[data-row-id="${port.id}"]`);
  await row.getByRole('checkbox').check();
  await page.getByTestId('bulk-delete').click();
  await page.getByTestId('action-dialog-delete').getByTestId('action-submit').click();
  await expect(page.getByTestId('action-dialog-delete')).toBeHidden();
  await expect(row).toHaveCount(0);
  expect(await cliNames('port')).not.toContain(portName);

  await openNetwork(page, 'subnets');
  await rowAction(page, page.locator(`[data-subnet-name="${v6Name}"]`), 'subnet-actions', 'Delete subnet');
  const deleteSubnet = page.getByTestId('action-dialog-delete-subnet');
  await expect(deleteSubnet.getByTestId('blocking-ports-none')).toBeVisible();
  await deleteSubnet.getByTestId('action-submit').click();
  await expect(deleteSubnet).toBeHidden();
  await expect(page.locator(`[data-subnet-name="${v6Name}"]`)).toHaveCount(0);
  expect(await cliNames('subnet')).not.toContain(v6Name);

  await page.getByTestId('detail-actions').click();
  await page.getByRole('menuitem', { name: 'Delete network' }).click();
  await expect(page.getByTestId('action-dialog-delete').getByTestId('blocking-ports-none')).toBeVisible();
  await page.getByTestId('action-dialog-delete').getByTestId('action-submit').click();
  await expect(page).toHaveURL(/\/networks$/);
  await expect(page.getByTestId('networks-table').getByTestId('network-name').filter({ hasText: networkName })).toHaveCount(0);
  expect(await cliNames('network')).not.toContain(networkName);
  expect(await cliNames('subnet')).not.toContain(v4Name);

  // The pooled network, from the list's row menu.
  const green = page.getByTestId('table-row').filter({ has: page.getByTestId('network-name').filter({ hasText: pooledNetworkName }) });
  await rowAction(page, green, 'row-actions', 'Delete network');
  await page.getByTestId('action-dialog-delete').getByTestId('action-submit').click();
  await expect(green).toHaveCount(0);
  expect(await cliNames('network')).not.toContain(pooledNetworkName);
  expect(await cliNames('subnet')).not.toContain(pooledName);
});
