// All my instances on the real local cloud: demo is a member of demo and demo-2, and the catalog has RegionOne and
// RegionTwo (whose endpoints are RegionOne's: each server is listed once per region). Servers are made in both
// projects with the openstack CLI (as demo, scoped by project id) and deleted at the end, with the volume made for the
// volumes tab.
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('everywhere');
const created: { id: string; projectId: string }[] = [];
const createdVolumes: { id: string; projectId: string }[] = [];

test.afterAll(async () => {
  await Promise.all(created.map(({ id, projectId }) => openstackDo('zenith-demo', ['server', 'delete', '--wait', id], projectId).catch(() => undefined)));
  await Promise.all(createdVolumes.map(({ id, projectId }) => openstackDo('zenith-demo', ['volume', 'delete', id], projectId).catch(() => undefined)));
});

/** Other specs' and benches' servers share demo's project: the largest page keeps this spec's rows on the first one. */
async function showManyRows(page: Page, table: string) {
  await expect(page.getByTestId(table).locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('everywhere-progress')).toBeHidden({ timeout: 30_000 });
  const size = page.getByTestId(table).getByTestId('page-size');
  if ((await size.count()) > 0) await size.selectOption('100');
}

const serverStatus = async (id: string, projectId: string) => (await openstack<{ status: string }>('zenith-demo', ['server', 'show', id], projectId)).status;

/** A server without a network (nothing else to clean up), in that project; listed as soon as Nova accepts it. */
async function createServerIn(projectId: string, name: string): Promise<string> {
  let id = '';
  // Other specs share the projects' instance quota: a create may be refused until they release theirs.
  await expect(async () => {
    const server = await openstack<{ id: string }>(
      'zenith-demo',
      ['--os-compute-api-version', '2.79', 'server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros-tiny', '--nic', 'none', name],
      projectId,
    );
    id = server.id;
  }).toPass({ timeout: 180_000, intervals: [5_000, 10_000, 20_000] });
  created.push({ id, projectId });
  return id;
}

