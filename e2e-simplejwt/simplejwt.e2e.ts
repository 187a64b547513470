import { APIRequestContext, BrowserContext, Page, expect, test as base } from '@playwright/test';

import { FAILURES_THAT_KEEP_THE_SESSION } from '../e2e/fixtures';

/**
 * The demo app against the two example projects on djangorestframework-simplejwt (made from
 * scratch by make_projects.py): `contrib` mounts Logout Lens's views where simplejwt's were
 * (`withSimpleJwt()`), `stock` keeps simplejwt's own, with rotation and the blacklist on
 * (`withStockSimpleJwt()`). Both move their clocks for the tests (time-machine), so a test moves
 * the server's clock and the page's together, as a sleeping laptop would see them.
 */
type Kind = 'contrib' | 'stock';

const PORTS: Record<Kind, number> = {
  contrib: Number(process.env['SIMPLEJWT_CONTRIB_PORT']),
  stock: Number(process.env['SIMPLEJWT_STOCK_PORT']),
};
const DEMO_BACKEND: Record<Kind, string> = { contrib: 'simplejwt', stock: 'stock-simplejwt' };
const USER = { username: 'demo@example.com', password: 'demo-pass-2026' };
const ADMIN = { username: 'admin@example.com', password: 'admin-pass-2026' };
const HOUR = 3600;
const DAY = 24 * HOUR;

/** One project: its hooks, and its clock moved with every page's. */
class Project {
  private offsetMs = 0;
  readonly pages: Page[] = [];

  constructor(
    readonly kind: Kind,
    readonly api: APIRequestContext,
  ) {}

  /** A new tab of the demo app, on this project, with its clock where the project's is. */
  async open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.clock.install({ time: Date.now() + this.offsetMs });
    this.pages.push(page);
    return page;
  }

  /** Moves the project's clock and every open page's by `seconds` (no timer fires on the way). */
  async advance(seconds: number): Promise<void> {
    expect((await this.api.post('/v1/test/clock/', { data: { advance_seconds: seconds } })).status()).toBe(200);
    this.offsetMs += seconds * 1000;
    for (const page of this.pages) await page.clock.setSystemTime(Date.now() + this.offsetMs);
  }

  /** How many refresh tokens simplejwt's blacklist app holds, and how many it has blacklisted. */
  async tokens(): Promise<{ outstanding: number | null; blacklisted: number | null }> {
    return (await this.api.get('/v1/test/tokens/')).json();
  }
}

