import { defineConfig } from '@playwright/test';

import { sharedConfig } from '../e2e/playwright-shared';

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
  ...sharedConfig(appPort),
  outputDir: '../test-results-adopter',
});
