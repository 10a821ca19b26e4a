import { defineConfig } from '@playwright/test';
import { localCloud } from './support/cloud';

const port = Number(process.env.ZENITH_E2E_PORT ?? 8181);
const artifacts = new URL('./artifacts/', import.meta.url).pathname;

export default defineConfig({
  testDir: './specs',
  outputDir: `${artifacts}test-results`,
  // One cloud, one BFF: the specs change shared state (scope, quotas), so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: `${artifacts}report` }],
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as ['json']] : []),
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-US',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node server/dist/index.js',
    cwd: new URL('..', import.meta.url).pathname,
    url: `http://127.0.0.1:${port}/api/auth/session`,
    // Playwright counts the 401 of /api/auth/session (no session yet) as "the BFF is up".
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      ZENITH_PORT: String(port),
      ZENITH_HOST: '127.0.0.1',
      ZENITH_STATE_DIR: `${artifacts}bff-state`,
      OS_CLIENT_CONFIG_FILE: localCloud.cloudsYaml,
      OS_CLOUD: 'zenith-demo',
      ZENITH_LOG_LEVEL: 'warn',
    },
  },
});
