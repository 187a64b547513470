// The production build under the Content-Security-Policy of deploy/nginx.conf.example: the
// built app is served with exactly that header (read from the example, so the two cannot drift
// apart), loaded in headless Chromium, and must render the sign-in page styled, open the lazy
// debug drawer, and cause no CSP violation. The API answers 503 here: no backend is needed to
// see the page, and an unreachable API must not sign anyone out or break the page either.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

import { chromium } from '@playwright/test';

import { root } from './setup.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The CSP the nginx example sends with the app. */
export function nginxCsp() {
  const conf = readFileSync(join(root, 'deploy', 'nginx.conf.example'), 'utf8');
  const match = conf.match(/add_header Content-Security-Policy "([^"]+)"/);
  if (!match) throw new Error('deploy/nginx.conf.example sets no Content-Security-Policy');
  return match[1];
}

/** Serves dist/demo/browser as nginx would (SPA fallback to index.html, the CSP header). */
function serve(dir, csp) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/v1/')) {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end('{"code":"unavailable"}');
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || path.endsWith('/')) file = join(dir, 'index.html');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Returns the problems found; none means the build passes its CSP. */
export async function checkCsp(dist) {
  const csp = nginxCsp();
  const server = await serve(dist, csp);
  const url = `http://127.0.0.1:${server.address().port}`;
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
    server.close();
  }
  return problems;
}
