import { readFile } from 'node:fs/promises';

import { Page } from '@playwright/test';

import { countRefreshes, expect, signIn, test, tryApi } from './fixtures';

const drawer = (page: Page) => page.getByRole('dialog', { name: 'Debug panel' });

type Status = {
  level: string;
  clockSkewMs: number;
  access: { secondsLeft: number; level: string };
  refresh: { secondsLeft: number; level: string };
};
const tokenStatus = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tokenMonitor: { getTokenStatus(): unknown } }).__tokenMonitor.getTokenStatus()) as Promise<Status>;

/** "1 h 2 min 5 s left" → 3725. */
function secondsIn(text: string): number {
  const unit: Record<string, number> = { d: 86400, h: 3600, min: 60, s: 1 };
  return [...text.matchAll(/(\d+) (d|h|min|s)\b/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u!]!, 0);
}

test.describe('debug drawer', () => {
  test('Ctrl+Shift+D and the 🔍 button open and close it, on the sign-in and home pages', async ({ page, backend: _b }) => {
    await page.goto('/signin');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    for (const where of ['sign-in page', 'home page']) {
      await test.step(where, async () => {
        if (where === 'home page') await signIn(page, { rememberMe: true });
        await page.keyboard.press('Control+Shift+D');
        await expect(drawer(page)).toBeVisible();
        await expect(drawer(page).getByTestId('dbg-auth-status')).toHaveText(where === 'home page' ? 'Signed in' : 'Signed out');
        await page.keyboard.press('Control+Shift+D');
        await expect(drawer(page)).toHaveCount(0);

        await page.getByRole('button', { name: 'Debug panel (Ctrl+Shift+D)' }).click();
        await expect(drawer(page)).toBeVisible();
        await drawer(page).getByRole('button', { name: 'Close debug panel' }).click();
        await expect(drawer(page)).toHaveCount(0);
      });
    }
  });

  test('the countdowns match getTokenStatus(), and "Log Full State to Console" prints the state', async ({ page, backend: _b }) => {
    await signIn(page, { rememberMe: true });
    await page.keyboard.press('Control+Shift+D');
    const status = await tokenStatus(page);
    const access = secondsIn(await drawer(page).getByTestId('dbg-access-left').innerText());
    const refresh = secondsIn(await drawer(page).getByTestId('dbg-refresh-left').innerText());
    expect(Math.abs(access - status.access.secondsLeft)).toBeLessThanOrEqual(2);
    // The refresh countdown shows days, hours and minutes.
    expect(Math.abs(refresh - status.refresh.secondsLeft)).toBeLessThanOrEqual(60);
    expect(status.access.secondsLeft).toBeGreaterThan(3500);
    expect(status.refresh.secondsLeft).toBeGreaterThan(19 * 86400);

    const logged = page.waitForEvent('console', (m) => m.text().startsWith('[DebugPanel] Full state'));
    await drawer(page).getByRole('button', { name: 'Log Full State to Console' }).click();
    const state = await (await logged).args()[1]!.jsonValue();
    expect(state.schema).toBe('logout-lens.diagnostic-report');
    expect(state.auth.status).toBe('signed-in');
    expect(state.token_status.access.secondsLeft).toBeGreaterThan(3500);
  });

  test('the downloaded report holds history and diagnosis, and no token or cookie value', async ({ page, context, backend: _b }) => {
    const secrets = new Set<string>();
    page.on('response', async (r) => {
      if (/\/v1\/auth\/(login|refresh)\/$/.test(r.url()) && r.status() === 200) secrets.add((await r.json()).access);
    });
    await signIn(page, { rememberMe: true });
    for (const c of await context.cookies()) secrets.add(c.value);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('region', { name: 'Why you were signed out' })).toBeVisible();
    await signIn(page, { rememberMe: true });
    await page.reload();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    for (const c of await context.cookies()) secrets.add(c.value);
    expect(await tryApi(page, 'Forbidden 403')).toContain('403');

    await page.keyboard.press('Control+Shift+D');
    const download = page.waitForEvent('download');
    await drawer(page).getByRole('button', { name: 'Download report' }).click();
    const text = await readFile((await (await download).path())!, 'utf8');
    const report = JSON.parse(text);

    expect(report.version).toBe(1);
    expect(report.logout_history.at(-1).type).toBe('USER_INITIATED');
    expect(report.diagnosis.sentence.length).toBeGreaterThan(10);
    expect(report.api_calls.some((c: { path: string; status: number }) => c.path.endsWith('/demo/forbidden/') && c.status === 403)).toBe(true);
    expect(secrets.size).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/demo-pass-2026/);
  });
});

