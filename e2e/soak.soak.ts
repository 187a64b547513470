import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';

import { BrowserContext, Page } from '@playwright/test';

import { BACKEND, DEMO_USER, Lifetimes, expect, signIn, test } from './fixtures';

/**
 * `npm run soak`: a remember-me session lived through 20 simulated days, with a fault injected
 * every simulated hour (seeded, so every run meets the same ones), across 3 tabs. Time is scaled
 * down: every server lifetime is divided by SOAK_SCALE and the clocks move by a scaled hour per
 * step, so the session refreshes once a simulated hour as it would in real use. It must end exactly
 * once, as TOKEN_EXPIRED, when the refresh token's 20 days are up — and never before.
 */

/** A small seeded PRNG (mulberry32), so every soak run injects the same faults. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulated days (the policy's 20 unless SOAK_DAYS says otherwise, for a quick run). */
const DAYS = Number(process.env['SOAK_DAYS'] ?? 20);
/** How much faster than real life the session lives: one simulated hour is 3600 / SCALE seconds. */
const SCALE = Number(process.env['SOAK_SCALE'] ?? 60);
const HOUR = 3600 / SCALE;
/**
 * The clocks move in slices shorter than the app's 15 s request timeout, and each slice waits for
 * the requests it started: a real request is never overtaken by simulated time.
 */
const SLICE = 10;
const PORT = new URL(BACKEND).port;

const FAULTS = [
  'none',
  'http-403',
  'http-402',
  'http-500',
  'http-502',
  'http-503',
  'network-cut',
  'refresh-503',
  'backend-restart',
  'throttled-tab',
  'clock-jump',
] as const;
type Fault = (typeof FAULTS)[number];

const DEMO_BUTTON: Partial<Record<Fault, string>> = {
  'http-403': 'Forbidden 403',
  'http-402': 'Payment required 402',
  'http-500': 'Server error 500',
  'http-502': 'Bad gateway 502',
  'http-503': 'Unavailable 503',
};

/**
 * The backend as a process the soak can stop and start again on the same database. Its log (every
 * injected 4xx/5xx is a line) goes to .e2e/soak-backend-<port>.log.
 */
class BackendProcess {
  private child: ChildProcess | null = null;
  starts = 0;

