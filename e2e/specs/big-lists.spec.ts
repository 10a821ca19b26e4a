// Big lists on the real local cloud, the openstack CLI as witness. Each of the five lists that go up to 1000 rows
// (instances, volumes, images, ports, floating IPs) offers a page of 1000, keeps it in the URL and asks the service
// for it (limit=1001: one row more says whether a next page follows); its rows are the CLI's. Then a page of 1000
// real rows, in a project of the spec's own (demo is made a member; the other specs' project demo stays as it is):
// 1000 images (records without data: Neutron takes about a second per port here, Glance a tenth per image), a
// virtualized table (only the rows in view in the DOM, 1001 rows for assistive technology), moved through with the
// keyboard, Glance's own cap of 1000 paged past, screenshots in both themes, every row deleted in one bulk action.
import type { Page } from '@playwright/test';
import { authenticate, call } from '../../bench/openstack';
import { openstack, openstackDo, projectIdOf } from '../support/cloud';
import { atMost } from '../support/concurrency';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('big');
const bigProject = `${prefix}-project`;
const imageCount = 1000;

interface BigList {
  path: string;
  table: string;
  /** The BFF path of the list's one read. */
  request: string;
  /** `openstack ... list` for the same rows, as the page's API panel gives it. */
  cli: (projectId: string) => string[];
}

const lists: BigList[] = [
  { path: '/instances', table: 'instances-table', request: '/api/os/compute/servers/detail', cli: () => ['server', 'list'] },
  { path: '/volumes', table: 'volumes-table', request: '/api/os/block-storage/volumes/detail', cli: () => ['volume', 'list'] },
  // The page lists every image the project can see, community ones included: `--all`, as its API panel says.
  { path: '/images', table: 'images-table', request: '/api/os/image/v2/images', cli: () => ['image', 'list', '--all'] },
  { path: '/ports', table: 'ports-table', request: '/api/os/network/v2.0/ports', cli: (projectId) => ['port', 'list', '--project', projectId] },
  { path: '/floating-ips', table: 'floating-ips-table', request: '/api/os/network/v2.0/floatingips', cli: (projectId) => ['floating', 'ip', 'list', '--project', projectId] },
];

/** Chooses a page size and returns the list request it caused. */
async function choosePageSize(page: Page, list: BigList, size: string) {
  const request = page.waitForRequest((candidate) => new URL(candidate.url()).pathname === list.request && new URL(candidate.url()).searchParams.get('limit') === String(Number(size) + 1));
  await page.getByTestId(list.table).getByTestId('page-size').selectOption(size);
  return request;
}

test('each big list offers a page of 1000, keeps it in the URL, asks the service for it and shows what the CLI lists', async ({ page, seenResponses }) => {
  const demoId = await projectIdOf('demo');
  await signIn(page, 'zenith-demo');
  for (const list of lists) {
    await page.goto(list.path);
    const table = page.getByTestId(list.table);
    await expect(table.getByTestId('page-size').locator('option')).toHaveText(['10', '20', '50', '100', '200', '500', '1000']);
    await choosePageSize(page, list, '1000');
    await expect(page).toHaveURL(new RegExp(`${list.path}\\?limit=1000$`));
    const cliRows = await openstack<unknown[]>('zenith-demo', list.cli(demoId));
    // A few rows in project demo: a plain table, every row in the DOM.
    await expect(table.getByTestId('table-row')).toHaveCount(cliRows.length);
    // A reload keeps the size: the URL holds it.
    await page.reload();
    await expect(table.getByTestId('page-size')).toHaveValue('1000');
  }
  await expectNoTokenInBrowser(page, seenResponses);
});

