import { Browser, BrowserContext, Page } from '@playwright/test';

import { Backend, DEMO_USER, expect, signIn, test, tryApi } from './fixtures';

/** Ends every session of the demo user, so each test starts from the browsers it signs in itself. */
async function signOutEverywhere(backend: Backend): Promise<void> {
  const login = await backend.api.post('/v1/auth/login/', {
    data: { email: DEMO_USER.email, password: DEMO_USER.password, remember_me: false, device_id: 'e2e-cleanup' },
  });
  expect(login.status()).toBe(200);
  const { access, session_id } = await login.json();
  const headers = { Authorization: `Bearer ${access}` };
  expect((await backend.api.delete('/v1/auth/sessions/?others=1', { headers })).status()).toBe(204);
  expect((await backend.api.delete(`/v1/auth/sessions/${session_id}/`, { headers })).status()).toBe(204);
}

/** Another browser signed in to the same account: its own cookies, storage and device id. */
async function signInElsewhere(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  // Keep the sign-out dialog up until the test has read it.
  await context.addInitScript(() => {
    (window as unknown as Record<string, unknown>)['__LOGOUT_LENS_CONFIG__'] = { logoutAlertDelayMs: 60_000 };
  });
  const page = await context.newPage();
  await signIn(page, { rememberMe: false });
  return { context, page };
}

async function deviceId(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('auth-storage') ?? '{}').device_id);
}

/** Moves the server's clock and this browser's (installed with page.clock) forward together. */
async function moveClocks(page: Page, backend: Backend, seconds: number): Promise<void> {
  await backend.advanceClock(seconds);
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + seconds * 1000);
}

/** Another device signed in over the API, with the device id and user agent given. */
async function signInOverApi(backend: Backend, device: { deviceId: string; userAgent: string }): Promise<void> {
  const login = await backend.api.post('/v1/auth/login/', {
    data: { email: DEMO_USER.email, password: DEMO_USER.password, remember_me: false, device_id: device.deviceId },
    headers: { 'User-Agent': device.userAgent },
  });
  expect(login.status()).toBe(200);
}

async function openActiveSessions(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Active sessions' }).click();
  await expect(page).toHaveURL(/\/account\/sessions$/);
  await expect(page.getByRole('heading', { name: 'Active sessions', level: 1 })).toBeVisible();
}

/** The body rows of the sessions table (the header row holds column headers, not cells). */
function sessionRows(page: Page) {
  return page.getByRole('table', { name: 'Signed-in devices' }).getByRole('row').filter({ has: page.getByRole('cell') });
}

/** The "This device" chip. */
function thisDeviceChip(page: Page) {
  return page.getByText('This device', { exact: true });
}

/** A row's own sign-out button (exact: "Sign out all other devices" is another button). */
function signOutButton(row: ReturnType<typeof sessionRows>) {
  return row.getByRole('button', { name: 'Sign out', exact: true });
}

/** The count heading, which takes focus once a sign-out has been shown. */
function countHeading(page: Page, name: string) {
  return page.getByRole('heading', { level: 2, name, exact: true });
}

async function expectEndedElsewhere(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session was ended elsewhere' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Reason code: SESSION_REVOKED');
}

