import { Page } from '@playwright/test';

import { Backend, DEMO_USER, configure, deviceId, expect, sessionId, signIn, test, tryApi } from './fixtures';

interface Expected {
  type: string;
  title: string;
  minIdle: number;
  maxIdle: number;
}

/**
 * What every sign-out must leave behind: the dialog (unless the user chose to sign out: then the
 * banner alone says it), then the banner with its details, the history record, and the backend's
 * audit record; and the banner leaves after 30 s.
 */
async function expectSignOutExplained(page: Page, backend: Backend, device: string, expected: Expected) {
  if (expected.type === 'USER_INITIATED') {
    await test.step('no dialog: straight to the sign-in page', async () => {
      await expect(page).toHaveURL(/\/signin$/);
      await expect(page.getByRole('region', { name: 'Why you were signed out' })).toBeVisible();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });
  } else {
    await test.step('the dialog says why', async () => {
      const dialog = page.getByRole('dialog', { name: expected.title });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(`Reason code: ${expected.type}`);
      await dialog.getByRole('button', { name: 'Sign in again' }).click();
      await expect(page).toHaveURL(/\/signin$/);
    });
  }

  await test.step('the banner shows the type and details', async () => {
    const banner = page.getByRole('region', { name: 'Why you were signed out' });
    await expect(banner).toHaveAttribute('data-type', expected.type);
    await expect(banner).toContainText(expected.title);
    await banner.getByRole('button', { name: 'Details' }).click();
    await expect(banner).toContainText(expected.type);
    await expect(banner).toContainText('Idle time');
    await expect(banner).toContainText('Session expiry');
  });

  await test.step('logout_history holds the record', async () => {
    const history = await page.evaluate(() => JSON.parse(localStorage.getItem('logout_history') ?? '[]'));
    const record = history.at(-1);
    expect(record.type).toBe(expected.type);
    expect(record.device_id).toBe(device);
    expect(record.idle_seconds).toBeGreaterThanOrEqual(expected.minIdle);
    expect(record.idle_seconds).toBeLessThanOrEqual(expected.maxIdle);
    expect(JSON.stringify(history)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  await test.step('the backend holds the audit record', async () => {
    await expect
      .poll(async () => (await backend.auditEvents({ type: expected.type, device_id: device })).filter((e) => e.source === 'client'))
      .toEqual([expect.objectContaining({ type: expected.type, verified: true, device_id: device })]);
  });

  await test.step('after 30 s with nothing holding it, the banner is gone, and last_logout_reason with it', async () => {
    expect(await page.evaluate(() => sessionStorage.getItem('last_logout_reason'))).not.toBeNull();
    // Expanded, focused or hovered it stays: let go of it as a person would.
    const banner = page.getByRole('region', { name: 'Why you were signed out' });
    await banner.getByRole('button', { name: 'Details' }).click();
    await page.getByLabel('Email').focus();
    await page.mouse.move(0, 0);
    await page.clock.runFor(30_000);
    await expect(page.getByRole('region', { name: 'Why you were signed out' })).toHaveCount(0);
    expect(await page.evaluate(() => sessionStorage.getItem('last_logout_reason'))).toBeNull();
  });
}

test.describe('every sign-out is explained', () => {
  test.beforeEach(async ({ page }) => {
    await configure(page, { logoutAlertDelayMs: 60_000 });
    await page.clock.install();
  });

  test('USER_INITIATED', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expectSignOutExplained(page, backend, device, {
      type: 'USER_INITIATED',
      title: 'You signed out',
      minIdle: 0,
      maxIdle: 10,
    });
  });

  test("an app's own reason (withLogoutReasons): LICENSE_EXPIRED, ended through LogoutLens.endSession", async ({
    page,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    await page.getByRole('button', { name: 'Expire the licence' }).click();
    await expectSignOutExplained(page, backend, device, {
      type: 'LICENSE_EXPIRED',
      title: "Your organisation's licence has expired",
      minIdle: 0,
      maxIdle: 10,
    });
    await test.step("the app's details are in the record and the audit trail", async () => {
      const history = await page.evaluate(() => JSON.parse(localStorage.getItem('logout_history') ?? '[]'));
      expect(history.at(-1).app_details).toEqual({ plan: 'trial', seats: 5 });
      const client = (await backend.auditEvents({ type: 'LICENSE_EXPIRED', device_id: device })).filter((e) => e.source === 'client');
      expect(client[0]!.details).toMatchObject({ app_details: { plan: 'trial', seats: 5 } });
    });
    await test.step('the server ended the session too, and recorded it under the same type', async () => {
      const server = (await backend.auditEvents({ type: 'LICENSE_EXPIRED', device_id: device })).filter((e) => e.source === 'server');
      expect(server).toEqual([expect.objectContaining({ type: 'LICENSE_EXPIRED', device_id: device })]);
    });
  });

  test('TOKEN_EXPIRED (refresh lifetime shrunk)', async ({ page, backend }) => {
    await backend.setLifetimes({ access_token_lifetime: 60, refresh_token_lifetime: 100 });
    await signIn(page, { rememberMe: false });
    const device = await deviceId(page);
    await backend.advanceClock(101);
    await page.clock.runFor(101_000);
    await expectSignOutExplained(page, backend, device, {
      type: 'TOKEN_EXPIRED',
      title: 'Your session expired',
      minIdle: 95,
      maxIdle: 130,
    });
  });

  test('SESSION_REVOKED', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    const token = await backend.accessTokenFor(DEMO_USER);
    const revoke = await backend.api.delete(`/v1/auth/sessions/${await sessionId(page)}/`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(revoke.status()).toBe(204);
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await expectSignOutExplained(page, backend, device, {
      type: 'SESSION_REVOKED',
      title: 'Your session was ended elsewhere',
      minIdle: 0,
      maxIdle: 10,
    });
  });

  test('PASSWORD_CHANGED', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    const changePassword = async (from: string, to: string) => {
      const token = await backend.accessTokenFor({ email: DEMO_USER.email, password: from });
      const response = await backend.api.post('/v1/auth/change-password/', {
        data: { current_password: from, new_password: to },
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status()).toBe(200);
    };
    await changePassword(DEMO_USER.password, 'a-new-pass-2026!');
    try {
      await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
      await expectSignOutExplained(page, backend, device, {
        type: 'PASSWORD_CHANGED',
        title: 'Your password was changed',
        minIdle: 0,
        maxIdle: 10,
      });
    } finally {
      await changePassword('a-new-pass-2026!', DEMO_USER.password);
    }
  });

  test('AUTH_ERROR (a 401 a refresh cannot cure)', async ({ page, backend }) => {
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    await page.route('**/v1/demo/data/', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"token_not_valid"}' }),
    );
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await expectSignOutExplained(page, backend, device, {
      type: 'AUTH_ERROR',
      title: 'The server refused your session',
      minIdle: 0,
      maxIdle: 10,
    });
  });

  test('IDLE_TIMEOUT (policy on): warned first, activity keeps the session, then signed out', async ({
    page,
    backend,
  }) => {
    await configure(page, { idleTimeoutMinutes: 2, idleWarningSeconds: 30, logoutAlertDelayMs: 60_000 });
    await signIn(page, { rememberMe: true });
    const device = await deviceId(page);
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });

    await page.clock.runFor(95_000);
    await expect(warning).toBeVisible();
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 240);
    await page.clock.runFor(2_000);
    await expect(warning).toHaveCount(0);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');

    await page.clock.runFor(125_000);
    await expectSignOutExplained(page, backend, device, {
      type: 'IDLE_TIMEOUT',
      title: 'You were inactive',
      minIdle: 115,
      maxIdle: 130,
    });
  });

  test('the dialog redirects by itself after its delay', async ({ page, backend: _backend }) => {
    await configure(page, { logoutAlertDelayMs: 3_000 });
    await signIn(page, { rememberMe: false });
    // A sign-out the user did not choose (a user's own sign-out has no dialog).
    await page.route('**/v1/demo/data/', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"token_not_valid"}' }),
    );
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'The server refused your session' })).toContainText('in 3 s');
    await page.clock.runFor(3_500);
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.getByRole('region', { name: 'Why you were signed out' })).toBeVisible();
  });
});

test('an event posted while the backend is unreachable reaches it once it is back', async ({ page, backend }) => {
  await page.clock.install();
  await signIn(page, { rememberMe: true });
  const device = await deviceId(page);
  await page.route('**/v1/auth/logout-event/', (route) => route.abort('connectionrefused'));

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('region', { name: 'Why you were signed out' })).toHaveAttribute('data-type', 'USER_INITIATED');
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('logout_event_queue') ?? '[]').length))
    .toBe(1);
  expect((await backend.auditEvents({ device_id: device })).filter((e) => e.source === 'client')).toEqual([]);

  await page.unroute('**/v1/auth/logout-event/');
  await page.clock.runFor(31_000);
  await expect
    .poll(async () => (await backend.auditEvents({ device_id: device })).filter((e) => e.source === 'client'))
    .toEqual([expect.objectContaining({ type: 'USER_INITIATED', device_id: device })]);
  expect(await page.evaluate(() => localStorage.getItem('logout_event_queue'))).toBeNull();
});
