import { defineConfig } from '@playwright/test';

/**
 * The Angular adopter test's browser half: a fresh `ng new` app with @logout-lens/angular from its
 * tarball, served on ADOPTER_APP_PORT (/v1 proxied to the e2e backend on ADOPTER_BACKEND_PORT).
 * scripts/angular-adopter.mjs builds the app and starts both servers before it runs this.
 */
const appPort = Number(process.env['ADOPTER_APP_PORT'] ?? 4380);

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  // One backend with a shared test clock: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  outputDir: '../test-results-adopter',
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