  async start(): Promise<void> {
    const args = ['scripts/e2e-backend.mjs', PORT, ...(this.starts > 0 ? ['--keep-db'] : [])];
    mkdirSync('.e2e', { recursive: true });
    const log = openSync(`.e2e/soak-backend-${PORT}.log`, this.starts > 0 ? 'a' : 'w');
    this.child = spawn(process.execPath, args, { stdio: ['ignore', log, log] });
    this.starts++;
    await expect(async () => {
      expect((await fetch(`${BACKEND}/v1/test/health/`)).ok).toBe(true);
    }).toPass({ timeout: 60_000, intervals: [100, 200, 500] });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Requests to the API the pages have started and not yet seen answered. */
function trackInFlight(context: BrowserContext): { settled(): Promise<void> } {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const isApi = (url: string) => new URL(url).pathname.startsWith('/v1/');
  const done = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    inFlight--;
    if (inFlight === 0) {
      waiters.forEach((w) => w());
      waiters = [];
    }
  };
  context.on('request', (request) => {
    if (isApi(request.url())) inFlight++;
  });
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return {
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
  };
}

const server = new BackendProcess();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

/**
 * Clicks a "Try the API" button and returns the outcome of that call (as `tryApi`, but waiting for
 * the outcome's DOM change rather than polling, which keeps the 480 hours quick).
 */
const callsMade = new WeakMap<Page, number>();
async function callApi(tab: Page, label: string): Promise<string> {
  const call = (callsMade.get(tab) ?? 0) + 1;
  callsMade.set(tab, call);
  // Forced: a snack bar from the previous call may still cover the button; that is not under test.
  await tab.getByRole('button', { name: label, exact: true }).click({ force: true });
  const outcome = tab.locator(`[data-testid="demo-outcome"][data-call="${call}"]`);
  await outcome.waitFor({ timeout: 20_000 });
  return (await outcome.textContent()) ?? '';
}

const welcome = (page: Page) => page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` });

test(`a remember-me session lives ${DAYS} simulated days through faults, then ends once as TOKEN_EXPIRED`, async ({
  page,
  context,
  backend,
}) => {
  test.setTimeout(Math.max(5, DAYS * 1.5) * 60_000);
  const random = prng(20261128);
  const survived = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const lifetimes: Lifetimes = {
    access_token_lifetime: HOUR,
    refresh_token_lifetime_remember_me: DAYS * 24 * HOUR,
  };
  /**
   * The server's clock follows the page's: just before each API request reaches the server, it is
   * moved to the page's time (less the client clock jumps the soak injected, which are the client's
   * own error). The server only tells the time when asked, so this keeps them exactly together.
   * Both clocks also run in real time, so the server is moved by the simulated time that did not
   * pass for real.
   */
  let pageStart = 0;
  let realStart = 0;
  let jumps = 0;
  let serverOffset = 0;
  const simulatedSeconds = async () => ((await page.evaluate(() => Date.now())) - pageStart - jumps) / 1000;
  let syncing = Promise.resolve();
  const syncServerClock = () =>
    (syncing = syncing.then(async () => {
      const target = (await simulatedSeconds()) - (Date.now() - realStart) / 1000;
      const behind = Math.floor(target - serverOffset);
      if (behind <= 0) return;
      serverOffset += behind;
      await backend.advanceClock(behind).catch(() => {}); // while it is down: set on restart
    }));
  await context.route('**/v1/**', async (route) => {
    await syncServerClock();
    await route.fallback();
  });
  const network = trackInFlight(context);
  /** Lets simulated time run to `seconds` after the start. */
  const liveUntil = async (seconds: number) => live(seconds - (await simulatedSeconds()));
  /** Lets `seconds` of simulated time pass, a slice at a time. */
  const live = async (seconds: number) => {
    for (let left = seconds; left > 0; left -= SLICE) {
      const step = Math.min(SLICE, left);
      await page.clock.runFor(Math.round(step * 1000));
      await network.settled();
    }
  };

  await backend.setLifetimes(lifetimes);
  await page.clock.install();
  pageStart = await page.evaluate(() => Date.now());
  realStart = Date.now();
  await signIn(page, { rememberMe: true });
  const tabs = [page];
  for (let i = 0; i < 2; i++) {
    const tab = await context.newPage();
    await tab.goto('/');
    await expect(welcome(tab)).toBeVisible();
    tabs.push(tab);
  }
  const refreshes = { count: 0 };
  context.on('request', (r) => {
    if (r.url().endsWith('/v1/auth/refresh/')) refreshes.count++;
  });

  for (let hour = 1; hour <= DAYS * 24 - 1; hour++) {
    const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
    const tab = tabs[Math.floor(random() * tabs.length)]!;
    const context_ = `hour ${hour} (${fault})`;

    if (fault === 'refresh-503') {
      // This hour's refresh is answered 503 twice before the server recovers.
      let left = 2;
      await context.route('**/v1/auth/refresh/', (route) =>
        left-- > 0 ? route.fulfill({ status: 503, body: '{"code":"unavailable"}' }) : route.fallback(),
      );
      await liveUntil(hour * HOUR);
      await context.unroute('**/v1/auth/refresh/');
    } else if (fault === 'backend-restart') {
      // The server goes down for a quarter of the hour, with calls made meanwhile, and comes back.
      await liveUntil((hour - 0.5) * HOUR);
      await server.stop();
      expect(await callApi(tab, 'Load data 200'), context_).toContain('You are still signed in');
      await liveUntil((hour - 0.25) * HOUR);
      await server.start();
      // A restarted test server forgets its moved clock and lifetimes: set them again.
      await backend.setLifetimes(lifetimes);
      await backend.advanceClock(serverOffset);
      await liveUntil(hour * HOUR);
    } else if (fault === 'throttled-tab') {
      // A hidden, throttled tab: the whole hour's timers fire late, at once.
      await page.clock.fastForward(Math.max(0, hour * HOUR - (await simulatedSeconds())) * 1000);
      await network.settled();
    } else {
      await liveUntil(hour * HOUR);
    }

    if (fault === 'clock-jump') {
      const jump = (random() < 0.5 ? -1 : 1) * 10 * 60_000;
      const pageNow = await page.evaluate(() => Date.now());
      await page.clock.setSystemTime(new Date(pageNow + jump));
      jumps += jump;
    } else if (fault === 'network-cut') {
      await tab.route('**/v1/demo/data/', (route) => route.abort('internetdisconnected'));
      expect(await callApi(tab, 'Load data 200'), context_).toContain("Can't reach the server");
      await tab.unroute('**/v1/demo/data/');
    } else if (DEMO_BUTTON[fault]) {
      expect(await callApi(tab, DEMO_BUTTON[fault]!), context_).toContain('You are still signed in');
    }
    // Whatever happened this hour, the session is there and works.
    expect(await callApi(tab, 'Load data 200'), context_).toContain('200 OK');
    survived[fault]++;
  }

  for (const t of tabs) await expect(t.getByRole('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('logout_history'))).toBeNull();
  const refreshesBeforeEnd = refreshes.count;

  // Day 20 ends: the refresh token expires and the session ends, once, in every tab. Time moves a
  // slice at a time until it does, so the alert is seen before its countdown takes the tab away.
  const dialogs = () => Promise.all(tabs.map((t) => t.getByRole('dialog').count()));
  while (!(await dialogs()).some(Boolean)) {
    const lifetime = lifetimes.refresh_token_lifetime_remember_me!;
    expect(await simulatedSeconds(), 'the session ends within an hour of its 20 days').toBeLessThan(lifetime + HOUR + 30);
    await live(1);
  }
  for (const t of tabs) {
    await expect(t.getByRole('dialog', { name: 'Your session expired' })).toContainText('TOKEN_EXPIRED');
  }
  // Each tab records the sign-out (its own, or "from another tab") under the history lock; the
  // records reach this tab's localStorage a moment later.
  const history = async () =>
    (
      await page.evaluate(() =>
        JSON.parse(localStorage.getItem('logout_history') ?? '[]').map((r: { type: string; from_other_tab: boolean }) =>
          `${r.type}${r.from_other_tab ? ' from another tab' : ''}`,
        ),
      )
    ).sort();
  await expect
    .poll(history)
    .toEqual(['TOKEN_EXPIRED', ...tabs.slice(1).map(() => 'TOKEN_EXPIRED from another tab')]);
  const clientEvents = async () =>
    (await backend.auditEvents({})).filter((e) => e.source === 'client').map((e) => e.type);
  await expect.poll(clientEvents).toEqual(['TOKEN_EXPIRED']);

  console.log(`[soak] ${DAYS} simulated days (time scaled 1:${SCALE}), ${tabs.length} tabs`);
  console.log(`[soak] ${refreshesBeforeEnd} refresh requests, ${server.starts - 1} backend restarts`);
  console.log('[soak] faults survived:');
  for (const [fault, count] of Object.entries(survived)) console.log(`[soak]   ${fault.padEnd(16)} ${count}`);
  console.log('[soak] sign-outs: 1, TOKEN_EXPIRED, at the end');
});
