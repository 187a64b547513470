import { Page } from '@playwright/test';

import {
  Backend,
  DEMO_USER,
  configure,
  countRefreshes,
  deviceId,
  expect,
  sessionId,
  signIn,
  test,
  tryApi,
} from './fixtures';

/**
 * The invariant: no path takes a signed-in tab to the sign-in page without a sign-out record
 * (`logout_history`), a dialog or banner saying why, and an event (posted to logout-event/ or
 * waiting in the outbox). Each test below walks one such path.
 */

const MINUTE = 60_000;

interface Expected {
  type: string;
  device: string;
  /** The session that ended, when the record must name it. */
  session?: string;
  /** Whether the sign-out was made in another tab (which reports the event itself). */
  fromOtherTab?: boolean;
}

async function expectSignedOutExplained(page: Page, backend: Backend, expected: Expected): Promise<void> {
  const { type, device } = expected;
  const banner = page.getByRole('region', { name: 'Why you were signed out' });

  await test.step('a dialog or the banner says why, on the sign-in page', async () => {
    const dialog = page.getByRole('dialog').filter({ hasText: `Reason code: ${type}` });
    await expect(dialog.or(banner).first()).toBeVisible();
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Sign in again' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await expect(banner).toHaveAttribute('data-type', type);
  });

  await test.step('logout_history holds the record', async () => {
    const history: Record<string, unknown>[] = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('logout_history') ?? '[]'),
    );
    const record = history.filter((r) => r['from_other_tab'] === (expected.fromOtherTab ?? false)).at(-1);
    expect(record).toMatchObject({ type, device_id: device });
    if (expected.session) expect(record).toMatchObject({ session_id: expected.session });
    expect(JSON.stringify(history)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  await test.step('the event reached the backend or waits in the outbox', async () => {
    const queued = () =>
      page.evaluate(
        (t) => JSON.parse(localStorage.getItem('logout_event_queue') ?? '[]').some((e: { type: string }) => e.type === t),
        type,
      );
    const posted = async () =>
      (await backend.auditEvents({ type, device_id: device })).some((e) => e.source === 'client');
    await expect.poll(async () => (await posted()) || (await queued())).toBe(true);
  });
}

test.describe('every path to the sign-in page is recorded, explained and reported', () => {
  test.beforeEach(async ({ page }) => {
    await configure(page, { logoutAlertDelayMs: 60_000 });
  });

  test('sign-out from the menu', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expectSignedOutExplained(page, backend, { type: 'USER_INITIATED', device });
  });

  test('reload after the session was ended on the server', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const [device, session] = [await deviceId(page), await sessionId(page)];
    const token = await backend.accessTokenFor(DEMO_USER);
    const revoke = await backend.api.delete(`/v1/auth/sessions/${session}/`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(revoke.status()).toBe(204);

    await page.reload();
    await expectSignedOutExplained(page, backend, { type: 'SESSION_REVOKED', device, session });
  });

  test('reload with the client clock 10 min ahead, after the session expired on the server', async ({
    page,
    backend,
  }) => {
    await backend.setLifetimes({ refresh_token_lifetime: 300 });
    await page.clock.install({ time: Date.now() + 10 * MINUTE });
    await signIn(page, { rememberMe: false });
    const [device, session] = [await deviceId(page), await sessionId(page)];
    const refreshes = countRefreshes(page);

    await backend.advanceClock(301);
    await page.reload();
    await expectSignedOutExplained(page, backend, { type: 'TOKEN_EXPIRED', device, session });
    expect(refreshes.count).toBe(1);
  });

  for (const [code, type] of [
    ['refresh_expired', 'TOKEN_EXPIRED'],
    ['refresh_revoked', 'SESSION_REVOKED'],
    ['refresh_reused', 'TOKEN_REUSE_DETECTED'],
    ['password_changed', 'PASSWORD_CHANGED'],
    ['account_disabled', 'ACCOUNT_DISABLED'],
    ['refresh_missing', 'REFRESH_FAILED'],
  ] as const) {
    test(`a refresh answered 401 ${code}`, async ({ page, backend }) => {
      await backend.setLifetimes({ access_token_lifetime: 60 });
      await page.clock.install();
      await signIn(page, { rememberMe: true });
      const [device, session] = [await deviceId(page), await sessionId(page)];
      await page.route('**/v1/auth/refresh/', (route) =>
        route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ code }) }),
      );

      // The proactive refresh comes due a little before the access token's minute is up.
      await backend.advanceClock(55);
      await page.clock.runFor(55_000);
      await expectSignedOutExplained(page, backend, { type, device, session });
    });
  }

  test('sign-out in another tab', async ({ page, context, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    const other = await context.newPage();
    await other.goto('/');
    await expect(other.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expectSignedOutExplained(other, backend, { type: 'USER_INITIATED', device, fromOtherTab: true });
  });

  test('AUTH_ERROR: a 401 a refresh cannot cure', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const [device, session] = [await deviceId(page), await sessionId(page)];
    await page.route('**/v1/demo/data/', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"token_not_valid"}' }),
    );
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await expectSignedOutExplained(page, backend, { type: 'AUTH_ERROR', device, session });
  });

  test('idle timeout, with the policy on', async ({ page, backend }) => {
    await configure(page, { idleTimeoutMinutes: 2, idleWarningSeconds: 30, logoutAlertDelayMs: 60_000 });
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const [device, session] = [await deviceId(page), await sessionId(page)];

    await page.clock.runFor(2 * MINUTE + 5_000);
    await expectSignedOutExplained(page, backend, { type: 'IDLE_TIMEOUT', device, session });
  });

  test('a guarded page opened with auth-storage left from a session whose cookie is gone', async ({
    page,
    context,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const [device, session] = [await deviceId(page), await sessionId(page)];
    await context.clearCookies();

    await page.goto('/account/sessions');
    await expectSignedOutExplained(page, backend, { type: 'REFRESH_FAILED', device, session });
  });

  test('a guarded page opened with auth-storage whose stored expiry has passed (the browser dropped the cookie)', async ({
    page,
    context,
    backend,
  }) => {
    await signIn(page, { rememberMe: false });
    const [device, session] = [await deviceId(page), await sessionId(page)];
    // What a week away leaves: the cookie's Max-Age ran out, auth-storage still names the session.
    await context.clearCookies();
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('auth-storage')!);
      localStorage.setItem('auth-storage', JSON.stringify({ ...stored, refresh_expires_at: Date.now() - 60_000 }));
    });

    await page.goto('/');
    await expectSignedOutExplained(page, backend, { type: 'TOKEN_EXPIRED', device, session });
  });
});

test('reload with 5 min left and the client clock 10 min ahead keeps the user signed in, with one refresh', async ({
  page,
  backend,
}) => {
  await backend.setLifetimes({ refresh_token_lifetime: 300 });
  await page.clock.install({ time: Date.now() + 10 * MINUTE });
  await signIn(page, { rememberMe: false });
  const refreshes = countRefreshes(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
  await expect.poll(() => refreshes.count).toBe(1);
  // A periodic session check later, still the one refresh.
  await page.clock.runFor(30_000);
  expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
  expect(refreshes.count).toBe(1);
  expect(await page.evaluate(() => localStorage.getItem('logout_history'))).toBeNull();
});
