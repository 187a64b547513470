import { Page } from '@playwright/test';

import { DEMO_USER, expect, signIn, test, tryApi } from './fixtures';

/** A small seeded PRNG (mulberry32), so every soak run injects the same faults. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3600;
/** Simulated days (the policy's 20 unless SOAK_DAYS says otherwise, for a quick run). */
const DAYS = Number(process.env['SOAK_DAYS'] ?? 20);
const FAULTS = [
  'none',
  'http-403',
  'http-402',
  'http-500',
  'http-502',
  'http-503',
  'network-cut',
  'refresh-503',
  'backend-down',
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

const welcome = (page: Page) => page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` });

test(`a remember-me session lives ${DAYS} simulated days through faults, then ends once as TOKEN_EXPIRED`, async ({
  page,
  context,
  backend,
}) => {
  const random = prng(20261128);
  const survived = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  await backend.setLifetimes({ refresh_token_lifetime_remember_me: DAYS * 24 * HOUR });
  await page.clock.install();
  await signIn(page, { rememberMe: true });
  const tabs = [page];
  for (let i = 0; i < 2; i++) {
    const tab = await context.newPage();
    await tab.goto('/');
    await expect(welcome(tab)).toBeVisible();
    tabs.push(tab);
  }

  for (let hour = 1; hour <= DAYS * 24 - 1; hour++) {
    const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
    const tab = tabs[Math.floor(random() * tabs.length)]!;
    if (fault === 'refresh-503') {
      let left = 2;
      await context.route('**/v1/auth/refresh/', (route) =>
        left-- > 0 ? route.fulfill({ status: 503, body: '{"code":"unavailable"}' }) : route.continue(),
      );
    }
    if (fault === 'backend-down') await context.route('**/v1/**', (route) => route.abort('connectionrefused'));

    await backend.advanceClock(HOUR);
    if (fault === 'throttled-tab') {
      // A hidden, throttled tab: its timers run late, all at once.
      await page.clock.fastForward(HOUR * 1000);
    } else {
      await page.clock.runFor(HOUR * 1000);
    }
    if (fault === 'clock-jump') {
      const jump = (random() < 0.5 ? -1 : 1) * 10 * 60_000;
      const pageNow = await page.evaluate(() => Date.now());
      await page.clock.setSystemTime(new Date(pageNow + jump));
    }

    if (fault === 'backend-down') {
      expect(await tryApi(tab, 'Load data 200')).toContain("Can't reach the server");
      await context.unroute('**/v1/**');
    } else if (fault === 'network-cut') {
      await tab.route('**/v1/demo/data/', (route) => route.abort('internetdisconnected'));
      expect(await tryApi(tab, 'Load data 200')).toContain("Can't reach the server");
      await tab.unroute('**/v1/demo/data/');
    } else if (DEMO_BUTTON[fault]) {
      expect(await tryApi(tab, DEMO_BUTTON[fault]!)).toContain('You are still signed in');
    }
    if (fault === 'refresh-503') await context.unroute('**/v1/auth/refresh/');
    // Whatever happened this hour, the session is there and works.
    expect(await tryApi(tab, 'Load data 200'), `hour ${hour} after ${fault}`).toContain('200 OK');
    survived[fault]++;
  }

  for (const t of tabs) await expect(t.getByRole('dialog')).toHaveCount(0);
  const history = await page.evaluate(() => localStorage.getItem('logout_history'));
  expect(history).toBeNull();

  // Day 20 ends: the refresh token expires and the session ends, once.
  await backend.advanceClock(2 * HOUR);
  await page.clock.runFor(2 * HOUR * 1000);
  for (const t of tabs) {
    console.log('[soak] end', JSON.stringify(await t.evaluate(() => [Date.now(), (window as unknown as { __tokenMonitor: { getTokenStatus(): unknown } }).__tokenMonitor.getTokenStatus()])));
  }
  console.log('[soak] history at end', await page.evaluate(() => localStorage.getItem('logout_history')));
  for (const t of tabs) {
    await expect(t.getByRole('dialog', { name: 'Your session expired' })).toContainText('TOKEN_EXPIRED');
  }
  const records = await page.evaluate(() => JSON.parse(localStorage.getItem('logout_history') ?? '[]'));
  console.log('[soak] history', JSON.stringify(records.map((r: { type: string; from_other_tab: boolean; tab_id: string; code: string }) => [r.type, r.from_other_tab, r.tab_id, r.code])));
  const own = records.filter((r: { from_other_tab: boolean }) => !r.from_other_tab);
  expect(own.map((r: { type: string }) => r.type)).toEqual(['TOKEN_EXPIRED']);
  expect(records.every((r: { type: string }) => r.type === 'TOKEN_EXPIRED')).toBe(true);

  console.log(`[soak] ${DAYS} days, ${tabs.length} tabs; faults survived:`);
  for (const [fault, count] of Object.entries(survived)) console.log(`[soak]   ${fault.padEnd(14)} ${count}`);
});
