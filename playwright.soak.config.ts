import { defineConfig } from '@playwright/test';

import base from './playwright.config';

/**
 * `npm run soak`: a remember-me session lived through 20 simulated days with faults injected.
 * The soak starts the backend itself (e2e/soak.soak.ts), so that it can restart it mid-session;
 * only the app server comes from here.
 */
const servers = Array.isArray(base.webServer) ? base.webServer : [];

export default defineConfig({
  ...base,
  testMatch: '**/*.soak.ts',
  outputDir: `${base.outputDir}-soak`,
  use: { ...base.use, trace: 'off' },
  webServer: servers.filter((server) => server.command.includes('ng serve')),
});
