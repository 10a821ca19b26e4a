// List → detail → action by keyboard alone, on the real local cloud: `g i` to the instances, `/` to the filter, a
// server made by the CLI found by name, Tab to its link, Enter, the action menu opened and Stop chosen with the arrow
// keys; the success notice says so, and the CLI sees the server stopped (then started again, the same way). `?` lists
// the shortcuts.
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { cleanUp, createServer, expectSettled, showServer, uniquePrefix, type CliServer } from '../support/instances';
import { screenshotDialogBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('keyboard');
let server: CliServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  server = await createServer(`${prefix}-vm`);
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  await cleanUp(prefix);
});

/** Presses Tab until `target` has the focus (the way a keyboard user walks a page). */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${most} presses of Tab never reached the element`);
}

/** Opens the detail page's action menu from the keyboard and runs an action that needs no dialog. */
async function runFromMenu(page: Page, actionId: string) {
  await tabTo(page, page.getByTestId('detail-actions'));
  await page.keyboard.press('ArrowDown');
  const item = page.getByTestId(`menu-item-${actionId}`);
  for (let presses = 0; presses < 30 && !(await item.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
}

async function expectCliStatus(status: string) {
  await expect(async () => expect((await showServer(server.id)).status).toBe(status)).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
}

test('list → detail → action by keyboard alone, with a success notice and the CLI as witness', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'zenith-demo');
  // Out of any field: the shortcuts are for the page, not for what the user types.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/\/instances$/);
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  const nameFilter = page.getByTestId('filter-name');
  await expect(nameFilter).toBeFocused();
  await page.keyboard.type(server.name);
  await page.keyboard.press('Enter');
  const link = page.locator(`[data-row-id="${server.id}"]`).getByRole('link', { name: server.name });
  await expect(link).toBeVisible();

  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/instances/${server.id}$`));
  await expectSettled(page, 'ACTIVE');

  await runFromMenu(page, 'stop');
  const notice = page.getByTestId('success-notices').getByTestId('success-notice');
  await expect(notice).toContainText(`Stopped ${server.name}.`);
  // Run from the server's own page: no link to where the user already is (from the list, it links to the server).
  await expect(notice.getByRole('link')).toHaveCount(0);
  // Held while hovered, for the screenshots (it hides by itself after a few seconds).
  await notice.hover();
  await screenshotDialogBothThemes(page, 'success-notice');
  await expectCliStatus('SHUTOFF');
  await expectSettled(page, 'SHUTOFF');

  // Dismissed from the keyboard too: its close button is in the tab order.
  await page.mouse.move(0, 0);
  await tabTo(page, notice.getByTestId('success-notice-dismiss'));
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);

  await runFromMenu(page, 'start');
  await expect(notice).toContainText(`Started ${server.name}.`);
  await expectCliStatus('ACTIVE');
  await expectSettled(page, 'ACTIVE');
});

test('? lists the shortcuts; Escape closes the list', async ({ page }) => {
  await signIn(page, 'zenith-demo');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('shortcut').filter({ hasText: 'Go to Instances' })).toContainText('gtheni');
  await expectAccessible(page, 'keyboard shortcuts');
  await screenshotDialogBothThemes(page, 'keyboard-shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
