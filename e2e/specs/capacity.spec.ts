// The admin's capacity page on the real local cloud, the openstack CLI as witness: each compute host's vCPU, RAM
// and disk as Placement counts them, the availability zones, and a host aggregate made with the CLI.
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { cleanUp, createServer, uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn } from '../support/zenith';

const aggregate = uniquePrefix('cap');
let host = '';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  const hypervisors = await openstack<{ 'Hypervisor Hostname': string }[]>('zenith-admin', ['hypervisor', 'list']);
  host = hypervisors[0]!['Hypervisor Hostname'];
  await openstackDo('zenith-admin', ['aggregate', 'create', '--property', 'purpose=e2e', aggregate]);
  await openstackDo('zenith-admin', ['aggregate', 'add', 'host', aggregate, host]);
});
test.afterAll(async () => {
  await openstackDo('zenith-admin', ['aggregate', 'remove', 'host', aggregate, host]).catch(() => undefined);
  await openstackDo('zenith-admin', ['aggregate', 'delete', aggregate]).catch(() => undefined);
});

test("each host's capacity and usage are Placement's; zones and aggregates are listed", async ({ page }) => {
  const [provider] = await openstack<{ uuid: string }[]>('zenith-admin', ['resource', 'provider', 'list', '--name', host]);
  const inventories = await openstack<{ resource_class: string; total: number; reserved: number; allocation_ratio: number }[]>('zenith-admin', ['resource', 'provider', 'inventory', 'list', provider!.uuid]);
  const vcpu = inventories.find((inventory) => inventory.resource_class === 'VCPU')!;

  await signIn(page, 'zenith-admin');
  await page.getByRole('link', { name: 'Capacity' }).click();
  const row = page.locator(`[data-testid="host-row"][data-host="${host}"]`);
  await expect(row.getByTestId('host-VCPU')).toHaveAttribute('data-limit', String(Math.floor((vcpu.total - vcpu.reserved) * vcpu.allocation_ratio)));
  const usages = await openstack<{ resource_class: string; usage: number }[]>('zenith-admin', ['resource', 'provider', 'usage', 'show', provider!.uuid]);
  await expect(row.getByTestId('host-MEMORY_MB')).toHaveAttribute('data-used', String(usages.find((usage) => usage.resource_class === 'MEMORY_MB')!.usage));

  await expect(page.locator('[data-testid="zone-row"][data-service="compute"][data-zone="nova"]')).toContainText(host);
  const aggregateRow = page.locator(`[data-testid="aggregate-row"][data-aggregate="${aggregate}"]`);
  await expect(aggregateRow).toContainText(host);
  await expect(aggregateRow).toContainText('purpose=e2e');
  await expectAccessible(page, 'capacity');
  await screenshotBothThemes(page, 'capacity');
});

test("all instances: every project's, with its project's name and its compute host", async ({ page }) => {
  const name = `${aggregate}-vm`;
  try {
    const server = await createServer(name);
    const shown = await openstack<Record<string, string>>('zenith-admin', ['server', 'show', server.id]);
    await signIn(page, 'zenith-admin');
    await page.getByRole('link', { name: 'All instances' }).click();
    await page.getByTestId('filter-name').fill(name);
    await page.getByTestId('filter-name').press('Enter');
    await expect(page).toHaveURL(new RegExp(`name=${name}`));
    const row = page.getByTestId('all-instances-table').getByTestId('table-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('server-project')).toHaveText('demo');
    await expect(row.getByTestId('server-host')).toHaveText(shown['OS-EXT-SRV-ATTR:host']!);
    await expectAccessible(page, 'all instances');
    await screenshotBothThemes(page, 'admin-instances');
  } finally {
    await cleanUp(name);
  }
});

test('a non-admin has no capacity page in the navigation', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Capacity' })).toHaveCount(0);
});
