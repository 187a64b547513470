import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * What every Playwright suite of the project shares: one test at a time (each suite has one
 * backend with a shared test clock), no retries, no `.only`, and Debian's Chromium with a trace
 * and a screenshot kept for a failure.
 */
export function sharedConfig(appPort: number): Pick<PlaywrightTestConfig, 'workers' | 'fullyParallel' | 'forbidOnly' | 'retries' | 'use'> {
  return {
    workers: 1,
    fullyParallel: false,
    forbidOnly: true,
    retries: 0,
    use: {
      baseURL: `http://127.0.0.1:${appPort}`,
      trace: 'retain-on-failure',
      screenshot: 'only-on-failure',
      launchOptions: {
        executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
        args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    },
  };
}
