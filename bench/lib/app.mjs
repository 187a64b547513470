// Browser-side helpers shared by the bench scripts: the backend's test hooks, launching Chromium,
// signing in as the e2e suite does, opening tabs, and firing demo calls.
import { chromium } from '@playwright/test';

import { onCleanup } from './stack.mjs';

export const DEMO_USER = { email: 'demo@example.com', password: 'demo-pass-2026', name: 'Dana Demo' };
export const REFRESH_PATH = '/v1/auth/refresh/';
export const DATA_PATH = '/v1/demo/data/';

/** The backend's test hooks (lifetimes and the server clock), as e2e/fixtures.ts uses them. */
export class Backend {
  constructor(baseURL) {
    this.baseURL = baseURL;
  }

  async post(path, body) {
    const response = await fetch(this.baseURL + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  reset() {
    return this.post('/v1/test/reset/');
  }

  /** Seconds: access_token_lifetime, refresh_token_lifetime(_remember_me), refresh_grace_seconds. */
  setLifetimes(lifetimes) {
    return this.post('/v1/test/config/', lifetimes);
  }

  advanceClock(seconds) {
    return this.post('/v1/test/clock/', { advance_seconds: Math.ceil(seconds) });
  }
}

export async function launchBrowser(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
  onCleanup(() => browser.close());
  return browser;
}

const welcome = (page) => page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` });

/** Signs in through the form, as a person would (e2e/fixtures.ts signIn). */
export async function signIn(page, { rememberMe }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  if (rememberMe) await page.getByLabel('Remember me for 20 days').check();
  const login = page.waitForResponse((r) => r.url().endsWith('/v1/auth/login/'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  const response = await login;
  if (response.status() !== 200) throw new Error(`sign-in answered ${response.status()}`);
  await welcome(page).waitFor({ state: 'visible', timeout: 20_000 });
}

/** Another tab of the same browser on the home page; it picks the session up. */
export async function openTab(context) {
  const page = await context.newPage();
  await page.goto('/');
  await welcome(page).waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

/** Whether the page still shows the signed-in home page and no sign-out dialog. */
export async function stillSignedIn(page) {
  const [home, dialogs] = await Promise.all([welcome(page).isVisible(), page.getByRole('dialog').count()]);
  return home && dialogs === 0;
}

/**
 * Clicks "Load data 200" `count` times in one task and resolves when all of them have answered
 * (the outcome line's sequence number advanced by `count`). The clicks all land before Angular
 * re-renders the button as disabled (zoneless change detection runs on a later macrotask), so
 * they start `count` concurrent calls through the app's real HttpClient and interceptors.
 * Returns the outcome line's last text and how long the page waited.
 */
export function fireCalls(page, count, timeoutMs = 60_000) {
  return page.evaluate(
    ([n, timeout]) =>
      new Promise((resolveCalls, reject) => {
        const panel = document.querySelector('app-demo-panel');
        const button = [...(panel?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent.replace(/\s+/g, ' ').trim() === 'Load data 200',
        );
        if (!button) return reject(new Error('no "Load data 200" button'));
        if (button.disabled) return reject(new Error('"Load data 200" is disabled (a call is under way)'));
        const outcome = () => panel.querySelector('[data-testid="demo-outcome"]');
        const seq = () => Number(outcome()?.getAttribute('data-call') ?? 0);
        const target = seq() + n;
        for (let i = 0; i < n; i++) button.click();
        let timer = 0;
        const check = () => {
          if (seq() >= target) {
            observer.disconnect();
            clearTimeout(timer);
            resolveCalls(outcome()?.textContent ?? '');
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(check);
        observer.observe(panel, { subtree: true, childList: true, attributes: true, characterData: true });
        if (check()) return;
        // A real (unfaked) timer would be nicer, but the page's clock may be Playwright's fake:
        // the caller also races this with a Node-side timeout.
        timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`only ${seq() - (target - n)} of ${n} calls answered`));
        }, timeout);
      }),
    [count, timeoutMs],
  );
}

/** Presses "Load data 200" once and returns the outcome line (e2e/fixtures.ts tryApi). */
export async function tryLoadData(page) {
  return fireCalls(page, 1, 30_000);
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]);
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!finite.length) return NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

export const round = (value, digits = 0) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;