const test = base.extend<{ kind: Kind; project: Project }>({
  kind: ['contrib', { option: true }],
  project: async ({ kind, context, playwright, baseURL }, use) => {
    const api = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${PORTS[kind]}` });
    expect((await api.post('/v1/test/reset/')).status()).toBe(200);
    // The router behind the app's proxy sends this context's calls to this project.
    await context.addCookies([{ name: 'll_e2e_backend', value: kind, url: baseURL! }]);
    await context.addInitScript((backend) => localStorage.setItem('logout_lens_demo_backend', backend), DEMO_BACKEND[kind]);
    await use(new Project(kind, api));
    await api.post('/v1/test/reset/');
    await api.dispose();
  },
});

/** Counts the refresh requests every tab of the context sends, and the refusals. */
function watchRefreshes(context: BrowserContext) {
  const seen = { sent: 0, refused: 0 };
  context.on('request', (r) => r.url().endsWith('/v1/token/refresh/') && r.method() === 'POST' && seen.sent++);
  context.on('response', (r) => r.url().endsWith('/v1/token/refresh/') && r.status() === 401 && seen.refused++);
  return seen;
}

async function signIn(page: Page, options: { rememberMe?: boolean } = {}): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(USER.username);
  await page.getByLabel('Password', { exact: true }).fill(USER.password);
  if (options.rememberMe) await page.getByLabel(/^Remember me/).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

async function tryApi(page: Page, label: string): Promise<string> {
  const outcome = page.getByTestId('demo-outcome');
  const previous = (await outcome.count()) ? Number(await outcome.getAttribute('data-call')) : 0;
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(outcome).toHaveAttribute('data-call', String(previous + 1), { timeout: 20_000 });
  return (await outcome.textContent()) ?? '';
}

/** Changes the demo user's password in the Django admin, as an administrator would. */
async function changePasswordInAdmin(context: BrowserContext, kind: Kind): Promise<void> {
  const admin = await context.newPage();
  const site = `http://127.0.0.1:${PORTS[kind]}`;
  await admin.goto(`${site}/admin/login/?next=/admin/auth/user/`);
  await admin.getByLabel('Username').fill(ADMIN.username);
  await admin.getByLabel('Password').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.getByRole('link', { name: USER.username, exact: true }).click();
  await admin.getByRole('link', { name: /Reset password|this form/ }).first().click();
  await admin.locator('#id_password1').fill('a-new-pass-2026!');
  await admin.locator('#id_password2').fill('a-new-pass-2026!');
  await admin.getByRole('button', { name: /Change password|Reset password/ }).click();
  await expect(admin.getByText('Password changed successfully.')).toBeVisible();
  await admin.close();
}

for (const kind of ['contrib', 'stock'] as const) {
  test.describe(`${kind} simplejwt project`, () => {
    test.use({ kind });

    test('an API call after the access token expired: one refresh, and the call succeeds', async ({ context, project }) => {
      const page = await project.open(context);
      await signIn(page);
      const refreshes = watchRefreshes(context);

      await project.advance(HOUR + 60);
      expect(await tryApi(page, 'Load data 200')).toContain('200 OK');

      expect(refreshes).toEqual({ sent: 1, refused: 0 });
    });

    test('5 tabs after the access token expired: exactly 1 refresh, and no tab presents a used refresh token', async ({
      context,
      project,
    }) => {
      const first = await project.open(context);
      await signIn(first);
      const tabs = [first];
      for (let i = 1; i < 5; i++) {
        const tab = await project.open(context);
        await tab.goto('/');
        await expect(tab.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
        tabs.push(tab);
      }
      const refreshes = watchRefreshes(context);
      const before = await project.tokens();

      for (const round of [1, 2]) {
        await test.step(`expiry ${round}: every tab calls at once`, async () => {
          await project.advance(HOUR + 60);
          const outcomes = await Promise.all(tabs.map((tab) => tryApi(tab, 'Load data 200')));

          expect(outcomes.every((o) => o.includes('200 OK'))).toBe(true);
          expect(refreshes).toEqual({ sent: round, refused: 0 });
          const after = await project.tokens();
          if (kind === 'stock') {
            // Rotation blacklisted exactly the tokens the refreshes replaced, and no tab sent one
            // again: every tab holds the live one (the second round refreshes with it).
            expect(after.blacklisted! - before.blacklisted!).toBe(round);
          } else {
            // The contrib views keep their own sessions: simplejwt's blacklist app is not even installed.
            expect(after).toEqual({ outstanding: null, blacklisted: null });
          }
        });
      }
    });

    test('403, 402 and 5xx keep the session', async ({ context, project }) => {
      const page = await project.open(context);
      await signIn(page);
      const refreshes = watchRefreshes(context);

      for (const [label, status] of FAILURES_THAT_KEEP_THE_SESSION) {
        const outcome = await tryApi(page, label);
        expect(outcome).toContain(`(${status})`);
        expect(outcome).toContain('You are still signed in');
      }
      expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
      await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
      expect(refreshes.sent).toBe(0);
    });

    test('the refresh lifetime passes: TOKEN_EXPIRED, in the words for an expiry', async ({ context, project }) => {
      const page = await project.open(context);
      await signIn(page);
      // contrib: 7 days without "Remember me"; stock: its REFRESH_TOKEN_LIFETIME, 1 day.
      await project.advance((kind === 'contrib' ? 7 * DAY : DAY) + 60);
      await page.getByRole('button', { name: 'Load data 200', exact: true }).click();

      const dialog = page.getByRole('dialog', { name: 'Your session expired' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('Reason code: TOKEN_EXPIRED');
      await dialog.getByRole('button', { name: 'Sign in again' }).click();
      const banner = page.getByRole('region', { name: 'Why you were signed out' });
      await expect(banner).toHaveAttribute('data-type', 'TOKEN_EXPIRED');
      await expect(banner).toContainText('Your session reached the end of its lifetime');
    });

    test('a password change in the Django admin', async ({ context, project }) => {
      const page = await project.open(context);
      await signIn(page);
      await changePasswordInAdmin(context, kind);
      // The access token is a stock simplejwt one, taken until its exp: the change shows at the next refresh.
      await project.advance(HOUR + 60);

      if (kind === 'contrib') {
        await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Your password was changed' });
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText('Reason code: PASSWORD_CHANGED');
      } else {
        // The best stock simplejwt can say is nothing: its tokens do not know the password
        // (CHECK_REVOKE_TOKEN is off by default), so the session goes on until the refresh
        // token's exp — the comparison table in the library's README says so.
        expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
        await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
      }
    });
  });
}

test.describe('stock simplejwt project: the refresh token lives in memory', () => {
  test.use({ kind: 'stock' });

  test('a reload with another tab open keeps the session (handed over, no refresh); with none, SESSION_NOT_KEPT says why', async ({
    context,
    project,
  }) => {
    const first = await project.open(context);
    await signIn(first);
    const second = await project.open(context);
    await second.goto('/');
    await expect(second.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
    const refreshes = watchRefreshes(context);

    await test.step('the tab reloads while the other is open: the other hands the session over', async () => {
      await second.reload();
      await expect(second.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
      expect(await tryApi(second, 'Load data 200')).toContain('200 OK');
      expect(refreshes.sent).toBe(0);
    });

    await test.step('its refresh token came along: after expiry the reloaded tab refreshes with it', async () => {
      await project.advance(HOUR + 60);
      expect(await tryApi(second, 'Load data 200')).toContain('200 OK');
      expect(refreshes).toEqual({ sent: 1, refused: 0 });
    });

    await test.step('with the other tab closed, a reload cannot keep the session, and the sign-in page says so', async () => {
      await first.close();
      await second.reload();
      const banner = second.getByRole('region', { name: 'Why you were signed out' });
      await expect(banner).toHaveAttribute('data-type', 'SESSION_NOT_KEPT');
      await expect(banner).toContainText('Your session did not survive the reload');
      await banner.getByRole('button', { name: 'Details' }).click();
      await expect(banner).toContainText('with no other tab of the app open');
      // Nothing was sent that could have kept it: there was no refresh token to send.
      expect(refreshes.sent).toBe(1);
    });
  });

  for (const [situation, rememberMe, refreshFirst, diagnosis] of [
    ['Remember me, which stock simplejwt cannot keep', true, false, 'stock simplejwt has no Remember me'],
    ['a sliding lifetime that ran out a day after the last refresh', false, true, 'without a refresh: with simplejwt'],
  ] as const) {
    test(`the banner's diagnosis names ${situation}`, async ({ context, project }) => {
      const page = await project.open(context);
      await signIn(page, { rememberMe });
      if (refreshFirst) {
        await project.advance(HOUR + 60);
        expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
      }
      // REFRESH_TOKEN_LIFETIME is 1 day: it ends a day after the token it ran on was minted.
      await project.advance(DAY + 60);
      await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
      await page.getByRole('dialog', { name: 'Your session expired' }).getByRole('button', { name: 'Sign in again' }).click();

      const banner = page.getByRole('region', { name: 'Why you were signed out' });
      await expect(banner).toHaveAttribute('data-type', 'TOKEN_EXPIRED');
      await banner.getByRole('button', { name: 'Details' }).click();
      await expect(banner).toContainText(diagnosis);
    });
  }

  test('the refresh token is never in web storage, and sign-out blacklists it on the server', async ({ context, project }) => {
    const page = await project.open(context);
    await signIn(page);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const before = await project.tokens();

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('region', { name: 'Why you were signed out' })).toHaveAttribute('data-type', 'USER_INITIATED');
    await expect.poll(async () => (await project.tokens()).blacklisted! - before.blacklisted!).toBe(1);
  });
});
