// Site-to-site VPN on the real local cloud (Neutron VPNaaS), with the openstack CLI as witness: as demo, a complete
// site connection from demo-router to a peer at 203.0.113.5 built through Zenith (IKE policy, IPsec policy, VPN
// service, a local subnet group and a peer CIDR group, then the connection, checked before sending), each object
// seen by `openstack vpn ... show` with the fields chosen, the key reaching Neutron without ever being shown; then
// everything deleted through Zenith and gone for the CLI.
import type { Locator, Page } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('vpn');
const psk = `psk-${Math.random().toString(36).slice(2, 12)}`;

/** The VPN objects' CLI nouns, in the order they are deleted (a connection first: it holds the others). */
const nouns = [
  ['vpn', 'ipsec', 'site', 'connection'],
  ['vpn', 'endpoint', 'group'],
  ['vpn', 'service'],
  ['vpn', 'ipsec', 'policy'],
  ['vpn', 'ike', 'policy'],
] as const;

const rowNamed = (page: Page, name: string) => page.getByTestId('table-row').filter({ has: page.getByTestId('vpn-object-name').getByText(name, { exact: true }) });

async function create(page: Page, tab: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.goto(tab === 'site-connections' ? '/vpn' : `/vpn?tab=${tab}`);
  await page.getByTestId(`create-${tab}`).click();
  const dialog = page.getByTestId('action-dialog-create');
  await fill(dialog);
  await expect(dialog.getByTestId('action-invalid')).toHaveCount(0);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

async function deleteRow(page: Page, tab: string, name: string) {
  await page.goto(tab === 'site-connections' ? '/vpn' : `/vpn?tab=${tab}`);
  const row = rowNamed(page, name);
  await row.getByTestId('row-actions').click({ timeout: 15_000 });
  await page.getByTestId('menu-item-delete').click({ timeout: 15_000 });
  await page.getByTestId('action-dialog-delete').getByTestId('action-submit').click({ timeout: 15_000 });
  await expect(row).toHaveCount(0, { timeout: 30_000 });
}

test('builds a site connection to a peer through Zenith, the CLI sees every object, then deletes them all', async ({ page }) => {
  test.setTimeout(300_000);
  const names = {
    ike: `${prefix}-ike`,
    ipsec: `${prefix}-ipsec`,
    service: `${prefix}-service`,
    local: `${prefix}-local`,
    peer: `${prefix}-peer`,
    connection: `${prefix}-to-branch`,
  };
  const router = await openstack<{ id: string }>('zenith-demo', ['router', 'show', 'demo-router']);
  const subnet = await openstack<{ id: string; cidr: string }>('zenith-demo', ['subnet', 'show', 'demo-subnet']);
  try {
    await signIn(page, 'zenith-demo');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VPN' })).toBeVisible({ timeout: 30_000 });

    await create(page, 'ike-policies', async (dialog) => {
      await dialog.getByTestId('vpn-name').fill(names.ike);
      await dialog.getByTestId('vpn-auth-algorithm').selectOption('sha256');
      await dialog.getByTestId('vpn-lifetime').fill('30');
      await expect(dialog.getByTestId('action-invalid')).toHaveText('The lifetime is a whole number of seconds, 60 at least.');
      await dialog.getByTestId('vpn-lifetime').fill('7200');
      await expect(dialog.getByTestId('action-cli')).toContainText(
        `openstack vpn ike policy create --auth-algorithm sha256 --encryption-algorithm aes-128 --phase1-negotiation-mode main --ike-version v1 --pfs group5 --lifetime units=seconds,value=7200 ${names.ike}`,
      );
    });
    const ike = await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'ike', 'policy', 'show', names.ike]);
    expect(ike).toMatchObject({ 'Authentication Algorithm': 'sha256', 'Encryption Algorithm': 'aes-128', 'IKE Version': 'v1', 'Lifetime': { units: 'seconds', value: 7200 } });

    await create(page, 'ipsec-policies', async (dialog) => {
      await dialog.getByTestId('vpn-name').fill(names.ipsec);
      await dialog.getByTestId('vpn-encryption-algorithm').selectOption('aes-256');
      await dialog.getByTestId('vpn-pfs').selectOption('group14');
    });
    const ipsec = await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'ipsec', 'policy', 'show', names.ipsec]);
    expect(ipsec).toMatchObject({ 'Encryption Algorithm': 'aes-256', 'Perfect Forward Secrecy (PFS)': 'group14', 'Transform Protocol': 'esp', 'Encapsulation Mode': 'tunnel' });

    await create(page, 'services', async (dialog) => {
      await dialog.getByTestId('vpn-name').fill(names.service);
      await dialog.getByTestId('vpn-service-router').selectOption(router.id);
      await expect(dialog.getByTestId('action-cli')).toContainText(`openstack vpn service create --enable --router ${router.id} ${names.service}`);
    });
    const service = await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'service', 'show', names.service]);
    expect(service).toMatchObject({ Router: router.id, Subnet: null });

    await create(page, 'endpoint-groups', async (dialog) => {
      await dialog.getByTestId('vpn-name').fill(names.local);
      await dialog.getByTestId('endpoint-group-type').selectOption('subnet');
      await dialog.getByLabel(`demo-subnet (${subnet.cidr})`).check();
    });
    await create(page, 'endpoint-groups', async (dialog) => {
      await dialog.getByTestId('vpn-name').fill(names.peer);
      await dialog.getByTestId('endpoint-group-type').selectOption('cidr');
      await dialog.getByTestId('endpoint-group-endpoints').fill('192.168.50.1/24');
      await expect(dialog.getByTestId('action-invalid')).toHaveText('An endpoint is not a CIDR with its host bits clear (such as 192.168.50.0/24).');
      await dialog.getByTestId('endpoint-group-endpoints').fill('192.168.50.0/24');
    });
    expect(await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'endpoint', 'group', 'show', names.local])).toMatchObject({ Type: 'subnet', Endpoints: [subnet.id] });
    expect(await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'endpoint', 'group', 'show', names.peer])).toMatchObject({ Type: 'cidr', Endpoints: ['192.168.50.0/24'] });

    await create(page, 'site-connections', async (dialog) => {
      await dialog.getByTestId('vpn-name').fill(names.connection);
      await dialog.getByTestId('connection-service').selectOption({ label: names.service });
      await dialog.getByTestId('connection-ike-policy').selectOption({ label: names.ike });
      await dialog.getByTestId('connection-ipsec-policy').selectOption({ label: names.ipsec });
      await dialog.getByTestId('connection-psk').fill(psk);
      await dialog.getByTestId('connection-local-group').selectOption({ label: `${names.local} (1)` });
      await dialog.getByTestId('connection-peer-group').selectOption({ label: `${names.peer} (192.168.50.0/24)` });
      await dialog.getByTestId('connection-peer-address').fill('203.0.113.5');
      await dialog.getByTestId('connection-peer-id').fill('203.0.113.5');
      await dialog.getByTestId('connection-mtu').fill('1400');
      await dialog.getByTestId('connection-initiator').selectOption('response-only');
      await dialog.getByTestId('connection-dpd-interval').fill('60');
      await dialog.getByTestId('connection-dpd-timeout').fill('60');
      await expect(dialog.getByTestId('action-invalid')).toHaveText('The dead peer detection timeout must be longer than its interval.');
      await dialog.getByTestId('connection-dpd-timeout').fill('240');
      const cli = dialog.getByTestId('action-cli');
      await expect(cli).toContainText('--peer-address 203.0.113.5 --peer-id 203.0.113.5 --mtu 1400 --initiator response-only --dpd action=hold,interval=60,timeout=240');
      await expect(cli).toContainText(`--psk "$PSK" ${names.connection}`);
      await dialog.getByText('Show as CLI or HTTP').click();
      await dialog.getByTestId('action-http-tab').click();
      await expect(dialog.getByTestId('action-http')).toContainText('"psk": "***"');
      expect(await dialog.textContent()).not.toContain(psk);
      await expectAccessible(page, 'vpn: create site connection');
      await screenshotDialogBothThemes(page, 'vpn-site-connection-create');
    });

    const connection = await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'ipsec', 'site', 'connection', 'show', names.connection]);
    expect(connection).toMatchObject({
      'Peer Address': '203.0.113.5',
      'Peer ID': '203.0.113.5',
      MTU: 1400,
      Initiator: 'response-only',
      'Pre-shared Key': psk,
      'VPN Service': service.ID,
      'IKE Policy': ike.ID,
      'IPSec Policy': ipsec.ID,
      'Peer CIDRs': [],
    });
    const groups = await openstack<{ ID: string; Name: string }[]>('zenith-demo', ['vpn', 'endpoint', 'group', 'list']);
    expect(connection['Local Endpoint Group ID']).toBe(groups.find((group) => group.Name === names.local)?.ID);
    expect(connection['Peer Endpoint Group ID']).toBe(groups.find((group) => group.Name === names.peer)?.ID);

    // The tunnel is the VPN agent's: whatever it says, shown as the status, a pending one with its reason.
    const row = rowNamed(page, names.connection);
    await expect(row.getByTestId('vpn-status')).toHaveAttribute('data-status', /^(ACTIVE|DOWN|PENDING_CREATE|BUILD)$/);
    if ((await row.getByTestId('vpn-status').getAttribute('data-status')) === 'PENDING_CREATE') await expect(row.getByTestId('vpn-status-pending')).toBeVisible();
    await expectAccessible(page, 'vpn: site connections');
    await screenshotBothThemes(page, 'vpn-site-connections');

    await row.getByTestId('vpn-object-name').click();
    await expect(page.getByTestId('detail-psk')).toContainText('Set (never shown)');
    await expect(page.getByTestId('detail-service')).toHaveText(names.service);
    await expect(page.getByTestId('detail-dpd')).toHaveText('hold, every 60 s, timeout 240 s');
    expect(await page.locator('body').textContent()).not.toContain(psk);
    await screenshotBothThemes(page, 'vpn-site-connection-detail');

    await deleteRow(page, 'site-connections', names.connection);
    await deleteRow(page, 'endpoint-groups', names.peer);
    await deleteRow(page, 'endpoint-groups', names.local);
    await deleteRow(page, 'services', names.service);
    await deleteRow(page, 'ipsec-policies', names.ipsec);
    await deleteRow(page, 'ike-policies', names.ike);
    for (const noun of nouns) {
      const left = await openstack<{ Name: string }[]>('zenith-demo', [...noun, 'list']);
      expect(left.filter((entry) => entry.Name.startsWith(prefix))).toEqual([]);
    }
  } finally {
    for (const noun of nouns) {
      const left = await openstack<{ ID: string; Name: string }[]>('zenith-demo', [...noun, 'list']);
      for (const entry of left.filter((candidate) => candidate.Name.startsWith(prefix))) await openstackDo('zenith-demo', [...noun, 'delete', entry.ID]);
    }
  }
});

