import { BrowserContext, Page } from '@playwright/test';

import { DEMO_USER, expect, signIn, test, tryApi } from './fixtures';

const welcome = (page: Page) => page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` });

/** Opens another tab of the same browser on the home page; it picks the session up. */
async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(welcome(page)).toBeVisible();
  return page;
}

function countRefreshesIn(context: BrowserContext): { count: number } {
  const counter = { count: 0 };
  context.on('request', (r) => {
    if (r.url().endsWith('/v1/auth/refresh/') && r.method() === 'POST') counter.count++;
  });
  return counter;
}

test.describe('many tabs, one session', () => {
  test('5 tabs × 20 calls after the access token expired → exactly one refresh, all succeed, no sign-out', async ({
    page,
    context,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const tabs = [page];
    for (let i = 0; i < 4; i++) tabs.push(await openTab(context));
    const refreshes = countRefreshesIn(context);

    await backend.advanceClock(3601);
    const outcomes = await Promise.all(tabs.map((tab) => tryApi(tab, 'Load data ×20')));

    for (const outcome of outcomes) expect(outcome).toContain('20 of 20 calls succeeded');
    expect(refreshes.count).toBe(1);
    for (const tab of tabs) {
      await expect(welcome(tab)).toBeVisible();
      await expect(tab.getByRole('dialog')).toHaveCount(0);
    }
  });

  test('opening more tabs hands the session over without rotating the cookie', async ({ page, context, backend: _b }) => {
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshesIn(context);
    await openTab(context);
    await openTab(context);
    expect(refreshes.count).toBe(0);
  });

  test('sign-out in tab 1 of 3 shows tabs 2 and 3 the sign-in banner, USER_INITIATED from another tab', async ({
    page,
    context,
    backend: _b,
  }) => {
    await signIn(page, { rememberMe: true });
    const others = [await openTab(context), await openTab(context)];

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    for (const tab of others) {
      // The user chose to sign out (in tab 1): no dialog, the sign-in page's banner says it.
      await expect(tab).toHaveURL(/\/signin$/);
      await expect(tab.getByRole('dialog')).toHaveCount(0);
      const banner = tab.getByRole('region', { name: 'Why you were signed out' });
      await expect(banner).toHaveAttribute('data-type', 'USER_INITIATED');
      await expect(banner).toContainText('It happened in another tab of this browser.');
    }
    const fromOtherTabs = () =>
      others[0]!.evaluate(
        () => JSON.parse(localStorage.getItem('logout_history') ?? '[]').filter((r: { from_other_tab: boolean }) => r.from_other_tab).length,
      );
    await expect.poll(fromOtherTabs).toBe(2);
  });

  test('a sign-in in one tab is picked up by the others', async ({ page, context, backend: _b }) => {
    await page.goto('/signin');
    const second = await context.newPage();
    await second.goto('/signin');
    await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();

    await signIn(page, { rememberMe: false });

    await expect(welcome(second)).toBeVisible();
  });

  test('a duplicated tab (sessionStorage copied) causes no reuse detection and no sign-out', async ({
    page,
    context,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    await page.evaluate(() => sessionStorage.setItem('copied', 'yes'));
    const duplicate = await context.newPage();
    await duplicate.addInitScript(() => sessionStorage.setItem('copied', 'yes'));
    await duplicate.goto('/');
    await expect(welcome(duplicate)).toBeVisible();

    await backend.advanceClock(3601);
    const [a, b] = await Promise.all([tryApi(page, 'Load data 200'), tryApi(duplicate, 'Load data 200')]);
    expect(a).toContain('200 OK');
    expect(b).toContain('200 OK');
    await backend.advanceClock(60);
    expect(await tryApi(duplicate, 'Load data 200')).toContain('200 OK');
  });
});

test.describe('two browsers sharing one refresh cookie', () => {
  test('refreshing at the same moment keeps both signed in; replaying the old token after the window ends the session as reuse', async ({
    page,
    context,
    browser,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const original = (await context.cookies()).find((c) => c.name === 'll_refresh')!;
    const storage = await page.evaluate(() => localStorage.getItem('auth-storage'));

    const other = await browser.newContext();
    await other.addCookies([original]);
    await other.addInitScript((s) => localStorage.setItem('auth-storage', s!), storage);
    const second = await other.newPage();
    await second.goto('/');
    await expect(welcome(second)).toBeVisible();
    const rotated = (await other.cookies()).find((c) => c.name === 'll_refresh')!;
    expect(rotated.value).not.toBe(original.value);

    await test.step('both refresh at the same moment, within the grace window', async () => {
      await context.addCookies([rotated]);
      await backend.advanceClock(3601);
      const [a, b] = await Promise.all([tryApi(page, 'Load data 200'), tryApi(second, 'Load data 200')]);
      expect(a).toContain('200 OK');
      expect(b).toContain('200 OK');
    });

    await test.step('the old token replayed after the window ends the session as TOKEN_REUSE_DETECTED', async () => {
      await backend.advanceClock(60);
      const thief = await browser.newContext();
      await thief.addCookies([original]);
      await thief.addInitScript((s) => localStorage.setItem('auth-storage', s!), storage);
      const replay = await thief.newPage();
      await replay.goto('/');
      // Found over on load: no page was shown yet, so the sign-in page's banner says it, no dialog.
      const banner = replay.getByRole('region', { name: 'Why you were signed out' });
      await expect(banner).toHaveAttribute('data-type', 'TOKEN_REUSE_DETECTED');
      await expect(replay.getByRole('dialog')).toHaveCount(0);
      const { device_id: device, session_id: session } = JSON.parse(storage!) as Record<string, string>;
      // This session's records only: other specs leave reuse records of their own in the audit trail.
      await expect
        .poll(async () =>
          (await backend.auditEvents({ type: 'TOKEN_REUSE_DETECTED', session_id: session })).map((e) => e.source).sort(),
        )
        .toEqual(['client', 'server']);
      expect((await backend.auditEvents({ type: 'TOKEN_REUSE_DETECTED', device_id: device })).length).toBeGreaterThan(0);
      // Same address and browser as the requests that rotated it: the server reads a race, and says so.
      const records = await backend.auditEvents({ type: 'TOKEN_REUSE_DETECTED', session_id: session });
      expect(records.find((e) => e.source === 'server')!.details['reuse']).toMatchObject({ verdict: 'likely_race' });
      expect(records.find((e) => e.source === 'client')!.details['reuse_verdict']).toBe('likely_race');
      await thief.close();
    });
    await other.close();
  });

  test('a copied cookie replayed from another browser is called a likely theft, in every record', async ({
    page,
    context,
    browser,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const original = (await context.cookies()).find((c) => c.name === 'll_refresh')!;
    const storage = await page.evaluate(() => localStorage.getItem('auth-storage'));
    await backend.advanceClock(3601);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK'); // rotates the copied token
    await backend.advanceClock(45);

    const thief = await browser.newContext({ userAgent: 'curl/8.5.0 (copied cookie jar)' });
    await thief.addCookies([original]);
    await thief.addInitScript((s) => localStorage.setItem('auth-storage', s!), storage);
    const replay = await thief.newPage();
    await replay.goto('/');
    // Found over on load: the sign-in page's banner says it, no dialog over it.
    const banner = replay.getByRole('region', { name: 'Why you were signed out' });
    await expect(banner).toHaveAttribute('data-type', 'TOKEN_REUSE_DETECTED');
    await expect(replay.getByRole('dialog')).toHaveCount(0);
    await banner.getByRole('button', { name: 'Details' }).click();
    await expect(banner).toContainText('most likely a stolen cookie');

    const session = (JSON.parse(storage!) as Record<string, string>)['session_id'];
    await expect
      .poll(async () => (await backend.auditEvents({ type: 'TOKEN_REUSE_DETECTED', session_id: session })).length)
      .toBe(2);
    const records = await backend.auditEvents({ type: 'TOKEN_REUSE_DETECTED', session_id: session });
    expect(records.find((e) => e.source === 'server')!.details['reuse']).toMatchObject({
      verdict: 'likely_theft',
      same_user_agent: false,
    });
    expect(records.find((e) => e.source === 'client')!.details['reuse_verdict']).toBe('likely_theft');
    await thief.close();
  });

  test('a password change in one browser signs the other out as PASSWORD_CHANGED at its next refresh', async ({
    page,
    browser,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, { rememberMe: true });
    const newPassword = 'changed-in-a-2026!';
    const change = (from: string, to: string) =>
      other.evaluate(
        async ([current, next]) => {
          const token = await (await fetch('/v1/auth/login/', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: 'demo@example.com', password: current, remember_me: false }),
          })).json();
          const response = await fetch('/v1/auth/change-password/', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.access}` },
            body: JSON.stringify({ current_password: current, new_password: next }),
          });
          return response.status;
        },
        [from, to] as const,
      );
    expect(await change(DEMO_USER.password, newPassword)).toBe(200);
    try {
      await backend.advanceClock(3601);
      await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Your password was changed' })).toContainText('PASSWORD_CHANGED');
    } finally {
      expect(await change(newPassword, DEMO_USER.password)).toBe(200);
      await otherContext.close();
    }
  });
});