test.describe('active sessions', () => {
  test.beforeEach(async ({ backend }) => {
    await signOutEverywhere(backend);
  });

  test('signs out another browser from the list', async ({ page, browser, baseURL, backend }) => {
    await signIn(page, { rememberMe: true });
    const other = await signInElsewhere(browser, baseURL);
    const otherDevice = await deviceId(other.page);

    await test.step('the list shows both browsers, this one marked', async () => {
      await openActiveSessions(page);
      await expect(sessionRows(page)).toHaveCount(2);
      const current = sessionRows(page).filter({ has: thisDeviceChip(page) });
      await expect(current).toHaveCount(1);
      await expect(current).toContainText('Yes, 20 days');
      await expect(current.getByRole('button')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /this device/i })).toHaveCount(0);
    });

    await test.step('signing out the other browser removes its row', async () => {
      const elsewhere = sessionRows(page).filter({ hasNot: thisDeviceChip(page) });
      await expect(elsewhere).toContainText('Chrome');
      await expect(elsewhere).toContainText('No, 7 days');
      await expect(elsewhere).toContainText('just now');
      await expect(elsewhere).toContainText(otherDevice.slice(0, 8));
      const button = signOutButton(elsewhere);
      await expect(button).toHaveAccessibleDescription(new RegExp(`^Chrome \\d+ on Linux ${otherDevice.slice(0, 8)}$`));
      await button.click();
      await expect(page.getByText('Signed out Chrome on Linux.')).toBeVisible();
      // The row and its button are gone; focus is on the list's heading, not the page.
      await expect(countHeading(page, '1 device signed in')).toBeFocused();
      await expect(sessionRows(page)).toHaveCount(1);
      await expect(sessionRows(page).filter({ has: thisDeviceChip(page) })).toHaveCount(1);
      await expect(page.getByText('Only this device is signed in.')).toBeVisible();
    });

    await test.step('the other browser learns why at its next call', async () => {
      await expectEndedElsewhere(other.page);
    });

    await test.step('the audit trail holds the server record for that device', async () => {
      await expect
        .poll(async () =>
          (await backend.auditEvents({ type: 'SESSION_REVOKED', device_id: otherDevice })).filter((e) => e.source === 'server'),
        )
        .toEqual([expect.objectContaining({ type: 'SESSION_REVOKED', device_id: otherDevice })]);
    });
    await other.context.close();
  });

  test('signs out every other device after a confirmation, and stays signed in', async ({ page, browser, baseURL, backend }) => {
    await signIn(page, { rememberMe: true });
    const other = await signInElsewhere(browser, baseURL);
    await backend.accessTokenFor(DEMO_USER); // a third device, signed in over the API
    await openActiveSessions(page);
    await expect(sessionRows(page)).toHaveCount(3);

    await test.step('Cancel leaves everything as it was', async () => {
      await page.getByRole('button', { name: 'Sign out all other devices' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sign out all other devices?' });
      await expect(dialog).toContainText('2 other devices will be signed out.');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(sessionRows(page)).toHaveCount(3);
    });

    await test.step('confirming signs out the others', async () => {
      await page.getByRole('button', { name: 'Sign out all other devices' }).click();
      await page.getByRole('dialog', { name: 'Sign out all other devices?' }).getByRole('button', { name: 'Sign out others' }).click();
      await expect(page.getByText('Signed out 2 other devices.')).toBeVisible();
      await expect(sessionRows(page)).toHaveCount(1);
      await expect(sessionRows(page).filter({ has: thisDeviceChip(page) })).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'Sign out all other devices' })).toHaveCount(0);
      await expect(countHeading(page, '1 device signed in')).toBeFocused();
    });

    await test.step('this browser is still signed in', async () => {
      await page.getByRole('link', { name: 'Back to home' }).click();
      await expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
      expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
    });

    await test.step('the other browser was signed out', async () => {
      await expectEndedElsewhere(other.page);
    });
    await other.context.close();
  });

  test('pins this device first, then the others by last activity, and tells alike ones apart', async ({ page, backend }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const thisDevice = (await deviceId(page)).slice(0, 8);
    const userAgent = await page.evaluate(() => navigator.userAgent);
    // Two more browsers just like this one, each used more recently than it. Server and browser
    // clocks move together, so "last active" reads as it would after real minutes (half-minute
    // offsets keep the wording stable).
    await moveClocks(page, backend, 330);
    await signInOverApi(backend, { deviceId: 'aaaaaaaa-0000-4000-8000-00000000000a', userAgent });
    await moveClocks(page, backend, 150);
    await signInOverApi(backend, { deviceId: 'bbbbbbbb-0000-4000-8000-00000000000b', userAgent });
    await openActiveSessions(page);

    await test.step('this device first though the oldest in use, then newest activity first', async () => {
      await expect(countHeading(page, '3 devices signed in')).toBeVisible();
      await expect(sessionRows(page)).toHaveText([
        new RegExp(`This device.*8 minutes ago.*Yes, 20 days.*${thisDevice}`),
        /just now.*No, 7 days.*bbbbbbbb/,
        /2 minutes ago.*No, 7 days.*aaaaaaaa/,
      ]);
      await expect(sessionRows(page).first().getByRole('button')).toHaveCount(0);
    });

    await test.step('alike rows differ by device id, each button says "Sign out" and names its device', async () => {
      const rows = sessionRows(page);
      // The same browser and OS, the same IP: only the device id tells them apart.
      const chromeOnLinux = /^\s*\w+\s*Chrome \d+ on Linux\s*$/; // the icon's ligature, then the name
      await expect(rows.nth(1).getByRole('cell').first()).toHaveText(chromeOnLinux);
      await expect(rows.nth(2).getByRole('cell').first()).toHaveText(chromeOnLinux);
      const ip = (await rows.nth(2).getByRole('cell').nth(3).textContent()) ?? '';
      await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText(ip);
      await expect(page.getByRole('button', { name: /this device/i })).toHaveCount(0);
      await expect(signOutButton(rows.nth(1))).toHaveAccessibleDescription(/^Chrome \d+ on Linux bbbbbbbb$/);
      await expect(signOutButton(rows.nth(2))).toHaveAccessibleDescription(/^Chrome \d+ on Linux aaaaaaaa$/);
      await expect(rows.nth(1).locator('time').nth(1)).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}/);
    });

    await test.step('the pressed button keeps focus, aria-disabled, until the list has answered', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/v1/auth/sessions/*/', async (route) => {
        await held;
        await route.fallback();
      });
      const deletes: string[] = [];
      page.on('request', (request) => request.method() === 'DELETE' && deletes.push(request.url()));
      const newest = signOutButton(sessionRows(page).nth(1));
      await newest.focus();
      await page.keyboard.press('Enter');
      await expect(newest).toHaveAttribute('aria-disabled', 'true');
      await expect(signOutButton(sessionRows(page).nth(2))).toHaveAttribute('aria-disabled', 'true');
      await expect(page.getByRole('button', { name: 'Sign out all other devices' })).toHaveAttribute('aria-disabled', 'true');
      await expect(newest).toBeFocused();
      // A second press while busy does nothing: no second sign-out, no dialog. (force: Playwright
      // itself treats aria-disabled as disabled and would not click.)
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Sign out all other devices' }).click({ force: true });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      release();
      await expect(countHeading(page, '2 devices signed in')).toBeFocused();
      expect(deletes).toEqual([expect.stringMatching(/\/v1\/auth\/sessions\/[0-9a-f-]+\/$/)]);
      await expect(sessionRows(page)).toHaveText([new RegExp(`This device.*${thisDevice}`), /aaaaaaaa/]);
      await expect(signOutButton(sessionRows(page).nth(1))).not.toHaveAttribute('aria-disabled', 'true');
    });
  });

  test('a failed load can be tried again', async ({ page, backend: _backend }) => {
    await signIn(page, { rememberMe: false });
    let fail = true;
    await page.route('**/v1/auth/sessions/', (route) =>
      fail ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"detail":"Down","code":"unavailable"}' }) : route.fallback(),
    );
    await openActiveSessions(page);
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't load your sessions" });
    await expect(alert).toContainText('temporarily unavailable (503)');
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(sessionRows(page)).toHaveCount(1);
    await expect(alert).toHaveCount(0);
    await expect(countHeading(page, '1 device signed in')).toBeFocused();
  });
});
