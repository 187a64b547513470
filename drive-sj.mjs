import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4470';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
    await context.addCookies([{ name: 'll_e2e_backend', value: 'stock', url: base }]);
    await context.request.post('http://127.0.0.1:8272/v1/test/reset/');
    const page = await context.newPage();
    await page.goto(base + '/signin?backend=stock-simplejwt');
    await page.getByLabel('Email').fill('demo@example.com');
    await page.getByLabel('Password', { exact: true }).fill('demo-pass-2026');
    await page.screenshot({ path: `/tmp/shots/signin-${scheme}-${width}.png` });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await page.screenshot({ path: `/tmp/shots/home-${scheme}-${width}.png` });
    await page.reload();
    const banner = page.getByRole('region', { name: 'Why you were signed out' });
    await banner.waitFor();
    await page.screenshot({ path: `/tmp/shots/notkept-${scheme}-${width}.png`, fullPage: true });
    await banner.getByRole('button', { name: 'Details' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/notkept-details-${scheme}-${width}.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();
