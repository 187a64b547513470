import { defineConfig } from '@playwright/test';

import base from './playwright.config';

/** `npm run soak`: a remember-me session lived through 20 simulated days with faults injected. */
export default defineConfig({
  ...base,
  testMatch: '**/*.soak.ts',
  timeout: 20 * 60_000,
  use: { ...base.use, trace: 'off' },
});
