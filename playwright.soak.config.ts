import { defineConfig } from '@playwright/test';

import base from './playwright.config';

/**
 * `npm run soak`: a remember-me session lived through 20 simulated days with faults injected.
 * The soak starts the backend itself (e2e/soak.soak.ts), so that it can restart it mid-session;
 * only the app server comes from here (on E2E_APP_PORT, the backend on E2E_BACKEND_PORT, as for
 * the e2e suite). Every action and navigation has a timeout: a soak that meets something it did
 * not expect (a tab signed out, a button gone) fails in seconds instead of waiting for ever.
 */
const servers = Array.isArray(base.webServer) ? base.webServer : [];

export default defineConfig({
  ...base,
  testMatch: '**/*.soak.ts',
  outputDir: `${base.outputDir}-soak`,
  use: { ...base.use, trace: 'off', actionTimeout: 15_000, navigationTimeout: 30_000 },
  webServer: servers.filter((server) => server.command.includes('ng serve')),
});
