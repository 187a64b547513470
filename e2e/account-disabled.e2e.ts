import { DEMO_USER, configure, expect, sessionId, signIn, test } from './fixtures';

/** An administrator deactivating the account is said as such, everywhere — never "another device". */

test('a deactivated account signs out with its own words, record, diagnosis and sign-in error', async ({
  page,
  backend,
}) => {
  await configure(page, { logoutAlertDelayMs: 60_000 });
  await page.clock.install();
  await signIn(page, { rememberMe: true });
  const session = await sessionId(page);

  await backend.setUserActive(DEMO_USER.email, false);
  await page.getByRole('button', { name: 'Load data 200', exact: true }).click();

  await test.step('the dialog says the account was deactivated and whom to contact', async () => {
    const dialog = page.getByRole('dialog', { name: 'Your account was deactivated' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('An administrator deactivated your account');
    await expect(dialog).toContainText('Contact your administrator to restore access.');
    await expect(dialog).toContainText('Reason code: ACCOUNT_DISABLED');
    await expect(dialog).not.toContainText('another place');
    await dialog.getByRole('button', { name: 'Sign in again' }).click();
  });

  await test.step('the banner, its diagnosis and the history record say the same', async () => {
    const banner = page.getByRole('region', { name: 'Why you were signed out' });
    await expect(banner).toHaveAttribute('data-type', 'ACCOUNT_DISABLED');
    await expect(banner).toContainText('Your account was deactivated');
    await banner.getByRole('button', { name: 'Details' }).click();
    await expect(banner).toContainText('An administrator deactivated the account');
    const history = await page.evaluate(() => JSON.parse(localStorage.getItem('logout_history') ?? '[]'));
    expect(history.at(-1)).toMatchObject({ type: 'ACCOUNT_DISABLED', session_id: session });
  });

  await test.step('the server recorded it, and the browser reported it', async () => {
    await expect
      .poll(async () => (await backend.auditEvents({ session_id: session })).map((e) => `${e.source}:${e.type}`).sort())
      .toEqual(['client:ACCOUNT_DISABLED', 'server:ACCOUNT_DISABLED']);
  });

  await test.step('signing in with the right password says the account is deactivated', async () => {
    await page.getByLabel('Email').fill(DEMO_USER.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This account has been deactivated. Contact your administrator to restore access.')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Email or password is wrong.')).toBeVisible();
  });
});
