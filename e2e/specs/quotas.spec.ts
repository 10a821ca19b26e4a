// Quotas as an admin reviews and edits them, on the real local cloud with the openstack CLI as witness: the edit
// reaches Nova and Neutron, the project sees its new limits, the review table orders projects by how close they
// are to a limit, and a non-admin gets no admin page.
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { openstack, openstackDo } from '../support/cloud';
import { gauge, screenshotBothThemes, signIn, signOut } from '../support/zenith';

interface CliQuotas {
  instances: number;
  networks: number;
  cores: number;
}

const showQuotas = (project: string) => openstack<CliQuotas>('zenith-admin', ['quota', 'show', project]);
const showDefaults = () => openstack<Record<string, number>>('zenith-admin', ['quota', 'show', '--class', 'default']);
let original: Record<'demo' | 'demo-2', CliQuotas>;
let originalDefaults: Record<string, number>;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  original = { demo: await showQuotas('demo'), 'demo-2': await showQuotas('demo-2') };
  originalDefaults = await showDefaults();
});
test.afterAll(async () => {
  for (const project of ['demo', 'demo-2'] as const) {
    const { instances, networks, cores } = original[project];
    await openstackDo('zenith-admin', ['quota', 'set', '--instances', String(instances), '--networks', String(networks), '--cores', String(cores), project]);
  }
  const keyPairs = String(originalDefaults['key-pairs']);
  await openstackDo('zenith-admin', ['quota', 'set', '--class', '--key-pairs', keyPairs, '--snapshots', String(originalDefaults.snapshots), 'default']);
});

