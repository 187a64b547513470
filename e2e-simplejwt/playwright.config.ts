import { defineConfig } from '@playwright/test';

import { sharedConfig } from '../e2e/playwright-shared';

/**
 * The demo app against two Django projects on djangorestframework-simplejwt made from scratch
 * (make_projects.py): one with Logout Lens's contrib views, one stock. Ports of their own
 * (SIMPLEJWT_E2E_PORT moves them all), so this suite runs beside the main e2e suite.
 */
const base = Number(process.env['SIMPLEJWT_E2E_PORT'] ?? 8170);
const [routerPort, contribPort, stockPort, appPort] = [base, base + 1, base + 2, base - 3800];
process.env['SIMPLEJWT_ROUTER_PORT'] = String(routerPort);
process.env['SIMPLEJWT_CONTRIB_PORT'] = String(contribPort);
process.env['SIMPLEJWT_STOCK_PORT'] = String(stockPort);
// ng serve's e2e proxy sends /v1 to the router.
process.env['E2E_BACKEND_PORT'] = String(routerPort);

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  // The projects' clocks are shared: tests run one at a time.
  ...sharedConfig(appPort),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../test-results-simplejwt',
  webServer: [
    {
      command: `node e2e-simplejwt/servers.mjs ${routerPort} ${contribPort} ${stockPort}`,
      cwd: '..',
      url: `http://127.0.0.1:${routerPort}/v1/test/health/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/ng serve demo --host 127.0.0.1 --port ${appPort} --proxy-config e2e/proxy.e2e.mjs`,
      cwd: '..',
      url: `http://127.0.0.1:${appPort}`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
