import { DEMO_USER, expect, signIn, test } from './fixtures';

/** A route change focuses the new page's heading: focus never falls to the page body. */

test('navigating through the account menu focuses the new page\'s h1, and so does going back', async ({
  page,
  backend: _b,
}) => {
  await signIn(page, { rememberMe: true });

  await test.step('Active sessions, from the account menu', async () => {
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Active sessions' }).click();
    await expect(page).toHaveURL(/\/account\/sessions$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Active sessions' })).toBeFocused();
  });

  await test.step('back to home, by keyboard', async () => {
    await page.getByRole('link', { name: 'Back to home' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${DEMO_USER.name}` })).toBeFocused();
  });

  await test.step('the heading is focusable from script only, not a tab stop', async () => {
    const heading = page.getByRole('heading', { level: 1, name: `Welcome, ${DEMO_USER.name}` });
    await expect(heading).toHaveAttribute('tabindex', '-1');
    await page.keyboard.press('Tab');
    await expect(heading).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  });
});
