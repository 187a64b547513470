import { DEMO_USER, expect, signIn, test } from './fixtures';
import { bannerFor } from './screens';

/** What the employee meets on the sign-in page and the home page, by keyboard and by eye. */

const BANNER = { name: 'Why you were signed out' } as const;

test.describe('the reason banner', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('stays while it is read (expanded, with focus inside) and leaves 30 s after it is let go', async ({ page }) => {
    await bannerFor(page, 'TOKEN_EXPIRED', true);
    await page.mouse.move(5, 715); // the pointer leaves it: only focus and the open details hold it
    const banner = page.getByRole('region', BANNER);
    await expect(banner.getByRole('button', { name: 'Details' })).toBeFocused();

    await page.clock.runFor(60_000);
    await expect(banner).toBeVisible();

    // Collapsed, but focus still inside: it stays.
    await page.keyboard.press('Enter');
    await expect(banner.getByTestId('banner-diagnosis')).toBeHidden();
    await page.clock.runFor(60_000);
    await expect(banner).toBeVisible();

    // Focus leaves it: the 30 s start again from here.
    await page.getByLabel('Email').focus();
    await page.clock.runFor(29_000);
    await expect(banner).toBeVisible();
    await page.clock.runFor(2_000);
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Email')).toBeFocused();
  });

  test('stays while the pointer is over it', async ({ page }) => {
    await bannerFor(page, 'IDLE_TIMEOUT', false);
    const banner = page.getByRole('region', BANNER);
    await banner.hover();
    await page.clock.runFor(45_000);
    await expect(banner).toBeVisible();
    await page.mouse.move(5, 735);
    await page.clock.runFor(31_000);
    await expect(banner).toHaveCount(0);
  });

  test('a security sign-out says what to do if it was not you, and the diagnosis is for the IT team in local time', async ({
    page,
  }) => {
    await bannerFor(page, 'PASSWORD_CHANGED', true);
    const banner = page.getByRole('region', BANNER);
    await expect(banner.getByTestId('banner-next-step')).toHaveText(
      "If this wasn't you: someone may know your password. Contact your administrator now to reset it, then review Active sessions.",
    );
    const forIt = banner.getByRole('region', { name: 'For your IT team' });
    await expect(forIt).toContainText('this browser learned of it at');
    await expect(forIt).not.toContainText('UTC');
    // The same format as the details beside it.
    const time = await banner.locator('dt:text-is("Time") + dd').textContent();
    expect(await forIt.textContent()).toContain(time!.trim());
  });

  test('a warning is amber, not the tertiary blue, in light and dark', async ({ page }) => {
    await bannerFor(page, 'TOKEN_EXPIRED', false);
    const background = () =>
      page.getByRole('region', BANNER).evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 223, 158)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(91, 67, 0)');
  });
});

test('a focused control shows a strong ring (3 px, primary colour), not only a state layer', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Remember me for 20 days').focus();
  await page.keyboard.press('Tab'); // to the Sign in button, by keyboard
  const button = page.getByRole('button', { name: 'Sign in' });
  await expect(button).toBeFocused();
  const ring = await button.evaluate((el) => {
    const before = getComputedStyle(el.querySelector('.mat-focus-indicator')!, '::before');
    const primary = getComputedStyle(document.documentElement).getPropertyValue('--mat-sys-primary').trim();
    return {
      shown: before.display !== 'none' && before.content !== 'none',
      width: before.borderTopWidth,
      style: before.borderTopStyle,
      inPrimary: before.borderTopColor !== 'rgba(0, 0, 0, 0)' && primary !== '',
    };
  });
  expect(ring).toEqual({ shown: true, width: '3px', style: 'solid', inPrimary: true });
});

test.describe('focus stays where a person expects it', () => {
  test('after a refused sign-in, on the password, selected for retyping', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(DEMO_USER.email);
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await expect(page.getByText('Email or password is wrong')).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  });

  test('after submitting with a field to fix, on that field', async ({ page }) => {
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toBeFocused();
  });

  test('a demo button keeps focus while its call is under way (aria-disabled) and after', async ({ page }) => {
    await signIn(page, { rememberMe: false });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/v1/demo/forbidden/', async (route) => {
      await held;
      await route.fallback();
    });
    const button = page.getByRole('button', { name: 'Forbidden 403', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toBeFocused();
    release();
    await expect(page.getByTestId('demo-outcome')).toContainText('You are still signed in');
    await expect(button).not.toHaveAttribute('aria-disabled', 'true');
    await expect(button).toBeFocused();
  });
});

test('after a session expires, the sign-in form has the email filled in', async ({ page, backend }) => {
  await page.clock.install();
  await backend.setLifetimes({ access_token_lifetime: 60, refresh_token_lifetime: 100 });
  await signIn(page, { rememberMe: false });
  await backend.advanceClock(101);
  await page.clock.runFor(101_000);
  await expect(page.getByRole('dialog', { name: 'Your session expired' })).toBeVisible();
  await page.clock.runFor(6_000); // the dialog's countdown
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('region', BANNER)).toHaveAttribute('data-type', 'TOKEN_EXPIRED');
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_USER.email);
});

test("the account button's name starts with what it shows (WCAG 2.5.3)", async ({ page }) => {
  await signIn(page, { rememberMe: false });
  await expect(page.getByRole('button', { name: `${DEMO_USER.name}, account menu`, exact: true })).toBeVisible();
});
