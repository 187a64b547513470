import { defineConfig } from '@playwright/test';

import { sharedConfig } from './e2e/playwright-shared';

/**
 * Ports of their own, so the e2e run never talks to a dev server left running by `npm start`
 * (E2E_BACKEND_PORT and E2E_APP_PORT move them, for two runs side by side).
 */
const backendPort = Number(process.env['E2E_BACKEND_PORT'] ?? 8100);
const appPort = Number(process.env['E2E_APP_PORT'] ?? 4300);
process.env['E2E_BACKEND_PORT'] = String(backendPort);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  // One backend with a shared test clock: tests run one at a time.
  ...sharedConfig(appPort),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: appPort === 4300 ? 'test-results' : `test-results-${appPort}`,
  webServer: [
    {
      command: `node scripts/e2e-backend.mjs ${backendPort}`,
      url: `http://127.0.0.1:${backendPort}/v1/test/health/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/ng serve demo --host 127.0.0.1 --port ${appPort} --proxy-config e2e/proxy.e2e.mjs`,
      url: `http://127.0.0.1:${appPort}`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
