import { BrowserContext, Page } from '@playwright/test';

import { DEMO_USER, expect, signIn, test } from './fixtures';

async function refreshCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === 'll_refresh');
  expect(cookie, 'refresh cookie').toBeDefined();
  return cookie!;
}

async function storageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
    return `${dump(localStorage)}\n${dump(sessionStorage)}`;
  });
}

test.describe('sign-in', () => {
  for (const { rememberMe, days } of [
    { rememberMe: true, days: 20 },
    { rememberMe: false, days: 7 },
  ]) {
    test(`${rememberMe ? 'with' : 'without'} "Remember me" the refresh cookie lives ${days} days and is HttpOnly`, async ({
      page,
      context,
      backend: _backend,
    }) => {
      const login = await signIn(page, { rememberMe });

      const setCookie = (await login.headerValue('set-cookie')) ?? '';
      expect(setCookie).toMatch(new RegExp(`Max-Age=${days * 86400}\\b`));
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/Path=\/v1\/auth\//);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const cookie = await refreshCookie(context);
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.expires - Date.now() / 1000).toBeGreaterThan(days * 86400 - 120);
      expect(cookie.expires - Date.now() / 1000).toBeLessThanOrEqual(days * 86400 + 5);
    });
  }

  test('no access or refresh token is ever in web storage, after sign-in or reload', async ({
    page,
    context,
    backend: _backend,
  }) => {
    const login = await signIn(page, { rememberMe: true });
    const access = (await login.json()).access as string;
    expect(access.length).toBeGreaterThan(20);

    const secrets = [access, (await refreshCookie(context)).value];
    for (const secret of secrets) expect(await storageText(page)).not.toContain(secret);

    const restored = page.waitForResponse((r) => r.url().endsWith('/v1/auth/refresh/'));
    await page.reload();
    const fresh = (await (await restored).json()).access as string;
    await expect(page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` })).toBeVisible();
    secrets.push(fresh, (await refreshCookie(context)).value);
    const stored = await storageText(page);
    expect(stored).toContain('auth-storage');
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  test('says in words what went wrong', async ({ page, backend: _backend }) => {
    await page.goto('/signin');
    await test.step('invalid input', async () => {
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Enter a valid email address')).toBeVisible();
      await expect(page.getByText('Enter your password.')).toBeVisible();
    });
    await test.step('wrong password', async () => {
      await page.getByLabel('Email').fill(DEMO_USER.email);
      await page.getByLabel('Password', { exact: true }).fill('wrong-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toHaveText(/Email or password is wrong/);
    });
    await test.step('backend unreachable', async () => {
      await page.route('**/v1/auth/login/', (route) => route.abort('connectionrefused'));
      await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toHaveText(/Can't reach the server/);
      await expect(page).toHaveURL(/\/signin$/);
    });
  });

  test('the home page needs a session', async ({ page, backend: _backend }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});
