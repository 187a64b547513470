import { BrowserContext, Cookie, Page, Route } from '@playwright/test';

import { Backend, DEMO_USER, countRefreshes, expect, sessionId, signIn, test, tryApi } from './fixtures';

/**
 * The soak's two failures, at their root: a refresh the server carried out whose answer never
 * reached the tab (the backend restarted before answering, the app's own 15 s timeout gave up on
 * it, or it was one of the burst of refreshes after the client clock jumped). The tab then
 * presents the token the server has already rotated. That is this browser retrying, not a thief:
 * the server gives the same successor again, and the user stays signed in.
 *
 * With the server's lost-answer recovery switched off (the server as it was), the same retry past
 * the 30 s grace window is taken for reuse and signs the user out: the soak's "hour 50" outcome,
 * "Bad gateway: The server asked for a fresh sign-in token (401).", is that sign-out as the call
 * that met it reads it.
 */

const home = (page: Page) => expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();

/**
 * Loses the answer of the page's next refresh: the request reaches the server, which rotates the
 * token, and the browser never gets the answer (nor its cookie: the cookie it held is put back).
 * The server's clock then moves on by `laterSeconds` (a restart's downtime, a slow answer), and
 * `lose` decides how the page learns of the loss.
 */
async function loseNextRefreshAnswer(
  page: Page,
  backend: Backend,
  laterSeconds: number,
  lose: (route: Route) => Promise<void>,
): Promise<{ carriedOut: Promise<void>; lost: Promise<void> }> {
  const context = page.context();
  const before = await refreshCookieOf(context);
  let carriedOut!: () => void;
  let lost!: () => void;
  const done = {
    carriedOut: new Promise<void>((r) => (carriedOut = r)),
    lost: new Promise<void>((r) => (lost = r)),
  };
  let once = true;
  await page.route('**/v1/auth/refresh/', async (route) => {
    if (!once) return route.fallback();
    once = false;
    const answer = await route.fetch();
    expect(answer.status(), 'the server carried the refresh out').toBe(200);
    await context.clearCookies({ name: 'll_refresh' });
    await context.addCookies([before]);
    await backend.advanceClock(laterSeconds);
    carriedOut();
    await lose(route);
    lost();
  });
  return done;
}

async function refreshCookieOf(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name === 'll_refresh');
  expect(cookie).toBeTruthy();
  return cookie!;
}

/** The refresh cookie each refresh request presented, in order. */
function presentedCookies(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/v1/auth/refresh/')) return;
    void request.allHeaders().then((headers) => sent.push(/ll_refresh=([^;]+)/.exec(headers['cookie'] ?? '')?.[1] ?? '-'));
  });
  return sent;
}

/** Whether the server ended this session as reuse (its own record, not the browser's report). */
async function reuseRecords(backend: Backend, session: string): Promise<number> {
  const records = await backend.auditEvents({ type: 'TOKEN_REUSE_DETECTED' });
  return records.filter((e) => e.source === 'server' && e.session_id === session).length;
}

