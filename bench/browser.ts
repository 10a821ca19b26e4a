// The browser every bench measures in: Debian's Chromium as the e2e suite starts it, and one window size and locale,
// so figures from different benches compare.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import playwrightConfig from '../e2e/playwright.config';

export const launchBrowser = (): Promise<Browser> => chromium.launch(playwrightConfig.use?.launchOptions);

export const benchContext = (browser: Browser, baseURL: string): Promise<BrowserContext> =>
  browser.newContext({ baseURL, locale: 'en-US', viewport: { width: 1440, height: 900 } });