test("admin edits demo's instance and network quotas; the CLI agrees and demo sees the new limits", async ({ page, seenResponses }) => {
  const instances = original.demo.instances + 3;
  const networks = original.demo.networks + 7;
  await signIn(page, 'zenith-admin');
  await page.getByRole('link', { name: 'Quotas' }).click();
  await expect(page.getByTestId('quota-progress')).toContainText('projects read');
  await page.getByTestId('quota-row').filter({ has: page.getByRole('link', { name: 'demo', exact: true }) }).getByRole('link', { name: 'demo', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Quotas of demo' })).toBeVisible();
  await page.getByTestId('quota-compute-instances').fill(String(instances));
  await page.getByTestId('quota-network-network').fill(String(networks));
  await expect(page.getByTestId('quota-change')).toHaveCount(2);
  await expect(page.getByTestId('cli-command')).toContainText(`openstack quota set --instances ${instances} --networks ${networks} demo`);
  await expectAccessible(page, 'quota edit form with changes');
  await screenshotBothThemes(page, 'quota-edit');
  await page.getByTestId('save-quotas').click();
  await expect(page.getByTestId('quota-saved')).toBeVisible();
  await expect(page.getByTestId('quota-compute-instances')).toHaveValue(String(instances));

  const seen = await showQuotas('demo');
  expect(seen.instances).toBe(instances);
  expect(seen.networks).toBe(networks);
  await expectNoTokenInBrowser(page, seenResponses);

  await signOut(page);
  await signIn(page, 'zenith-demo');
  const instanceGauge = await gauge(page, 'compute-instances');
  expect(instanceGauge.limit).toBe(instances);
  expect((await gauge(page, 'network-networks')).limit).toBe(networks);

  // The launch wizard counts against the new limit: one more than it leaves is refused as typed.
  const left = instances - instanceGauge.used;
  await page.goto('/instances/launch');
  await expect(page.getByTestId('count-quota')).toContainText(`Quota left in this project: ${left} instances`);
  await page.getByLabel('Number of instances').fill(String(left + 1));
  await expect(page.getByText(`Over quota: only ${left} more instance${left === 1 ? '' : 's'} can be launched in this project.`)).toBeVisible();
});

test('a limit below usage is refused by the form until confirmed; bad input is caught before sending', async ({ page }) => {
  await signIn(page, 'zenith-admin');
  const demoId = (await openstack<{ id: string }>('zenith-admin', ['project', 'show', 'demo'])).id;
  await page.goto(`/admin/quotas/${demoId}`);
  const cores = page.getByTestId('quota-compute-cores');
  await cores.fill('2.5');
  await expect(page.getByText('Enter a whole number (-1 for unlimited).')).toBeVisible();
  await expect(page.getByTestId('save-quotas')).toBeDisabled();
  await cores.fill('-7');
  await expect(page.getByText('The lowest value is -1 (unlimited).')).toBeVisible();
  await cores.fill(String(original.demo.cores));
  await expect(page.getByTestId('quota-change')).toHaveCount(0);
  await expect(page.getByTestId('save-quotas')).toBeDisabled();

  // demo has demo-net: no network left is below usage, which only a confirmation (and Nova's --force) allows.
  await page.getByTestId('quota-network-network').fill('0');
  await expect(page.getByTestId('quota-change')).toContainText(/below the \d+ in use/);
  await expect(page.getByTestId('save-quotas')).toBeDisabled();
  await page.getByTestId('confirm-below-usage').check();
  await expect(page.getByTestId('save-quotas')).toBeEnabled();
  await expect(page.getByTestId('cli-command')).toContainText('openstack quota set --networks 0 --force demo');
  expect((await showQuotas('demo')).networks).not.toBe(0);
});

test('the review table puts the project closest to a limit first', async ({ page }) => {
  // demo-2 may launch nothing: an instance limit of 0 is a full quota.
  await openstackDo('zenith-admin', ['quota', 'set', '--instances', '0', 'demo-2']);
  await signIn(page, 'zenith-admin');
  await page.goto('/admin/quotas');
  await expect(page.getByTestId('quota-progress')).toContainText('projects read');
  const demo2 = page.locator('[data-testid="quota-row"][data-project="demo-2"]');
  await expect(demo2.getByTestId('closest')).toHaveText('100 %');
  await expect(demo2.getByTestId('cell-instances')).toHaveAttribute('data-limit', '0');

  const shares = (await page.getByTestId('closest').allTextContents()).map((text) => Number.parseInt(text, 10));
  expect(shares.length).toBeGreaterThanOrEqual(3);
  expect(shares).toEqual([...shares].sort((a, b) => b - a));

  await page.getByTestId('quota-search').fill('demo');
  await expect(page.getByTestId('quota-row')).toHaveCount(2);
  await page.getByTestId('sort-name').click();
  await expect(page.getByTestId('quota-row').first()).toHaveAttribute('data-project', 'demo');
  await page.getByTestId('quota-search').fill('');
  await expectAccessible(page, 'quota review table');
  await screenshotBothThemes(page, 'quota-review');
});

test('a non-admin has no admin page: no entry, and a direct link shows the refusal', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quotas' })).toHaveCount(0);
  await page.goto('/admin/quotas');
  await expect(page.getByTestId('error-notice')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText(/not authorized|forbidden|403/i);
});

test("the defaults: Nova's and Cinder's are edited through their default quota class; Neutron's are read-only", async ({ page }) => {
  const before = originalDefaults;
  await signIn(page, 'zenith-admin');
  await page.goto('/admin/quotas');
  await page.getByTestId('default-quotas').click();
  await expect(page.getByRole('heading', { name: 'Default quotas' })).toBeVisible();
  await expect(page.getByTestId('quota-network-network')).toHaveAttribute('readonly', '');

  const edit = async (keyPairs: number, snapshots: number) => {
    await page.getByTestId('quota-compute-key_pairs').fill(String(keyPairs));
    await page.getByTestId('quota-block-storage-snapshots').fill(String(snapshots));
    await expect(page.getByTestId('cli-command')).toContainText(`openstack quota set --class --key-pairs ${keyPairs} --snapshots ${snapshots} default`);
    await page.getByTestId('save-quotas').click();
    await expect(page.getByTestId('quota-saved')).toBeVisible();
  };
  await edit(before['key-pairs']! + 1, before.snapshots! + 2);
  await expectAccessible(page, 'default quotas');
  const changed = await showDefaults();
  expect([changed['key-pairs'], changed.snapshots]).toEqual([before['key-pairs']! + 1, before.snapshots! + 2]);

  await edit(before['key-pairs']!, before.snapshots!);
  const restored = await showDefaults();
  expect([restored['key-pairs'], restored.snapshots]).toEqual([before['key-pairs'], before.snapshots]);
});