test.describe('a refresh whose answer was lost', () => {
  test('after a backend restart: the retry presents the rotated token 2 minutes later and the session goes on', async ({
    page,
    backend,
  }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const session = await sessionId(page);
    const refreshes = countRefreshes(page);
    const rotatedBefore = (await refreshCookieOf(page.context())).value;
    const presented = presentedCookies(page);
    // The backend dies between committing the rotation and answering: the connection is reset.
    // It is back two minutes later (well past the 30 s grace window); the app retries its refresh.
    const refresh = await loseNextRefreshAnswer(page, backend, 120, (route) => route.abort('connectionreset'));

    await backend.advanceClock(3601);
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await refresh.lost;
    await page.clock.runFor(1000);

    await expect(page.getByTestId('demo-outcome')).toContainText('200 OK');
    expect(refreshes.count).toBe(2);
    expect(presented, 'the retry presented the token the server had rotated').toEqual([rotatedBefore, rotatedBefore]);
    expect((await refreshCookieOf(page.context())).value).not.toBe(rotatedBefore);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
    await home(page);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await reuseRecords(backend, session)).toBe(0);
  });

  test('after the app gave up on it (its 15 s timeout): the retry presents the rotated token and the session goes on', async ({
    page,
    backend,
  }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const session = await sessionId(page);
    const refreshes = countRefreshes(page);
    // The answer is slow: the app's timeout fires first and it abandons the request.
    let abandoned!: () => void;
    const gaveUp = new Promise<void>((r) => (abandoned = r));
    page.on('requestfailed', (r) => r.url().endsWith('/v1/auth/refresh/') && abandoned());
    const presented = presentedCookies(page);
    const rotated = (await refreshCookieOf(page.context())).value;
    const refresh = await loseNextRefreshAnswer(page, backend, 45, async (route) => {
      await gaveUp;
      await route.abort().catch(() => {}); // already abandoned by the page
    });

    await backend.advanceClock(3601);
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await refresh.carriedOut;
    await page.clock.runFor(15_000);
    await refresh.lost;
    await page.clock.runFor(1000);

    await expect(page.getByTestId('demo-outcome')).toContainText('200 OK');
    expect(refreshes.count).toBe(2);
    expect(presented, 'the retry presented the token the server had rotated').toEqual([rotated, rotated]);
    await home(page);
    expect(await reuseRecords(backend, session)).toBe(0);
  });

  test('after the client clock jumped 10 minutes ahead: the burst of refreshes that follows survives a lost answer', async ({
    page,
    backend,
  }) => {
    await backend.setLifetimes({ access_token_lifetime: 60 });
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const session = await sessionId(page);
    const refreshes = countRefreshes(page);
    const presented = presentedCookies(page);
    const rotated = (await refreshCookieOf(page.context())).value;
    const refresh = await loseNextRefreshAnswer(page, backend, 45, (route) => route.abort('connectionreset'));

    // The clock jumps: at its next check (every 30 s) the app believes its token expired long ago
    // and refreshes, and again after each answer until its estimate of the server's clock caught up.
    await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 10 * 60_000);
    await page.clock.runFor(30_000);
    await refresh.lost;
    await page.clock.runFor(2000);

    await expect.poll(() => refreshes.count).toBeGreaterThanOrEqual(2);
    expect(presented.slice(0, 2), 'the retry presented the token the server had rotated').toEqual([rotated, rotated]);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
    await home(page);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await reuseRecords(backend, session)).toBe(0);
  });

  test('the soak\'s "hour 50": a Bad gateway call that meets the retry says you are still signed in', async ({
    page,
    backend,
  }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const session = await sessionId(page);
    const refresh = await loseNextRefreshAnswer(page, backend, 120, (route) => route.abort('connectionreset'));

    await backend.advanceClock(3601);
    await page.getByRole('button', { name: 'Bad gateway 502', exact: true }).click();
    await refresh.lost;
    await page.clock.runFor(1000);

    await expect(page.getByTestId('demo-outcome')).toHaveText(
      'Bad gateway: The server is temporarily unavailable (502). You are still signed in.',
    );
    await home(page);
    expect(await reuseRecords(backend, session)).toBe(0);
  });

  test('the soak\'s "hour 50", with lost-answer recovery off (the server as it was): the retry is taken for reuse', async ({
    page,
    backend,
  }) => {
    await backend.setLifetimes({ refresh_recovery_seconds: 0 });
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const session = await sessionId(page);
    const refresh = await loseNextRefreshAnswer(page, backend, 120, (route) => route.abort('connectionreset'));

    await backend.advanceClock(3601);
    await page.getByRole('button', { name: 'Bad gateway 502', exact: true }).click();
    await refresh.lost;
    await page.clock.runFor(1000);

    await expect(page.getByTestId('demo-outcome')).toHaveText(
      'Bad gateway: The server asked for a fresh sign-in token (401).',
    );
    await expect(page.getByRole('dialog')).toContainText('TOKEN_REUSE_DETECTED');
    expect(await reuseRecords(backend, session)).toBe(1);
  });
});
