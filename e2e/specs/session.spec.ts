// Signing in and out, switching project, region, language and theme, on the real local cloud.
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { fillLogin, screenshotBothThemes, signIn, signOut, switchProject, switchRegion } from '../support/zenith';

test('a wrong password shows Keystone’s message and request id, and keeps the form filled', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page, 'login page');
  await screenshotBothThemes(page, 'login');
  await fillLogin(page, { username: 'demo', password: 'not-the-password', project: 'demo' });
  const notice = page.getByTestId('error-notice');
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('error-message')).toHaveText(/requires authentication/);
  await expect(notice.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
  await expect(page.getByLabel('User name')).toHaveValue('demo');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('not-the-password');
  await expect(page.getByLabel('Project', { exact: true })).toHaveValue('demo');
  await expectAccessible(page, 'login page with an error');
  await screenshotBothThemes(page, 'login-error');
});

test('an unknown domain is refused with Keystone’s message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Domain').fill('no-such-domain');
  await fillLogin(page, { username: 'demo', password: 'demo' });
  await expect(page.getByTestId('error-notice')).toBeVisible();
  await expect(page.getByLabel('Domain')).toHaveValue('no-such-domain');
});

test('the overview’s gauges agree with the openstack CLI', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  const quota = await openstack<Record<string, number>>('zenith-demo', ['quota', 'show']);
  const limits = await openstack<{ Name: string; Value: number }[]>('zenith-demo', ['limits', 'show', '--absolute']);
  const absolute = Object.fromEntries(limits.map((limit) => [limit.Name, limit.Value]));

  expect(await page.getByTestId('gauge-compute-instances').getAttribute('data-limit')).toBe(String(quota.instances));
  const pairs: [string, number | undefined, number | undefined][] = [
    ['compute-instances', quota.instances, absolute.totalInstancesUsed],
    ['compute-vcpus', quota.cores, absolute.totalCoresUsed],
    ['compute-ram', quota.ram, absolute.totalRAMUsed],
    ['compute-server-groups', quota['server-groups'], absolute.totalServerGroupsUsed],
    ['network-networks', quota.networks, undefined],
    ['network-subnets', quota.subnets, undefined],
    ['network-ports', quota.ports, undefined],
    ['network-routers', quota.routers, undefined],
    ['network-floating-ips', quota['floating-ips'], undefined],
    ['network-security-groups', quota.secgroups, undefined],
    ['network-security-group-rules', quota['secgroup-rules'], undefined],
    ['block-storage-volumes', quota.volumes, absolute.totalVolumesUsed],
    ['block-storage-snapshots', quota.snapshots, absolute.totalSnapshotsUsed],
    ['block-storage-gigabytes', quota.gigabytes, absolute.totalGigabytesUsed],
  ];
  for (const [id, limit, used] of pairs) {
    const shown = page.getByTestId(`gauge-${id}`);
    await expect(shown, id).toHaveAttribute('data-limit', String(limit));
    if (used !== undefined) await expect(shown, id).toHaveAttribute('data-used', String(used));
  }

  // Usage the CLI counts itself: the seeded demo-net, demo-subnet and demo-router belong to project demo.
  const demo = await projectIdOf('demo');
  const networks = await openstack<unknown[]>('zenith-demo', ['network', 'list', '--project', demo]);
  const routers = await openstack<unknown[]>('zenith-demo', ['router', 'list', '--project', demo]);
  expect(networks.length).toBeGreaterThan(0);
  await expect(page.getByTestId('gauge-network-networks')).toHaveAttribute('data-used', String(networks.length));
  await expect(page.getByTestId('gauge-network-routers')).toHaveAttribute('data-used', String(routers.length));

  await expectAccessible(page, 'overview');
  await screenshotBothThemes(page, 'overview');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('a quota changed with the CLI shows on the overview', async ({ page }) => {
  await openstackDo('zenith-admin', ['quota', 'set', '--key-pairs', '77', 'demo']);
  try {
    await signIn(page, 'zenith-demo');
    await expect(page.getByTestId('gauge-compute-keypairs')).toHaveAttribute('data-limit', '77');
  } finally {
    await openstackDo('zenith-admin', ['quota', 'set', '--key-pairs', '100', 'demo']);
  }
});

test('switching project and region rescopes the session and the overview', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  // The projects demo may scope to, as the CLI lists them (a bench's project demo belongs to is one more).
  const mine = await openstack<{ Name: string }[]>('zenith-demo', ['project', 'list', '--my-projects']);
  const names = mine.map((project) => project.Name).sort((a, b) => a.localeCompare(b));
  expect(names).toEqual(expect.arrayContaining(['demo', 'demo-2']));
  await page.getByTestId('project-switcher').click();
  await expect(page.getByRole('listbox', { name: 'Projects' }).getByRole('option')).toHaveText(names);
  await expectAccessible(page, 'project switcher');
  await screenshotBothThemes(page, 'project-switcher', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('project-switcher').click();
    await expect(page.getByRole('listbox', { name: 'Projects' })).toBeVisible();
  });
  await page.keyboard.press('Escape');

  await switchProject(page, 'demo-2');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByText('Quota usage of project demo-2 in RegionOne.')).toBeVisible();
  // demo-2 has none of demo's seeded networks: the CLI agrees.
  const demo2 = await projectIdOf('demo-2');
  const demo2Networks = await openstack<unknown[]>('zenith-demo', ['network', 'list', '--project', demo2], demo2);
  await expect(page.getByTestId('gauge-network-networks')).toHaveAttribute('data-used', String(demo2Networks.length));

  await switchRegion(page, 'RegionTwo');
  await expect(page.getByText('Quota usage of project demo-2 in RegionTwo.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('current-project')).toHaveText('demo-2');
  await expect(page.getByTestId('region-switcher')).toHaveValue('RegionTwo');
  const session = await page.evaluate(async (): Promise<unknown> => (await fetch('/api/auth/session')).json());
  expect(session).toMatchObject({ project: { name: 'demo-2' }, region: 'RegionTwo' });

  await switchRegion(page, 'RegionOne');
  await switchProject(page, 'demo');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('language and theme follow the user’s choice and survive a reload', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.getByTestId('language-switcher').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Vue d’ensemble' })).toBeVisible();
  await page.getByTestId('theme-switcher').getByRole('radio', { name: 'Sombre' }).check();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vue d’ensemble' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(page, 'overview in French, dark');
  await page.getByTestId('language-switcher').selectOption('en');
  await page.getByTestId('theme-switcher').getByRole('radio', { name: 'Light' }).check();
});

test('a deep link survives the sign-in', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.reload();
  await signInFromLoginPage(page);
  await expect(page).toHaveURL(/\/no\/such\/page$/);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await screenshotBothThemes(page, 'not-found');
});

async function signInFromLoginPage(page: import('@playwright/test').Page) {
  await fillLogin(page, { username: 'demo', password: 'demo', project: 'demo' });
  await expect(page.getByTestId('current-project')).toHaveText('demo');
}

test('signing out revokes the session: the app and its API refuse it afterwards', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');
  await signOut(page);
  await expect(page.getByTestId('login-notice')).toHaveText(/signed out/);
  const afterLogout = await page.evaluate(async () => (await fetch('/api/os/compute/servers')).status);
  expect(afterLogout).toBe(401);
  await page.goto('/');
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expectNoTokenInBrowser(page, seenResponses);
});

test('an ended OpenStack session sends the user to the sign-in page with the reason', async ({ page, context }) => {
  await signIn(page, 'zenith-demo');
  // Another tab signs out: this tab's next API call finds no session.
  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': session.csrfToken } });
  });
  await other.close();
  await page.reload();
  await expect(page.getByTestId('login-form')).toBeVisible();
});
