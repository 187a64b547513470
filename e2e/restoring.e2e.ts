import { Page, Route } from '@playwright/test';

import { configure, countRefreshes, expect, signIn, test } from './fixtures';

/**
 * A reload with a session to restore shows the app at once: "Restoring your session…" with
 * progress while the refresh is unanswered, then — after about 3 s — that the server can't be
 * reached, with a Retry that sends the refresh again at once. Nothing here ends the session.
 */

const restoring = (page: Page) => page.getByRole('status').filter({ hasText: 'Restoring your session…' });
const unreachable = (page: Page) => page.getByText("Can't reach the server — retrying");
const retry = (page: Page) => page.getByRole('button', { name: 'Retry' });
const isRefresh = (url: string) => url.endsWith('/v1/auth/refresh/');

/** Signs in and opens Active sessions, the page the reload is to come back to. */
async function onActiveSessions(page: Page): Promise<void> {
  // The policy's own next attempt and timeout are a minute away: within this test only Retry
  // can be what sends a refresh.
  await configure(page, { refreshRetryBaseDelayMs: 60_000, refreshRetryMaxDelayMs: 60_000, refreshTimeoutMs: 60_000 });
  await page.clock.install();
  await signIn(page, { rememberMe: true });
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Active sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Active sessions' })).toBeVisible();
}

async function expectBackOnActiveSessions(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/account\/sessions$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Active sessions' })).toBeVisible();
  // The page's own call went through: the user is signed in.
  await expect(page.getByText('This device', { exact: true })).toBeVisible();
  await expect(restoring(page)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('logout_history'))).toBeNull();
}

test.describe('while the session is restored', () => {
  test('refresh answering 503: shown at once, then "can\'t reach the server"; Retry sends a refresh and the user is back, signed in', async ({
    page,
    backend: _b,
  }) => {
    await onActiveSessions(page);
    let serverBack = false;
    await page.route('**/v1/auth/refresh/', (route: Route) =>
      serverBack
        ? route.continue()
        : route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"unavailable"}' }),
    );
    const refreshes = countRefreshes(page);

    await test.step('the shell renders at once, with progress', async () => {
      await page.reload();
      await expect(restoring(page)).toBeVisible();
      await expect(page.getByRole('progressbar', { name: 'Restoring your session' })).toBeVisible();
      await expect(unreachable(page)).toHaveCount(0);
      await expect(retry(page)).toHaveCount(0);
    });

    await test.step('after 3 s without an answer it says so and offers Retry', async () => {
      const refused = page.waitForResponse((r) => isRefresh(r.url()) && r.status() === 503);
      await page.clock.runFor(3_000);
      await expect(unreachable(page)).toBeVisible();
      await expect(retry(page)).toBeVisible();
      await expect(restoring(page)).toBeVisible();
      await refused;
      expect(refreshes.count).toBe(1);
    });

    await test.step('Retry sends a refresh at once; it succeeds and the page comes back', async () => {
      serverBack = true;
      const sent = page.waitForRequest((r) => isRefresh(r.url()));
      await retry(page).click();
      await sent;
      expect(refreshes.count).toBe(2);
      await expectBackOnActiveSessions(page);
    });
  });

  test('refresh held without an answer: Retry gives it up and sends another, which succeeds', async ({
    page,
    backend: _b,
  }) => {
    await onActiveSessions(page);
    let released = false;
    const held: Route[] = [];
    await page.route('**/v1/auth/refresh/', (route: Route) => (released ? route.continue() : void held.push(route)));
    const refreshes = countRefreshes(page);

    await page.reload();
    await expect(restoring(page)).toBeVisible();
    await page.clock.runFor(3_000);
    await expect(unreachable(page)).toBeVisible();
    await expect.poll(() => held.length).toBe(1);

    released = true;
    const sent = page.waitForRequest((r) => isRefresh(r.url()));
    await retry(page).click();
    await sent;
    expect(refreshes.count).toBe(2);
    await expectBackOnActiveSessions(page);
  });
});
