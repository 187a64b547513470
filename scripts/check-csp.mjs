// The production build under the Content-Security-Policy of deploy/nginx.conf.example: the
// built app is served with exactly that header (read from the example, so the two cannot drift
// apart), loaded in headless Chromium, and must render the sign-in page styled, open the lazy
// debug drawer, and cause no CSP violation. The API answers 503 here: no backend is needed to
// see the page, and an unreachable API must not sign anyone out or break the page either.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from '@playwright/test';

import { root } from './setup.mjs';
import { serveStatic } from './static-server.mjs';

/** The CSP the nginx example sends with the app. */
export function nginxCsp() {
  const conf = readFileSync(join(root, 'deploy', 'nginx.conf.example'), 'utf8');
  const match = conf.match(/add_header Content-Security-Policy "([^"]+)"/);
  if (!match) throw new Error('deploy/nginx.conf.example sets no Content-Security-Policy');
  return match[1];
}

/** Returns the problems found; none means the build passes its CSP. */
export async function checkCsp(dist) {
  const csp = nginxCsp();
  // Served as nginx would, with its CSP; no backend (the API answers 503).
  const server = await serveStatic(dist, { headers: { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' } });
  const url = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN || '/usr/bin/chromium' });
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`),
      );
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${url}/signin`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 20_000 });
    // The global stylesheet applied (not left at media="print" by a blocked inline handler).
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    if (!font.includes('Roboto')) problems.push(`global styles not applied (body font: ${font})`);
    await page.keyboard.press('Control+Shift+D');
    await page.getByText('Log Full State to Console').waitFor({ timeout: 20_000 });
    const violations = await page.evaluate(() => window.__cspViolations);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
  } catch (error) {
    problems.push(String(error));
  } finally {
    await browser.close();
    await server.close();
  }
  return problems;
}
