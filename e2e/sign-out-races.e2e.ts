import { Route } from '@playwright/test';

import { configure, expect, signIn, test } from './fixtures';

/** A sign-out is final in this browser: nothing already under way can undo it. */

test('a refresh answered after the user signed out does not sign them back in', async ({ page, backend }) => {
  await configure(page, { logoutAlertDelayMs: 60_000 });
  await page.clock.install();
  await backend.setLifetimes({ access_token_lifetime: 120 });
  await signIn(page, { rememberMe: true });

  // The proactive refresh reaches the server (which rotates the cookie), but its answer is late.
  let held!: () => void;
  const answerLate = new Promise<void>((resolve) => (held = resolve));
  let refreshAtServer!: () => void;
  const reachedServer = new Promise<void>((resolve) => (refreshAtServer = resolve));
  await page.route('**/v1/auth/refresh/', async (route: Route) => {
    const response = await route.fetch();
    refreshAtServer();
    await answerLate;
    await route.fulfill({ response });
  });
  await backend.advanceClock(90);
  await page.clock.runFor(90_000);
  await reachedServer;

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('region', { name: 'Why you were signed out' })).toHaveAttribute('data-type', 'USER_INITIATED');
  const answered = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/v1/auth/refresh/'));
  held();
  await answered;
  await page.clock.runFor(1_000);

  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('auth-storage') ?? '{}').user ?? null)).toBeNull();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { name: /Welcome/ })).toHaveCount(0);
  await page.unroute('**/v1/auth/refresh/');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toHaveCount(0);
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem('logout_history') ?? '[]'));
  expect(history.map((r: { type: string }) => r.type)).toEqual(['USER_INITIATED']);
});