test('makes a whole site connection step by step: six calls in order, each object where the CLI expects it', async ({ page }) => {
  test.setTimeout(240_000);
  const name = `${prefix}-guided`;
  const subnet = await openstack<{ id: string; cidr: string }>('zenith-demo', ['subnet', 'show', 'demo-subnet']);
  const router = await openstack<{ id: string }>('zenith-demo', ['router', 'show', 'demo-router']);
  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/vpn');
    await page.getByTestId('create-guided-connection').click();
    const dialog = page.getByTestId('action-dialog-create-guided');
    await dialog.getByTestId('vpn-name').fill(name);
    await dialog.getByTestId('vpn-service-router').selectOption(router.id);
    await dialog.getByLabel(`demo-subnet (${subnet.cidr})`).check();
    await dialog.getByTestId('connection-peer-cidrs').fill('192.168.70.0/24');
    await dialog.getByTestId('connection-psk').fill(psk);
    await dialog.getByTestId('connection-peer-address').fill('203.0.113.5');
    await dialog.getByTestId('connection-peer-id').fill('203.0.113.5');
    await expect(dialog.getByTestId('action-cli')).toContainText(`--vpnservice ${name}-service --ikepolicy ${name}-ike --ipsecpolicy ${name}-ipsec --local-endpoint-group ${name}-local --peer-endpoint-group ${name}-peer --psk "$PSK" ${name}`);
    await expectAccessible(page, 'vpn: guided site connection');
    await screenshotDialogBothThemes(page, 'vpn-guided-connection');
    await dialog.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });

    const connection = await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'ipsec', 'site', 'connection', 'show', name]);
    const id = async (noun: readonly string[], objectName: string) => (await openstack<{ ID: string }>('zenith-demo', [...noun, 'show', objectName, '-c', 'ID'])).ID;
    expect(connection).toMatchObject({
      'Peer Address': '203.0.113.5',
      'Pre-shared Key': psk,
      'VPN Service': await id(['vpn', 'service'], `${name}-service`),
      'IKE Policy': await id(['vpn', 'ike', 'policy'], `${name}-ike`),
      'IPSec Policy': await id(['vpn', 'ipsec', 'policy'], `${name}-ipsec`),
      'Local Endpoint Group ID': await id(['vpn', 'endpoint', 'group'], `${name}-local`),
      'Peer Endpoint Group ID': await id(['vpn', 'endpoint', 'group'], `${name}-peer`),
    });
    expect(await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'endpoint', 'group', 'show', `${name}-peer`])).toMatchObject({ Type: 'cidr', Endpoints: ['192.168.70.0/24'] });
    expect(await openstack<Record<string, unknown>>('zenith-demo', ['vpn', 'service', 'show', `${name}-service`])).toMatchObject({ Router: router.id });
    await deleteRow(page, 'site-connections', name);
  } finally {
    for (const noun of nouns) {
      const left = await openstack<{ ID: string; Name: string }[]>('zenith-demo', [...noun, 'list']);
      for (const entry of left.filter((candidate) => candidate.Name.startsWith(prefix))) await openstackDo('zenith-demo', [...noun, 'delete', entry.ID]);
    }
  }
});