test('servers of both of demo’s projects show with their project and region, and open in their own scope', async ({ page, seenResponses }) => {
  const [demo, demo2] = await Promise.all([projectIdOf('demo'), projectIdOf('demo-2')]);
  const [inDemo, inDemo2] = await Promise.all([createServerIn(demo, `${prefix}-a`), createServerIn(demo2, `${prefix}-b`)]);

  await signIn(page, 'zenith-demo');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All my instances' }).click();
  await expect(page).toHaveURL(/\/everywhere$/);
  await showManyRows(page, 'everywhere-table');

  for (const region of ['RegionOne', 'RegionTwo']) {
    const mine = page.locator(`[data-row-id="${region}/${demo}/${inDemo}"]`);
    await expect(mine.getByTestId('server-name')).toHaveText(`${prefix}-a`);
    await expect(mine.getByTestId('server-project')).toHaveText('demo');
    await expect(mine.getByTestId('server-region')).toHaveText(region);
    const other = page.locator(`[data-row-id="${region}/${demo2}/${inDemo2}"]`);
    await expect(other.getByTestId('server-project')).toHaveText('demo-2');
    await expect(other.getByTestId('server-region')).toHaveText(region);
  }
  // Every project × region answered: the progress bar is gone, nothing is in "Not loaded".
  await expect(page.getByTestId('everywhere-progress')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('everywhere-not-loaded')).toBeHidden();
  await expectAccessible(page, 'all my instances');
  await screenshotBothThemes(page, 'everywhere');

  // The filter by project keeps demo-2's rows only.
  await page.getByTestId('filter-project').selectOption(demo2);
  await expect(page.locator(`[data-row-id="RegionOne/${demo}/${inDemo}"]`)).toBeHidden();

  // demo-2's server opens after the session moved to demo-2, as its link says.
  const link = page.locator(`[data-row-id="RegionOne/${demo2}/${inDemo2}"]`).getByTestId('server-name');
  await expect(link).toHaveAttribute('title', 'Opens in project demo-2, RegionOne');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/instances/${inDemo2}$`));
  await expect(page.getByTestId('current-project')).toHaveText('demo-2');
  await expect(page.getByRole('heading', { name: `${prefix}-b` })).toBeVisible();
  await expectNoTokenInBrowser(page, seenResponses);
});

test('stops a demo-2 server from its row while the session works in demo; a demo-2 volume shows on the volumes tab', async ({ page, seenResponses }) => {
  // A server made and started by the CLI, then stopped: Nova takes its time on a busy machine.
  test.setTimeout(300_000);
  const demo2 = await projectIdOf('demo-2');
  const [inDemo2, volume] = await Promise.all([
    createServerIn(demo2, `${prefix}-stop`),
    openstack<{ id: string }>('zenith-demo', ['volume', 'create', '--size', '1', `${prefix}-vol`], demo2),
  ]);
  createdVolumes.push({ id: volume.id, projectId: demo2 });
  // Nova stops only a running server.
  await expect(async () => expect(await serverStatus(inDemo2, demo2)).toBe('ACTIVE')).toPass({ timeout: 180_000, intervals: [2_000] });

  await signIn(page, 'zenith-demo');
  await expect(page.getByTestId('current-project')).toHaveText('demo');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All my instances' }).click();
  await showManyRows(page, 'everywhere-table');
  const row = page.locator(`[data-row-id="RegionOne/${demo2}/${inDemo2}"]`);
  await expect(row.getByTestId('server-name')).toHaveText(`${prefix}-stop`);
  const menu = row.getByRole('button', { name: `Actions for ${prefix}-stop (demo-2, RegionOne)` });
  const stop = page.getByTestId('menu-item-stop');
  // Switching the theme for the screenshots is a click elsewhere, which closes the menu: it is opened again after.
  const openMenu = async () => {
    if (!(await stop.isVisible())) await menu.click();
  };
  await openMenu();
  await expect(stop).toBeVisible();
  await screenshotBothThemes(page, 'everywhere-row-actions', openMenu);
  await openMenu();
  await stop.click();

  // The row is polled in demo-2 until Nova says it stopped; the CLI, in demo-2, sees the same; the session stayed in demo.
  await expect(row.getByText('Stopped')).toBeVisible({ timeout: 120_000 });
  await expect(async () => expect(await serverStatus(inDemo2, demo2)).toBe('SHUTOFF')).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(page.getByTestId('current-project')).toHaveText('demo');
  await expect(page.getByTestId('action-failure')).toHaveCount(0);

  await page.getByTestId('everywhere-tab-volumes').click();
  await expect(page).toHaveURL(/\/everywhere\/volumes$/);
  await showManyRows(page, 'everywhere-volumes-table');
  const volumeRow = page.locator(`[data-row-id="RegionOne/${demo2}/${volume.id}"]`);
  await expect(volumeRow.getByTestId('volume-name')).toHaveText(`${prefix}-vol`);
  await expect(volumeRow.getByTestId('volume-project')).toHaveText('demo-2');
  await expect(volumeRow.getByTestId('volume-region')).toHaveText('RegionOne');
  await expect(page.getByTestId('everywhere-progress')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('everywhere-not-loaded')).toBeHidden();
  await expectAccessible(page, 'all my volumes');
  await screenshotBothThemes(page, 'everywhere-volumes');

  await page.getByTestId('everywhere-tab-floating-ips').click();
  await expect(page.getByRole('heading', { name: 'All my floating IPs' })).toBeVisible();
  await expect(page.getByTestId('everywhere-progress')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('everywhere-not-loaded')).toBeHidden();
  await expectAccessible(page, 'all my floating IPs');
  await screenshotBothThemes(page, 'everywhere-floating-ips');
  await expectNoTokenInBrowser(page, seenResponses);
});
