// The search box on the real local cloud, as demo: a network with its subnet, a port with a known MAC and a server
// with a known fixed IP, made with the openstack CLI; the box finds the server by IP, the port by MAC and the network
// by id prefix, each opening its page; once in French. Everything made here is deleted at the end.
import type { Page, Request } from '@playwright/test';
import { openstack, openstackDo } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('search');
const octets = `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
const serverIp = `${octets}.50`;
const mac = `fa:16:3e:${[0, 0, 0].map(() => Math.floor(Math.random() * 256).toString(16).padStart(2, '0')).join(':')}`;
const made = { network: '', subnet: '', port: '', server: '' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  made.network = (await openstack<{ id: string }>('zenith-demo', ['network', 'create', `${prefix}-net`])).id;
  made.subnet = (
    await openstack<{ id: string }>('zenith-demo', ['subnet', 'create', '--network', made.network, '--subnet-range', `${octets}.0/24`, `${prefix}-subnet`])
  ).id;
  made.port = (await openstack<{ id: string }>('zenith-demo', ['port', 'create', '--network', made.network, '--mac-address', mac, `${prefix}-port`])).id;
  // Other specs share the project's instance quota: a create may be refused until they release theirs.
  await expect(async () => {
    made.server = (
      await openstack<{ id: string }>('zenith-demo', [
        'server',
        'create',
        '--flavor',
        'm1.tiny',
        '--image',
        'cirros-tiny',
        '--nic',
        `net-id=${made.network},v4-fixed-ip=${serverIp}`,
        '--wait',
        `${prefix}-vm`,
      ])
    ).id;
  }).toPass({ timeout: 240_000, intervals: [5_000, 10_000, 20_000] });
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  if (made.server) await openstackDo('zenith-demo', ['server', 'delete', '--wait', made.server]).catch(() => undefined);
  if (made.port) await openstackDo('zenith-demo', ['port', 'delete', made.port]).catch(() => undefined);
  if (made.subnet) await openstackDo('zenith-demo', ['subnet', 'delete', made.subnet]).catch(() => undefined);
  if (made.network) await openstackDo('zenith-demo', ['network', 'delete', made.network]).catch(() => undefined);
});

/** Types `text` in the box (opened with Ctrl+K) and waits for its matches; how long they took and the reads made. */
async function search(page: Page, text: string, count: RegExp) {
  await page.keyboard.press('Control+K');
  const box = page.getByTestId('search-input');
  await expect(box).toBeFocused();
  const reads: string[] = [];
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (/^\/api\/(os|everywhere)\//.test(url.pathname) && !url.searchParams.has('all_tenants')) reads.push(`${url.pathname}${url.search}`);
  };
  page.on('request', onRequest);
  const started = Date.now();
  await box.fill(text);
  await expect(page.getByTestId('search-status')).toHaveText(count);
  const elapsed = Date.now() - started;
  page.off('request', onRequest);
  console.log(`search ${JSON.stringify(text)}: ${reads.length} reads, results in ${elapsed} ms\n  ${reads.join('\n  ')}`);
  return box;
}

/** The option of the box's group `type` that shows `text`, made active with the arrows and opened with Enter. */
async function openByKeyboard(page: Page, type: string, text: string) {
  const box = page.getByTestId('search-input');
  const option = page.getByTestId(`search-group-${type}`).getByRole('option').filter({ hasText: text });
  await expect(option).toHaveCount(1);
  const id = await option.getAttribute('id');
  for (let step = 0; step < 20 && (await box.getAttribute('aria-activedescendant')) !== id; step++) await box.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
}

test('finds the server by IP, the port by MAC and the network by id prefix, each opening its page', async ({ page, seenResponses }) => {
  await signIn(page, 'zenith-demo');

  await search(page, serverIp, /^\d+ match/);
  await expect(page.getByTestId('search-group-servers').getByRole('option')).toContainText([`${prefix}-vm`]);
  // The server's port holds the same address: found as a port too.
  await expect(page.getByTestId('search-group-ports')).toContainText(serverIp);
  await expectAccessible(page, 'search box open');
  await screenshotBothThemes(page, 'search-palette', async () => {
    await search(page, serverIp, /^\d+ match/);
  });
  // The theme switch closed the box: searched again (from the cache), then opened by keyboard.
  await page.getByTestId('search-input').fill('');
  await search(page, serverIp, /^\d+ match/);
  await openByKeyboard(page, 'servers', `${prefix}-vm`);
  await expect(page).toHaveURL(new RegExp(`/instances/${made.server}$`));
  await expect(page.getByRole('heading', { name: `${prefix}-vm` })).toBeVisible();

  await search(page, mac.toUpperCase(), /^1 match$/);
  await openByKeyboard(page, 'ports', mac);
  await expect(page).toHaveURL(new RegExp(`/ports/${made.port}$`));

  await search(page, made.network.slice(0, 8), /^\d+ match/);
  await expect(page.getByTestId('search-notes')).toContainText('Searched in your browser');
  await openByKeyboard(page, 'networks', `${prefix}-net`);
  await expect(page).toHaveURL(new RegExp(`/networks/${made.network}$`));
  await expect(page.getByRole('heading', { name: `${prefix}-net` })).toBeVisible();

  // Enter with no option active: the results page, its query in the URL.
  await search(page, serverIp, /^\d+ match/);
  await page.getByTestId('search-input').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${serverIp.replaceAll('.', '\\.')}$`));
  await expect(page.getByRole('main').getByRole('link', { name: `${prefix}-vm` })).toHaveAttribute('href', `/instances/${made.server}`);
  await expectAccessible(page, 'search results page');
  await expectNoTokenInBrowser(page, seenResponses);
});

test('works in French: the network by id prefix, the server by IP across all my projects', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.getByTestId('language-switcher').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await search(page, made.network.slice(0, 8), /^\d+ résultat/);
  await expect(page.getByTestId('search-group-networks')).toContainText(`${prefix}-net`);
  await expect(page.getByTestId('search-notes')).toContainText('Cherché dans votre navigateur');
  await expectAccessible(page, 'search box in French');

  // The toggle re-runs the search in the box: an id prefix no fan-out can filter, so the current project only.
  await page.getByTestId('search-everywhere').check();
  await expect(page.getByTestId('search-notes')).toContainText('Aucun type ne peut être cherché dans tous les projets');
  await page.getByTestId('search-input').focus();
  await search(page, serverIp, /^\d+ résultat/);
  await expect(page.getByTestId('search-notes')).toContainText('Dans tous vos projets et régions');
  await expect(page.getByTestId('search-group-servers')).toContainText(`${prefix}-vm`);
  await page.getByTestId('language-switcher').selectOption('en');
});
