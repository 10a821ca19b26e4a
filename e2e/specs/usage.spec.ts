// Nova's usage report through Zenith, the openstack CLI as witness: the project's totals for today agree with
// `openstack usage show`, the CSV holds every server, and an admin's all-projects report agrees with `usage list`.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { openstack, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, test } from '../support/fixtures';
import { screenshotBothThemes, signIn } from '../support/zenith';

interface CliUsage {
  Servers: { hours: number; state: string; vcpus: number }[] | '';
  'CPU Hours': number | '';
  'RAM MB-Hours': number | '';
  'Disk GB-Hours': number | '';
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const period = { start: day(0), end: day(1) };

async function showPeriod(page: Page) {
  await page.getByTestId('period-start').fill(period.start);
  await page.getByTestId('period-end').fill(period.end);
  await page.getByTestId('period-apply').click();
  await expect(page).toHaveURL(new RegExp(`start=${period.start}&end=${period.end}`));
}

async function figure(page: Page, id: string): Promise<number> {
  const element = page.getByTestId(`total-${id}`);
  await expect(element).toHaveAttribute('data-value', /\d/);
  return Number(await element.getAttribute('data-value'));
}

/**
 * The report ends at "now": a server still running adds to it between the page's read and the CLI's, so the
 * figures agree to within what the running servers add in a minute.
 */
function tolerance(usage: CliUsage): number {
  const running = usage.Servers === '' ? [] : usage.Servers.filter((server) => server.state !== 'terminated');
  return 0.01 + running.reduce((sum, server) => sum + server.vcpus, 0) / 60;
}

test("the project's usage today agrees with openstack usage show, and its CSV holds every server", async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.getByRole('link', { name: 'Usage', exact: true }).click();
  await showPeriod(page);
  const ui = { vcpuHours: await figure(page, 'vcpuHours'), ramGbHours: await figure(page, 'ramGbHours'), diskGbHours: await figure(page, 'diskGbHours') };
  const cli = await openstack<CliUsage>('zenith-demo', ['usage', 'show', '--start', period.start, '--end', period.end]);
  const servers = cli.Servers === '' ? [] : cli.Servers;
  expect(servers.length).toBeGreaterThan(0);
  const slack = tolerance(cli);
  expect(Math.abs(ui.vcpuHours - Number(cli['CPU Hours']))).toBeLessThan(slack);
  expect(Math.abs(ui.ramGbHours - Number(cli['RAM MB-Hours']) / 1024)).toBeLessThan(slack * 2);
  expect(Math.abs(ui.diskGbHours - Number(cli['Disk GB-Hours']))).toBeLessThan(slack * 20);
  await expect(page.getByTestId('usage-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('usage-table').getByTestId('table-row')).toHaveCount(Math.min(20, servers.length));

  const download = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('instance_id,name,flavor,vcpus,ram_mb,disk_gb,state,started_at,ended_at,hours,vcpu_hours,ram_gb_hours,disk_gb_hours');
  expect(lines.length - 1).toBeGreaterThanOrEqual(servers.length);

  await expectAccessible(page, 'usage report');
  await screenshotBothThemes(page, 'usage');
});

test('a period ending before it starts is refused before any request', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.goto('/usage');
  await page.getByTestId('period-start').fill(day(1));
  await page.getByTestId('period-end').fill(day(0));
  await expect(page.getByText('The end must come after the start.')).toBeVisible();
  await expect(page.getByTestId('period-apply')).toBeDisabled();
});

test("an admin's report of every project agrees with openstack usage list", async ({ page }) => {
  await signIn(page, 'zenith-admin');
  await page.getByRole('link', { name: 'Usage, all projects' }).click();
  await showPeriod(page);
  const demoRow = page.getByTestId('all-usage-table').getByTestId('table-row').filter({ hasText: /^demo/ }).first();
  await expect(demoRow).toBeVisible();
  const uiVcpuHours = Number((await demoRow.getByTestId('project-vcpuHours').textContent())!.replace(/[^\d.]/g, ''));
  const list = await openstack<{ Project: string; 'CPU Hours': number }[]>('zenith-admin', ['usage', 'list', '--start', period.start, '--end', period.end]);
  // With -f json the CLI names projects by id.
  const demoId = await projectIdOf('demo');
  const cliDemo = list.find((row) => row.Project === demoId);
  expect(cliDemo).toBeDefined();
  const demoUsage = await openstack<CliUsage>('zenith-demo', ['usage', 'show', '--start', period.start, '--end', period.end]);
  // The table shows two decimals.
  expect(Math.abs(uiVcpuHours - Number(cliDemo!['CPU Hours']))).toBeLessThan(tolerance(demoUsage) + 0.01);
  await expectAccessible(page, 'usage of every project');
  await screenshotBothThemes(page, 'usage-all-projects');
});