test.describe('debug drawer times', () => {
  /** An instant the drawer shows, from its `<time datetime>`, as epoch ms. */
  const shownAt = async (page: Page, testId: string) =>
    Date.parse((await drawer(page).getByTestId(testId).getAttribute('datetime')) ?? '');
  const clockNote = (page: Page) => drawer(page).getByTestId('dbg-clock-note');

  test('with the client clock 10 min ahead, every time is local (corrected for the skew), and it says so', async ({
    page,
    backend: _b,
  }) => {
    await page.clock.install({ time: Date.now() + 10 * 60_000 });
    await signIn(page, { rememberMe: true });
    await page.keyboard.press('Control+Shift+D');
    await expect(drawer(page)).toBeVisible();

    const localNow = await page.evaluate(() => Date.now());
    const nextRefresh = await shownAt(page, 'dbg-next-refresh');
    const lastActivity = await shownAt(page, 'dbg-last-activity');
    // A fresh 1-hour token is renewed about a minute before it expires: some 59 minutes from now.
    expect(nextRefresh - localNow).toBeGreaterThan(58 * 60_000);
    expect(nextRefresh - localNow).toBeLessThan(60 * 60_000);
    // The sign-in click was the last activity: a moment ago on the same (local) clock.
    expect(lastActivity).toBeLessThanOrEqual(localNow);
    expect(localNow - lastActivity).toBeLessThan(60_000);
    await expect(clockNote(page)).toHaveText('Times corrected for a clock 10 minutes ahead of the server.');
  });

  test('with no skew the times need no correction, and nothing is said about it', async ({ page, backend: _b }) => {
    await signIn(page, { rememberMe: true });
    await page.keyboard.press('Control+Shift+D');
    await expect(drawer(page)).toBeVisible();

    const localNow = await page.evaluate(() => Date.now());
    expect((await shownAt(page, 'dbg-next-refresh')) - localNow).toBeGreaterThan(58 * 60_000);
    await expect(clockNote(page)).toHaveCount(0);
  });
});

test.describe('token monitor', () => {
  test('with the clock moved 25 minutes it logs every 30 s and the remember-me session stays', async ({ page, backend: _b }) => {
    await page.clock.install();
    const lines: string[] = [];
    page.on('console', (m) => m.text().includes('[TokenMonitor]') && lines.push(m.text()));
    await signIn(page, { rememberMe: true });
    const before = lines.length;

    await page.clock.runFor(25 * 60_000);

    expect(lines.length - before).toBeGreaterThanOrEqual(50);
    expect(lines.at(-1)).toMatch(/OK — access 3\d min \d+ s left/);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
    expect((await tokenStatus(page)).refresh.level).toBe('ok');
  });

  test('shrunk lifetimes show the warning and critical levels, in the status and the console', async ({ page, backend }) => {
    await backend.setLifetimes({ access_token_lifetime: 240, refresh_token_lifetime_remember_me: 3600 });
    const lines: { type: string; text: string }[] = [];
    page.on('console', (m) => m.text().includes('[TokenMonitor]') && lines.push({ type: m.type(), text: m.text() }));
    await signIn(page, { rememberMe: true });

    const status = await tokenStatus(page);
    expect(status.access.level).toBe('warning');
    expect(status.refresh.level).toBe('critical');
    expect(status.level).toBe('critical');
    await expect.poll(() => lines.find((l) => l.text.includes('CRITICAL'))?.type).toBe('error');
    expect(lines.find((l) => l.text.includes('CRITICAL'))!.text).toContain('(warning)');
  });

  test('a client clock 10 minutes behind is estimated within 5 s, and refresh still comes on time', async ({ page, backend }) => {
    await backend.setLifetimes({ access_token_lifetime: 60 });
    await page.clock.install({ time: Date.now() - 10 * 60_000 });
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshes(page);

    const skew = (await tokenStatus(page)).clockSkewMs;
    expect(Math.abs(skew - 10 * 60_000)).toBeLessThanOrEqual(5000);

    await backend.advanceClock(50);
    await page.clock.runFor(50_000);
    await expect.poll(async () => (await tokenStatus(page)).access.secondsLeft).toBeGreaterThan(50);
    expect(refreshes.count).toBe(1);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
  });
});
