import { Backend, configure, expect, refreshCookie, sessionId, signIn, test } from './fixtures';

/**
 * A sign-out ends the session on the server too, whatever decided it: a copied refresh cookie
 * is refused afterwards, and the server keeps its own record with the type the browser gave.
 */

async function serverRecords(backend: Backend, session: string): Promise<string[]> {
  const events = await backend.auditEvents({ session_id: session });
  return events.filter((e) => e.source === 'server').map((e) => e.type);
}

async function expectRefused(backend: Backend, cookie: string): Promise<void> {
  const replay = await backend.refreshWith(cookie);
  expect(replay.status()).toBe(401);
  expect((await replay.json()).code).toBe('refresh_revoked');
}

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('after an idle timeout the old cookie no longer refreshes, and the server recorded it', async ({
  page,
  backend,
}) => {
  await configure(page, { idleTimeoutMinutes: 2, idleWarningSeconds: 30, logoutAlertDelayMs: 60_000 });
  await signIn(page, { rememberMe: true });
  const cookie = await refreshCookie(page);
  const session = await sessionId(page);

  await page.clock.runFor(125_000);

  await expect(page.getByRole('dialog', { name: 'You were inactive' })).toBeVisible();
  await expect.poll(() => serverRecords(backend, session)).toEqual(['IDLE_TIMEOUT']);
  await expectRefused(backend, cookie);
});

test('a sign-out made while the backend is unreachable revokes the session once it is back', async ({
  page,
  backend,
}) => {
  await configure(page, { logoutAlertDelayMs: 60_000 });
  await signIn(page, { rememberMe: true });
  const cookie = await refreshCookie(page);
  const session = await sessionId(page);
  await page.route('**/v1/**', (route) => route.abort('connectionrefused'));

  await test.step('signed out with the backend unreachable: the revoke waits in the outbox', async () => {
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('region', { name: 'Why you were signed out' })).toHaveAttribute('data-type', 'USER_INITIATED');
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('logout_event_queue') ?? '[]').length))
      .toBe(1);
    expect(await serverRecords(backend, session)).toEqual([]);
  });

  await test.step('the backend is back: the outbox delivers and the server revokes', async () => {
    await page.unroute('**/v1/**');
    await page.clock.runFor(31_000);
    await expect.poll(() => serverRecords(backend, session)).toEqual(['USER_INITIATED']);
    expect(await page.evaluate(() => localStorage.getItem('logout_event_queue'))).toBeNull();
    await expectRefused(backend, cookie);
  });
});
