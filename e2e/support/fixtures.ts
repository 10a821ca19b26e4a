// Fixtures shared by every spec: a page that records every response body the browser receives, so each spec
// can prove no Keystone token ever reached the browser, and an accessibility check per page.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Fernet tokens (Keystone's default) are url-safe base64 starting with version byte 0x80: "gAAAAA". */
const keystoneTokenPattern = /gAAAAA[A-Za-z0-9_-]{20,}/;

export interface SeenResponse {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const test = base.extend<{ seenResponses: SeenResponse[] }>({
  seenResponses: async ({ page }, use) => {
    const seen: SeenResponse[] = [];
    page.on('response', async (response) => {
      const body = await response.text().catch(() => '');
      // A response still arriving when the test closes its page (a route loader's read-ahead, a poll) can no longer
      // give its raw headers; the parsed ones it already has are still scanned.
      const headers = await response.allHeaders().catch(() => response.headers());
      seen.push({ url: response.url(), headers, body });
    });
    await use(seen);
  },
});

export { expect };

/** Asserts that no response, cookie or web storage entry the browser holds contains a Keystone token. */
export async function expectNoTokenInBrowser(page: Page, seen: SeenResponse[]) {
  expect(seen.length).toBeGreaterThan(0);
  for (const response of seen) {
    expect(response.body, `body of ${response.url}`).not.toMatch(keystoneTokenPattern);
    expect(JSON.stringify(response.headers), `headers of ${response.url}`).not.toMatch(keystoneTokenPattern);
    expect(Object.keys(response.headers)).not.toContain('x-subject-token');
    expect(Object.keys(response.headers)).not.toContain('x-auth-token');
  }
  const cookies = await page.context().cookies();
  for (const cookie of cookies) expect(cookie.value, `cookie ${cookie.name}`).not.toMatch(keystoneTokenPattern);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toMatch(keystoneTokenPattern);
}

/** Runs axe-core on the current page: zero serious or critical violations allowed. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${label}`).toEqual([]);
}