test.describe('a page of 1000 images', () => {
  test.describe.configure({ mode: 'serial' });
  let projectId = '';

  /** Every image the project owns, through Glance with the demo user's token in that project. */
  async function ownImages() {
    const demo = await authenticate('zenith-demo', bigProject);
    const found: { id: string }[] = [];
    let next: string | undefined = `/v2/images?owner=${projectId}&limit=1000`;
    while (next) {
      const body: { images: { id: string }[]; next?: string } = await call(demo, 'GET', `${demo.endpoints.image}${next}`);
      found.push(...body.images);
      next = body.next;
    }
    return { demo, found };
  }

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    projectId = (await openstack<{ id: string }>('zenith-admin', ['project', 'create', '--domain', 'default', bigProject])).id;
    await openstackDo('zenith-admin', ['role', 'add', '--user', 'demo', '--user-domain', 'default', '--project', projectId, 'member']);
    // Image records without data (queued): cheap for Glance to make and to delete, unlike 1000 ports or servers.
    const demo = await authenticate('zenith-demo', bigProject);
    const names = Array.from({ length: imageCount }, (_, index) => `big-${String(index).padStart(4, '0')}`);
    await atMost(8, names, (name) => call(demo, 'POST', `${demo.endpoints.image}/v2/images`, { name, disk_format: 'raw', container_format: 'bare' }));
  });

  test.afterAll(async () => {
    test.setTimeout(300_000);
    if (!projectId) return;
    const { demo, found } = await ownImages();
    await atMost(8, found, (image) => call(demo, 'DELETE', `${demo.endpoints.image}/v2/images/${image.id}`));
    await openstackDo('zenith-admin', ['project', 'delete', projectId]);
  });

  test('renders only the rows in view, pages on past Glance’s 1000, moves with the keyboard, and deletes all 1000 in one bulk action', async ({ page, seenResponses }) => {
    test.setTimeout(300_000);
    // The project sees its 1000 images and the cloud's public ones.
    const visible = await openstack<{ Name: string }[]>('zenith-demo', ['image', 'list', '--all'], projectId);
    expect(visible.filter((image) => image.Name.startsWith('big-'))).toHaveLength(imageCount);

    await test.step('sign in to the project', () => signIn(page, 'zenith-demo', bigProject));
    await page.goto('/images?limit=1000&sort=name&dir=asc');
    const table = page.getByTestId('images-table');
    await expect(table.getByRole('table')).toHaveAttribute('aria-rowcount', String(imageCount + 1));
    await expect(table.getByTestId('table-row').first()).toContainText('big-0000');
    // Only the rows in view and some overscan are in the DOM.
    expect(await table.getByTestId('table-row').count()).toBeLessThan(80);
    await test.step('axe and screenshots', async () => {
      await expectAccessible(page, 'a page of 1000 images');
      await screenshotBothThemes(page, 'big-list-images-1000');
    });

    // The arrows move to the same column of the next row; Ctrl+End to the last row, scrolled into view.
    await table.getByRole('checkbox', { name: 'Select big-0000' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(table.getByRole('checkbox', { name: 'Select big-0001' })).toBeFocused();
    await page.keyboard.press('Control+End');
    await expect(table.getByRole('checkbox', { name: 'Select big-0999' })).toBeFocused();
    await expect(page.locator('tr:has(:focus)')).toHaveAttribute('aria-rowindex', String(imageCount + 1));
    await screenshotBothThemes(page, 'big-list-images-1000-end');

    // Glance caps a page at 1000 (limit=1001 answers 1000 and a next link): the next page holds the rest.
    await table.getByTestId('next-page').click();
    await expect(page).toHaveURL(/marker=/);
    await expect(table.getByTestId('table-row')).toHaveCount(visible.length - imageCount);
    await table.getByTestId('previous-page').click();
    await expect(table.getByRole('table')).toHaveAttribute('aria-rowcount', String(imageCount + 1));

    // Every row of the page, rendered or not, is selected and deleted.
    await table.getByRole('checkbox', { name: 'Select every row of this page' }).check();
    await expect(page.getByTestId('bulk-bar')).toContainText(`${imageCount} selected`);
    await page.getByTestId('bulk-delete').click();
    const dialog = page.getByTestId('action-dialog-delete');
    await expect(dialog.getByTestId('action-target')).toHaveCount(imageCount);
    await test.step('delete all of them', async () => {
      await dialog.getByTestId('action-submit').click();
      await expect(dialog.getByTestId('action-target-outcome').filter({ hasText: 'Done' })).toHaveCount(imageCount, { timeout: 240_000 });
    });
    await expect.poll(async () => (await openstack<unknown[]>('zenith-demo', ['image', 'list', '--private'], projectId)).length).toBe(0);
    await expectNoTokenInBrowser(page, seenResponses);
  });
});
