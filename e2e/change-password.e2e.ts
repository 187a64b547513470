import { Browser, Page } from '@playwright/test';

import { DEMO_USER, configure, deviceId, expect, sessionId, signIn, test, tryApi } from './fixtures';

// The backend's test reset (`backend` fixture, before and after each test) puts the demo
// password back (ensure_demo_user), so the change made here never leaks into other tests.
const NEW_PASSWORD = 'a-fresh-passphrase-2026';

/** A second browser (its own cookies, storage and device id) signed in as the demo user. */
async function signInElsewhere(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  // Keep the sign-out dialog up until the test has read it.
  await configure(page, { logoutAlertDelayMs: 60_000 });
  await signIn(page, { rememberMe: false });
  return { context, page };
}

async function openChangePassword(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page).toHaveTitle('Change password · Logout Lens');
  await expect(page.getByRole('heading', { name: 'Change password', level: 1 })).toBeVisible();
}

async function submitChange(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('Current password', { exact: true }).fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password', { exact: true }).fill(next);
  const answer = page.waitForResponse((r) => r.url().endsWith('/v1/auth/change-password/'));
  await page.getByRole('button', { name: 'Change password', exact: true }).click();
  await answer;
}

test('change password: this browser stays signed in, every other one is signed out as PASSWORD_CHANGED', async ({
  page,
  browser,
  backend,
}) => {
  await configure(page, { logoutAlertDelayMs: 60_000 });
  await signIn(page, { rememberMe: true });
  const deviceA = await deviceId(page);
  const sessionBefore = await sessionId(page);
  const secondTab = await page.context().newPage();
  await secondTab.goto('/');
  await expect(secondTab.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
  const b = await signInElsewhere(browser);
  const deviceB = await deviceId(b.page);

  try {
    await test.step('the account menu leads to the page', async () => {
      await openChangePassword(page);
    });

    await test.step("a weak new password shows Django's messages next to the field", async () => {
      await submitChange(page, DEMO_USER.password, '12345');
      const field = page.getByLabel('New password', { exact: true });
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(
        /This password is too short\. It must contain at least 8 characters\..*This password is too common\..*This password is entirely numeric\./,
      );
    });

    await test.step('the confirmation must match before anything is sent', async () => {
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirm new password', { exact: true }).fill(`${NEW_PASSWORD}?`);
      let sent = false;
      page.on('request', (r) => void (r.url().endsWith('/v1/auth/change-password/') && (sent = true)));
      await page.getByRole('button', { name: 'Change password', exact: true }).click();
      const confirmation = page.getByLabel('Confirm new password', { exact: true });
      await expect(confirmation).toBeFocused();
      await expect(confirmation).toHaveAccessibleDescription("The passwords don't match.");
      expect(sent).toBe(false);
    });

    await test.step('a wrong current password shows its message next to that field', async () => {
      await submitChange(page, 'not-the-password', NEW_PASSWORD);
      const field = page.getByLabel('Current password', { exact: true });
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription('The current password is wrong.');
    });

    await test.step('a good change: this browser stays signed in with a fresh session', async () => {
      await submitChange(page, DEMO_USER.password, NEW_PASSWORD);
      const done = page.getByRole('region', { name: 'Password changed' });
      await expect(done).toContainText("You're still signed in here; every other device has been signed out.");
      await expect(done.getByRole('heading', { name: 'Password changed' })).toBeFocused();
      expect(await sessionId(page)).not.toBe(sessionBefore);
      await done.getByRole('link', { name: 'Done' }).click();
      await expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
      expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
    });

    await test.step("this browser's other tab took the new session and is still signed in", async () => {
      expect(await tryApi(secondTab, 'Load data 200')).toContain('200 OK');
      await expect(secondTab.getByRole('dialog')).toHaveCount(0);
      await expect(secondTab.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
    });

    await test.step('a reload keeps the new session: its refresh cookie renews it', async () => {
      // Alone, so the reload restores through the cookie rather than from the other tab.
      await secondTab.close();
      const refreshed = page.waitForResponse((r) => r.url().endsWith('/v1/auth/refresh/'));
      await page.reload();
      expect((await refreshed).status()).toBe(200);
      await expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
      expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });

    await test.step('the other browser is signed out as PASSWORD_CHANGED on its next call', async () => {
      await b.page.getByRole('button', { name: 'Load data 200', exact: true }).click();
      const dialog = b.page.getByRole('dialog', { name: 'Your password was changed' });
      await expect(dialog).toContainText('Reason code: PASSWORD_CHANGED');
      await dialog.getByRole('button', { name: 'Sign in again' }).click();
      await expect(b.page).toHaveURL(/\/signin$/);
      await expect(b.page.getByRole('region', { name: 'Why you were signed out' })).toHaveAttribute(
        'data-type',
        'PASSWORD_CHANGED',
      );
    });

    await test.step('the server audit holds PASSWORD_CHANGED for both ended sessions', async () => {
      const serverRecords = async () =>
        (await backend.auditEvents({ type: 'PASSWORD_CHANGED' }))
          .filter((e) => e.source === 'server')
          .map((e) => ({ device_id: e.device_id, session_id: e.session_id }));
      await expect.poll(serverRecords).toEqual(
        expect.arrayContaining([
          { device_id: deviceA, session_id: sessionBefore },
          expect.objectContaining({ device_id: deviceB }),
        ]),
      );
      const fresh = await sessionId(page);
      expect((await serverRecords()).some((r) => r.session_id === fresh)).toBe(false);
    });
  } finally {
    await b.context.close();
    if (!secondTab.isClosed()) await secondTab.close();
  }
});
