// In-app navigation from cache: back to a list already visited, the page shows its rows at once from the cache
// (refreshing in the background when they are stale), with no loading state and no route-level fallback on the way.
// The side navigation's pages are fetched ahead, so even a first visit waits for no code. Checked on the DOM, as it
// changes, with a server the test creates so the list has a row of its own.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { cleanUp, createServer, uniquePrefix, type CliServer } from '../support/instances';
import { signIn } from '../support/zenith';

const prefix = uniquePrefix('navigation');
let server: CliServer;

test.beforeAll(async () => {
  // The create waits for ACTIVE, and for quota the other specs may hold.
  test.setTimeout(360_000);
  server = await createServer(`${prefix}-listed`);
});
test.afterAll(async () => {
  test.setTimeout(180_000);
  await cleanUp(prefix);
});

const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/**
 * Watches the DOM from now on: every loading state shown (a role=status with a spinner: the list's, the session's,
 * the app's fallback), and whether the instances table, the first time it appears, already has the server's row.
 */
async function watchLoading(page: Page, rowId: string) {
  await page.evaluate((id) => {
    const seen = { loading: [] as string[], tableFirstSeenWithRow: null as boolean | null };
    (window as unknown as { navigationWatch: typeof seen }).navigationWatch = seen;
    new MutationObserver(() => {
      document.querySelectorAll('[role="status"]').forEach((status) => {
        if (status.querySelector('.animate-spin')) seen.loading.push(status.textContent ?? '');
      });
      const table = document.querySelector('[data-testid="instances-table"]');
      if (table && seen.tableFirstSeenWithRow === null) seen.tableFirstSeenWithRow = table.querySelector(`[data-row-id="${id}"]`) !== null;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, rowId);
  return () => page.evaluate(() => (window as unknown as { navigationWatch: { loading: string[]; tableFirstSeenWithRow: boolean | null } }).navigationWatch);
}

test('a page of the side navigation has its code fetched before its first visit, and back to a visited list the rows show from the cache with no loading state', async ({ page, seenResponses }) => {
  // The side navigation's pages are fetched while the browser is idle after the first one: Images' code among them.
  const imagesCodeFetched = page.waitForRequest(/\/assets\/images-page-[\w-]+\.js$/);
  await signIn(page, 'zenith-demo');
  const row = page.locator(`[data-testid="instances-table"] [data-row-id="${server.id}"]`);

  await navLink(page, 'Instances').click();
  await expect(row.getByTestId('server-name')).toHaveText(`${prefix}-listed`);

  await imagesCodeFetched;
  // (The idle prefetch goes on with the next pages meanwhile: only the Images page's own chunk is looked for.)
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await navLink(page, 'Images').click();
  await expect(page.getByTestId('image-name').filter({ hasText: 'cirros-tiny' }).first()).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(scripts.filter((url) => url.includes('/images-page-')), 'fetched again on the first visit').toEqual([]);

  const seen = await watchLoading(page, server.id);
  await navLink(page, 'Instances').click();
  await expect(row.getByTestId('server-name')).toHaveText(`${prefix}-listed`);
  expect(await seen()).toEqual({ loading: [], tableFirstSeenWithRow: true });
  await expect(page).toHaveURL(/\/instances$/);
  await expectAccessible(page, 'instances list, back from images');

  await expectNoTokenInBrowser(page, seenResponses);
});
