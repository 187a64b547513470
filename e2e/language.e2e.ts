import { DEMO_USER, configure, expect, sessionId, test } from './fixtures';

/**
 * Every word Logout Lens shows comes from LogoutLensIntl: the demo provides a German one
 * (?lang=de), with German words of its own, and the sign-in and home pages, the sign-out dialog,
 * the banner with its diagnosis and the debug drawer speak it — with the session policy in the
 * server's numbers.
 */
test('the demo in its second language: the policy, the sign-out dialog, the banner and the drawer in German', async ({
  page,
  backend,
}) => {
  await configure(page, { logoutAlertDelayMs: 60_000 });
  await page.goto('/signin?lang=de');

  await test.step('the checkbox states the server\'s policy in German', async () => {
    await expect(page.getByLabel('20 Tage angemeldet bleiben')).toBeVisible();
  });

  await test.step("the demo's own sign-in page in German too", async () => {
    await expect(page).toHaveTitle('Anmelden · Logout Lens');
    await expect(page.getByText('Melden Sie sich an, um fortzufahren')).toBeVisible();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByText('Geben Sie Ihre E-Mail-Adresse ein.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Passwort anzeigen' })).toBeVisible();
  });

  await page.getByLabel('E-Mail').fill(DEMO_USER.email);
  await page.getByLabel('Passwort', { exact: true }).fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await test.step("the demo's own home page in German", async () => {
    await expect(page.getByRole('heading', { name: `Willkommen, ${DEMO_USER.name}` })).toBeVisible();
    await expect(page.getByText('Sie sind auf diesem Gerät bis zu 7 Tage lang angemeldet.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Die API ausprobieren' })).toBeVisible();
    await expect(page.getByRole('button', { name: `${DEMO_USER.name}, Kontomenü` })).toBeVisible();
  });

  await test.step('a session ended elsewhere: the dialog says so in German', async () => {
    const token = await backend.accessTokenFor(DEMO_USER);
    const revoke = await backend.api.delete(`/v1/auth/sessions/${await sessionId(page)}/`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(revoke.status()).toBe(204);
    await page.getByRole('button', { name: 'Daten laden 200', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung wurde an anderer Stelle beendet' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Grund: SESSION_REVOKED');
    await expect(dialog).toContainText('Weiter zur Anmeldung in');
    await dialog.getByRole('button', { name: 'Erneut anmelden' }).click();
  });

  await test.step('the banner on the sign-in page, and its details, in German', async () => {
    const banner = page.getByRole('region', { name: 'Warum Sie abgemeldet wurden' });
    await expect(banner).toContainText('Ihre Sitzung wurde von anderer Stelle abgemeldet');
    await expect(banner).toContainText('Falls Sie das nicht waren:');
    await banner.getByRole('button', { name: 'Details' }).click();
    await expect(banner).toContainText('Angemeldet bleiben');
    await expect(banner).toContainText('nein (7 Tage)');
    // Dates in German form (LOCALE_ID 'de'): "02.12.2026, 09:15:42".
    await expect(banner).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
    await expect(banner.getByTestId('banner-diagnosis')).toContainText(
      'Diese Sitzung wurde von einem anderen Gerät oder auf der Seite „Aktive Sitzungen“ beendet; dieser Browser hat es am',
    );
  });

  await test.step('the debug drawer and its diagnosis in German', async () => {
    await page.keyboard.press('Control+Shift+D');
    const drawer = page.getByRole('dialog', { name: 'Diagnosebereich' });
    await expect(drawer.getByRole('heading', { name: 'Diagnose', exact: true })).toBeVisible();
    await expect(drawer.getByTestId('dbg-diagnosis')).toContainText(
      'Diese Sitzung wurde von einem anderen Gerät oder auf der Seite „Aktive Sitzungen“ beendet',
    );
    await expect(drawer.getByTestId('dbg-auth-status')).toHaveText('Abgemeldet');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('?lang=en switches back', async () => {
    await page.goto('/signin?lang=en');
    await expect(page.getByLabel('Remember me for 20 days')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});
