// Load balancers on the local cloud's Octavia (amphora provider, no-op drivers: everything goes ACTIVE without VMs),
// the openstack CLI as witness: the guided create through the UI (an HTTP listener, a round-robin pool of two demo
// instances made with the CLI, picked by their port addresses, an HTTP health monitor), an L7 policy with a rule
// added on the detail page, every part ACTIVE per `loadbalancer status show`; a second listener on port 80 refused
// before sending; then the cascade delete from the detail page.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { localCloud, openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { cleanUp, createServer, uniquePrefix } from '../support/instances';
import { screenshotBothThemes, screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('lb');
const lbName = `${prefix}-web`;
const servers: { name: string; address: string }[] = [];

interface StatusNode {
  id: string;
  provisioning_status: string;
  listeners?: StatusNode[];
  pools?: StatusNode[];
  members?: StatusNode[];
  health_monitor?: StatusNode;
}

/** Every provisioning status of the status tree (`openstack loadbalancer status show`), the load balancer's first. */
function provisioning(node: StatusNode): string[] {
  const children = [...(node.listeners ?? []), ...(node.pools ?? []), ...(node.members ?? []), ...(node.health_monitor ? [node.health_monitor] : [])];
  return [node.provisioning_status, ...children.flatMap(provisioning)];
}

const run = promisify(execFile);

/** `loadbalancer status show` prints its JSON tree itself and refuses `-f json`: run apart from the witness. */
async function statusTree(id: string): Promise<StatusNode> {
  const env = { ...process.env, OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml };
  const { stdout } = await run('openstack', ['--os-cloud', 'zenith-demo', 'loadbalancer', 'status', 'show', id], { env });
  return (JSON.parse(stdout) as { loadbalancer: StatusNode }).loadbalancer;
}

async function loadBalancersNamed(name: string) {
  return openstack<{ id: string; name: string }[]>('zenith-demo', ['loadbalancer', 'list', '--name', name]);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  for (const suffix of ['a', 'b']) {
    const server = await createServer(`${prefix}-${suffix}`);
    const address = Object.values(server.addresses).flat()[0]!;
    servers.push({ name: server.name, address });
  }
});

test.afterAll(async () => {
  for (const lb of await loadBalancersNamed(lbName).catch(() => [])) {
    await openstackDo('zenith-demo', ['loadbalancer', 'delete', '--cascade', '--wait', lb.id]).catch(() => undefined);
  }
  await cleanUp(prefix);
});

