import { Page } from '@playwright/test';

import { Backend, DEMO_USER, configure, deviceId, expect, sessionId, signIn, test } from './fixtures';

/**
 * One message per sign-out: the dialog before the redirect only when the user did not choose to
 * sign out and is on a page of the app; otherwise the sign-in page's banner alone says it. The
 * record, the history and the event are written either way.
 */

const banner = (page: Page) => page.getByRole('region', { name: 'Why you were signed out' });

async function revokeThisSession(page: Page, backend: Backend): Promise<void> {
  const token = await backend.accessTokenFor(DEMO_USER);
  const revoke = await backend.api.delete(`/v1/auth/sessions/${await sessionId(page)}/`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(revoke.status()).toBe(204);
}

async function expectRecordedAndReported(page: Page, backend: Backend, type: string, device: string) {
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem('logout_history') ?? '[]'));
  expect(history.at(-1)).toMatchObject({ type, device_id: device });
  await expect
    .poll(async () => (await backend.auditEvents({ type, device_id: device })).filter((e) => e.source === 'client'))
    .toEqual([expect.objectContaining({ type, device_id: device })]);
}

test.describe('the sign-out is said once', () => {
  test.beforeEach(async ({ page }) => {
    // A dialog, were one shown, would stay up for the whole test.
    await configure(page, { logoutAlertDelayMs: 60_000 });
  });

  test('the user signs out: straight to the sign-in page, the banner says it, no dialog', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await expect(page).toHaveURL(/\/signin$/);
    await expect(banner(page)).toHaveAttribute('data-type', 'USER_INITIATED');
    await expect(banner(page)).toContainText('You signed out');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Logout Lens' })).toBeFocused();
    await expectRecordedAndReported(page, backend, 'USER_INITIATED', device);
  });

  test('a reload finds the session ended: the sign-in page with its banner, no dialog over it', async ({
    page,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    await revokeThisSession(page, backend);

    await page.reload();

    await expect(page).toHaveURL(/\/signin$/);
    await expect(banner(page)).toHaveAttribute('data-type', 'SESSION_REVOKED');
    await expect(banner(page)).toContainText('Your session was ended elsewhere');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expectRecordedAndReported(page, backend, 'SESSION_REVOKED', device);
  });

  test('the server ends the session while the user is on home: the dialog says why, then the banner', async ({
    page,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    await revokeThisSession(page, backend);

    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Your session was ended elsewhere' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(
      'Your session was signed out from another place, such as the Active sessions page.',
    );
    await expect(dialog).toContainText('Taking you to the sign-in page in');
    await dialog.getByRole('button', { name: 'Sign in again' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await expect(banner(page)).toHaveAttribute('data-type', 'SESSION_REVOKED');
    await expectRecordedAndReported(page, backend, 'SESSION_REVOKED', device);
  });
});
