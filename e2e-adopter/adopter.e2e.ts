import { APIRequestContext, Page, expect, test as base } from '@playwright/test';

/**
 * A fresh Angular app that added @logout-lens/angular (see app-template/): signing in, one
 * refresh for an expired access token, the app's own sign-out reason, the debug drawer.
 */
const BACKEND = `http://127.0.0.1:${process.env['ADOPTER_BACKEND_PORT'] ?? '8180'}`;
const DEMO_USER = { email: 'demo@example.com', password: 'demo-pass-2026', name: 'Dana Demo' };
const LICENSE_TITLE = 'Your licence has expired';

/** The e2e backend's test hooks (backend/testhooks): reset, and a server clock to move. */
class Backend {
  constructor(private readonly api: APIRequestContext) {}

  async reset(): Promise<void> {
    expect((await this.api.post('/v1/test/reset/')).status()).toBe(200);
  }

  async advanceClock(seconds: number): Promise<void> {
    expect((await this.api.post('/v1/test/clock/', { data: { advance_seconds: seconds } })).status()).toBe(200);
  }

  /** The audit trail's records of one type, as support staff read them. */
  async auditTypes(type: string): Promise<{ type: string; source: string }[]> {
    const login = await this.api.post('/v1/auth/login/', {
      data: { email: 'support@example.com', password: 'support-pass-2026', remember_me: false, device_id: 'adopter-audit' },
    });
    expect(login.status()).toBe(200);
    const listed = await this.api.get('/v1/auth/logout-events/', {
      params: { type },
      headers: { Authorization: `Bearer ${(await login.json()).access}` },
    });
    expect(listed.status()).toBe(200);
    return ((await listed.json()).results as { type: string; source: string }[]).map(({ type, source }) => ({ type, source }));
  }
}

const test = base.extend<{ backend: Backend }>({
  backend: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({ baseURL: BACKEND });
    const backend = new Backend(api);
    await backend.reset();
    await use(backend);
    await backend.reset();
    await api.dispose();
  },
});

async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
}

function countRefreshes(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/auth/refresh/') counter.count++;
  });
  return counter;
}

test.describe('a fresh Angular app with @logout-lens/angular', () => {
  test('signs in as the demo user through the app’s own form', async ({ page, backend: _b }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'Load data' }).click();
    await expect(page.getByTestId('result')).toHaveText(`Protected data, served to a signed-in user. (for ${DEMO_USER.name})`);
  });

  test('an expired access token costs exactly one refresh, and the API call succeeds', async ({ page, backend }) => {
    await page.clock.install();
    await signIn(page);
    const refreshes = countRefreshes(page);

    // The laptop wakes an hour later: both clocks have moved past the access token's expiry.
    await backend.advanceClock(3601);
    await page.clock.setSystemTime(Date.now() + 3601_000);
    await page.getByRole('button', { name: 'Load data' }).click();

    await expect(page.getByTestId('result')).toHaveText(`Protected data, served to a signed-in user. (for ${DEMO_USER.name})`);
    expect(refreshes.count).toBe(1);
    await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  });

  test('the app’s own reason: the dialog says it, then the banner on the sign-in page, and the audit trail has it', async ({ page, backend }) => {
    // The dialog waits for the click (deploy-time knob, so the 5 s auto-redirect cannot race it).
    await page.addInitScript(() => {
      (window as unknown as Record<string, unknown>)['__LOGOUT_LENS_CONFIG__'] = { logoutAlertDelayMs: 60_000 };
    });
    await signIn(page);

    await page.getByRole('button', { name: 'End session: licence expired' }).click();
    const dialog = page.getByRole('dialog', { name: LICENSE_TITLE });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Your organisation's licence expired, so you were signed out.");
    await expect(dialog).toContainText('LICENSE_EXPIRED');
    await dialog.getByRole('button', { name: 'Sign in again' }).click();

    await expect(page).toHaveURL(/\/signin(\?|$)/);
    const banner = page.getByRole('region', { name: 'Why you were signed out' });
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-type', 'LICENSE_EXPIRED');
    await expect(banner).toContainText(LICENSE_TITLE);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // The browser's record, and the server's own as it ended the session, under the app's type.
    await expect.poll(() => backend.auditTypes('LICENSE_EXPIRED')).toEqual(
      expect.arrayContaining([{ type: 'LICENSE_EXPIRED', source: 'client' }, { type: 'LICENSE_EXPIRED', source: 'server' }]),
    );
  });

  test('Ctrl+Shift+D opens the debug drawer', async ({ page, backend: _b }) => {
    await signIn(page);
    await page.keyboard.press('Control+Shift+D');
    await expect(page.getByRole('dialog', { name: 'Debug panel' })).toBeVisible();
    await page.keyboard.press('Control+Shift+D');
    await expect(page.getByRole('dialog', { name: 'Debug panel' })).toHaveCount(0);
  });
});
