// Page helpers for Zenith's shell, written against its accessible names and test ids.
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { localCloud, type CloudName } from './cloud';

const screenshotDir = new URL('../artifacts/screenshots/', import.meta.url).pathname;
mkdirSync(screenshotDir, { recursive: true });

export type Theme = 'light' | 'dark';

export async function fillLogin(page: Page, credentials: { username: string; password: string; project?: string }) {
  await page.getByLabel('User name').fill(credentials.username);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByLabel('Project', { exact: true }).fill(credentials.project ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in as one of the local cloud's seeded users and waits for the shell. */
export async function signIn(page: Page, cloud: CloudName, project?: string) {
  const login = localCloud.login(cloud);
  await page.goto('/');
  await fillLogin(page, { username: login.username, password: login.password, project: project ?? login.project });
  await expect(page.getByTestId('current-project')).toHaveText(project ?? login.project);
}

export async function setTheme(page: Page, theme: Theme) {
  await page.getByTestId('theme-switcher').getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b).*$/);
}

/**
 * A full-page screenshot: the shell scrolls its main pane, not the document, so `fullPage` alone would cut a long
 * page at the window's height. The window is made as tall as the pane's content for the capture (up to 4000 px).
 */
// Screenshots are for people to look at (a page changed, the README's images), not checks: `npm test` skips them
// unless ZENITH_SCREENSHOTS=1 (they cost about a second each, two per call, a hundred calls).
const screenshotsWanted = process.env.ZENITH_SCREENSHOTS === '1';

async function capture(page: Page, path: string) {
  if (!screenshotsWanted) return;
  const viewport = page.viewportSize();
  const needed = await page.evaluate(() => {
    const main = document.getElementById('main');
    return main ? Math.ceil(main.getBoundingClientRect().top + main.scrollHeight) : document.documentElement.scrollHeight;
  });
  const tall = viewport && needed > viewport.height;
  if (tall) await page.setViewportSize({ width: viewport.width, height: Math.min(needed, 4000) });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  if (tall) await page.setViewportSize(viewport);
}

/**
 * Saves a full-page screenshot of the current page in both themes, as a test artifact. Switching the theme is a
 * click elsewhere on the page, which closes popovers: `reopen` puts the page back in the state to capture.
 */
export async function screenshotBothThemes(page: Page, name: string, reopen?: () => Promise<void>) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await reopen?.();
    // Theme changes animate colours: finish the transitions before capturing.
    await capture(page, `${screenshotDir}${name}-${theme}.png`);
  }
  await setTheme(page, 'light');
}

/** Applies a theme the way another tab would (the stored preference and its storage event). */
async function applyThemeFromStorage(page: Page, theme: Theme) {
  await page.evaluate((value) => {
    localStorage.setItem('zenith.theme', value);
    window.dispatchEvent(new StorageEvent('storage', { key: 'zenith.theme', newValue: value }));
  }, theme);
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b).*$/);
}

/**
 * Screenshots with a modal dialog open, in both themes: the theme switcher is out of reach behind the modal, so
 * the theme changes through storage, and the dialog stays open with what was typed in it.
 */
export async function screenshotDialogBothThemes(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await applyThemeFromStorage(page, theme);
    await capture(page, `${screenshotDir}${name}-${theme}.png`);
  }
  await applyThemeFromStorage(page, 'light');
}

export async function switchProject(page: Page, name: string) {
  await page.getByTestId('project-switcher').click();
  await page.getByRole('combobox', { name: 'Search projects' }).fill(name);
  await page.getByRole('listbox', { name: 'Projects' }).getByRole('option', { name, exact: true }).click();
  await expect(page.getByTestId('current-project')).toHaveText(name);
}

export async function switchRegion(page: Page, region: string) {
  await page.getByTestId('region-switcher').selectOption(region);
  await expect(page.getByTestId('region-switcher')).toHaveValue(region);
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

/** The raw numbers of one overview gauge (-1 = unlimited), as the API returned them. */
export async function gauge(page: Page, id: string) {
  const element = page.getByTestId(`gauge-${id}`);
  await expect(element).toHaveAttribute('data-limit', /-?\d+/);
  return {
    used: Number(await element.getAttribute('data-used')),
    limit: Number(await element.getAttribute('data-limit')),
  };
}