async function openPartAction(page: Page, menu: string, actionId: string) {
  await page.getByTestId(menu).first().click();
  await page.getByTestId(`menu-item-${actionId}`).click();
  const dialog = page.getByTestId(`action-dialog-${actionId}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a load balancer made through the guided create, with an L7 policy, all ACTIVE for the CLI; then deleted in cascade', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Load balancers' }).click();
  await page.getByTestId('create-load-balancer').click();

  await page.getByTestId('lb-name').fill(lbName);
  await page.getByTestId('lb-vip-subnet').selectOption({ label: 'demo-net · demo-subnet (10.0.0.0/24)' });
  await page.getByTestId('flow-next').click();
  // An HTTP listener on 80, a round-robin HTTP pool: the defaults.
  await expect(page.getByTestId('listener-protocol')).toHaveValue('HTTP');
  await page.getByTestId('flow-next').click();
  await expect(page.getByTestId('pool-algorithm')).toHaveValue('ROUND_ROBIN');
  await page.getByTestId('flow-next').click();
  for (const [index, server] of servers.entries()) {
    await page.getByTestId('add-member').click();
    await page.getByTestId(`members.${index}.member-instance`).selectOption({ label: `${server.name} · ${server.address}` });
  }
  // An address outside the subnet is refused before anything is sent.
  await page.getByTestId('add-member').click();
  await page.getByTestId('members.2.member-address').fill('192.0.2.10');
  await page.getByTestId('flow-next').click();
  await expect(page.getByText("This address is outside the member's subnet.")).toBeVisible();
  await page.getByTestId('remove-member').nth(2).click();
  await page.getByTestId('flow-next').click();
  await page.getByTestId('monitor-url-path').fill('/health');
  await page.getByTestId('flow-next').click();
  await expect(page.getByTestId('lb-review')).toContainText('Pool HTTP, Round robin, 2 members');
  await expectAccessible(page, 'load balancer create, review');
  await screenshotDialogBothThemes(page, 'load-balancer-create-review');
  await page.getByTestId('flow-create').click();

  await expect(page).toHaveURL(/\/load-balancers\/[0-9a-f-]{36}$/, { timeout: 180_000 });
  const id = page.url().split('/').at(-1)!;
  const listener = page.getByTestId('listener');
  await expect(listener.getByTestId('listener-title')).toContainText('HTTP:80');
  await expect(listener.getByTestId('member-row')).toHaveCount(2);
  await expect(page.getByTestId('lb-status-provisioning')).toHaveAttribute('data-status', 'ACTIVE', { timeout: 60_000 });

  const dialog = await openPartAction(page, 'listener-actions', 'add-l7policy');
  await dialog.getByTestId('l7policy-name').fill(`${prefix}-reject-admin`);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('l7policy')).toBeVisible({ timeout: 60_000 });
  const rule = await openPartAction(page, 'l7policy-actions', 'add-l7rule');
  await rule.getByTestId('l7rule-value').fill('/admin');
  await rule.getByTestId('action-submit').click();
  await expect(rule).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('l7rule')).toContainText('PATH STARTS_WITH /admin', { timeout: 60_000 });
  await expectAccessible(page, 'load balancer detail');
  await screenshotBothThemes(page, 'load-balancer-detail');

  // A second listener on port 80 is refused before sending.
  const second = await openPartAction(page, 'detail-actions', 'add-listener');
  await expect(second.getByTestId('action-invalid')).toHaveText('Another listener of this load balancer already uses this port.');
  await expect(second.getByTestId('action-submit')).toBeDisabled();
  await second.getByRole('button', { name: 'Cancel' }).click();

  // The witness: every part ACTIVE, made as chosen.
  await expect(async () => {
    const statuses = provisioning(await statusTree(id));
    expect(statuses).toHaveLength(1 + 1 + 1 + 2 + 1);
    expect(new Set(statuses)).toEqual(new Set(['ACTIVE']));
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  const [cliListener] = await openstack<{ id: string; protocol: string; protocol_port: number }[]>('zenith-demo', ['loadbalancer', 'listener', 'list', '--loadbalancer', id]);
  expect(cliListener).toMatchObject({ protocol: 'HTTP', protocol_port: 80 });
  const [cliPool] = await openstack<{ id: string; lb_algorithm: string }[]>('zenith-demo', ['loadbalancer', 'pool', 'list', '--loadbalancer', id]);
  expect(cliPool!.lb_algorithm).toBe('ROUND_ROBIN');
  const members = await openstack<{ address: string; protocol_port: number }[]>('zenith-demo', ['loadbalancer', 'member', 'list', cliPool!.id]);
  expect(members.map((member) => member.address).sort()).toEqual(servers.map((server) => server.address).sort());
  const monitor = await openstack<{ type: string; url_path: string; expected_codes: string; delay: number; timeout: number }>('zenith-demo', [
    'loadbalancer',
    'healthmonitor',
    'show',
    (await openstack<{ healthmonitor_id: string }>('zenith-demo', ['loadbalancer', 'pool', 'show', cliPool!.id])).healthmonitor_id,
  ]);
  expect(monitor).toMatchObject({ type: 'HTTP', url_path: '/health', expected_codes: '200', delay: 5, timeout: 3 });
  const policies = await openstack<{ id: string; action: string; provisioning_status: string }[]>('zenith-demo', ['loadbalancer', 'l7policy', 'list', '--listener', cliListener!.id]);
  expect(policies).toHaveLength(1);
  expect(policies[0]).toMatchObject({ action: 'REJECT', provisioning_status: 'ACTIVE' });
  const rules = await openstack<{ type: string; compare_type: string; value: string }[]>('zenith-demo', ['loadbalancer', 'l7rule', 'list', policies[0]!.id]);
  expect(rules).toMatchObject([{ type: 'PATH', compare_type: 'STARTS_WITH', value: '/admin' }]);

  // The cascade delete, with its warning.
  const remove = await openPartAction(page, 'detail-actions', 'delete');
  await expect(remove).toContainText('deleted too (cascade)');
  await remove.getByTestId('action-submit').click();
  await expect(page).toHaveURL(/\/load-balancers$/, { timeout: 60_000 });
  await expect(async () => expect(await loadBalancersNamed(lbName)).toEqual([])).toPass({ timeout: 120_000, intervals: [2_000] });
});

test('a floating IP on the VIP', () => {
  test.skip(true, "Octavia's no-op network driver makes no Neutron port for the VIP (its vip_port_id is unknown to Neutron), so no floating IP can go on it here; the actions are unit-tested (features/load-balancers/actions.test.ts)");
});
