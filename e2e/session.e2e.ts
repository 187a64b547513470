import { DEMO_USER, FAILURES_THAT_KEEP_THE_SESSION, countRefreshes, expect, signIn, test, tryApi } from './fixtures';

const home = (page: import('@playwright/test').Page) =>
  expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();

test.describe('staying signed in', () => {
  test('keeps the user signed in through several access token expiries', async ({ page, backend }) => {
    await backend.setLifetimes({ access_token_lifetime: 30 });
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshes(page);

    for (let expiry = 1; expiry <= 4; expiry++) {
      await test.step(`expiry ${expiry}`, async () => {
        await backend.advanceClock(31);
        await page.clock.runFor(31_000);
        await expect.poll(() => refreshes.count).toBeGreaterThanOrEqual(expiry);
        expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
      });
    }
    await home(page);
    expect(refreshes.count).toBeGreaterThanOrEqual(3);
  });

  test('20 concurrent calls with an expired access token cause exactly one refresh', async ({ page, backend }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshes(page);
    let unauthorized = 0;
    page.on('response', (r) => r.url().includes('/v1/demo/') && r.status() === 401 && unauthorized++);

    await backend.advanceClock(3601);
    expect(await tryApi(page, 'Load data ×20')).toContain('20 of 20 calls succeeded');

    expect(unauthorized).toBe(20);
    expect(refreshes.count).toBe(1);
    await home(page);
  });

  test('after a sleep, calls with a token known to have expired wait for one refresh instead of earning 401s', async ({
    page,
    backend,
  }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshes(page);
    let unauthorized = 0;
    page.on('response', (r) => r.url().includes('/v1/demo/') && r.status() === 401 && unauthorized++);

    // The laptop wakes an hour later: both clocks have moved, no timer has fired yet.
    await backend.advanceClock(3601);
    await page.clock.setSystemTime(Date.now() + 3601_000);
    expect(await tryApi(page, 'Load data ×20')).toContain('20 of 20 calls succeeded');

    expect(unauthorized).toBe(0);
    expect(refreshes.count).toBe(1);
    await home(page);
  });

  test('with the backend down, a call with a token known to have expired is answered within the wait bound', async ({
    page,
    backend,
  }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshes(page);
    let dataCalls = 0;
    page.on('request', (r) => r.url().includes('/v1/demo/data/') && dataCalls++);
    await page.route('**/v1/**', (route) => route.abort('connectionrefused'));

    // The laptop wakes an hour later with the backend down; from then on time moves only when told.
    await backend.advanceClock(3601);
    const wokeAt = (await page.evaluate(() => Date.now())) + 3601_000;
    await page.clock.setSystemTime(wokeAt);
    await page.clock.pauseAt(wokeAt + 100);
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    await expect.poll(() => refreshes.count).toBe(1);
    expect(dataCalls).toBe(0);

    // The refresh goes on retrying with backoff (1 s, 2 s, 4 s, …); the call waits 3 s at most.
    await page.clock.runFor(2_900);
    expect(dataCalls).toBe(0);
    await page.clock.runFor(100);
    await expect.poll(() => dataCalls).toBe(1);

    // Time flows again, so the page renders the answer.
    await page.clock.resume();
    const outcome = page.getByTestId('demo-outcome');
    await expect(outcome).toContainText("Can't reach the server");
    await expect(outcome).toContainText('You are still signed in');
    await home(page);
  });

  test('403, 402, 5xx and a cut network leave the user signed in, with a message', async ({ page, backend: _backend }) => {
    await signIn(page, { rememberMe: false });
    const refreshes = countRefreshes(page);

    for (const [label, status] of FAILURES_THAT_KEEP_THE_SESSION) {
      await test.step(`${status}`, async () => {
        const outcome = await tryApi(page, label);
        expect(outcome).toContain(`(${status})`);
        expect(outcome).toContain('You are still signed in');
        await expect(page.locator('mat-snack-bar-container').last()).toContainText(`(${status})`);
      });
    }
    await test.step('network cut (request aborted)', async () => {
      await page.route('**/v1/demo/data/', (route) => route.abort('internetdisconnected'));
      expect(await tryApi(page, 'Load data 200')).toContain("Can't reach the server");
      await expect(page.locator('mat-snack-bar-container').last()).toContainText("Can't reach the server");
      await page.unroute('**/v1/demo/data/');
    });
    await test.step('network cut (demo button)', async () => {
      expect(await tryApi(page, 'Network cut offline')).toContain("Can't reach the server");
    });

    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');
    expect(refreshes.count).toBe(0);
    await home(page);
  });

  test('a refresh that fails with 503 three times and then succeeds keeps the user signed in', async ({
    page,
    backend,
  }) => {
    await page.clock.install();
    await signIn(page, { rememberMe: true });
    const refreshes = countRefreshes(page);
    let failuresLeft = 3;
    await page.route('**/v1/auth/refresh/', (route) =>
      failuresLeft-- > 0
        ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"unavailable"}' })
        : route.continue(),
    );

    await backend.advanceClock(3601);
    await page.getByRole('button', { name: 'Load data 200', exact: true }).click();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect.poll(() => refreshes.count).toBe(attempt);
      await page.clock.runFor(1000 * 2 ** (attempt - 1));
    }

    await expect(page.getByTestId('demo-outcome')).toContainText('200 OK');
    expect(refreshes.count).toBe(4);
    await home(page);
  });

  test('reload keeps the session; sign-out ends it and the old cookie no longer refreshes', async ({
    page,
    context,
    backend,
  }) => {
    await signIn(page, { rememberMe: true });
    await page.reload();
    await home(page);
    expect(await tryApi(page, 'Load data 200')).toContain('200 OK');

    const cookie = (await context.cookies()).find((c) => c.name === 'll_refresh')!;
    // The sign-in page comes at once; the server's answer to the sign-out may come a moment later.
    const signedOut = page.waitForResponse((r) => r.url().endsWith('/v1/auth/logout/'));
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    expect((await signedOut).ok()).toBe(true);

    const replay = await backend.refreshWith(cookie.value);
    expect(replay.status()).toBe(401);
    expect((await replay.json()).code).toBe('refresh_revoked');
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin$/);
  });
});
