import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';

import { BrowserContext, Page, Request, Response } from '@playwright/test';

import { BACKEND, Backend, DEMO_USER, Lifetimes, expect, sessionId, signIn, test } from './fixtures';

/**
 * `npm run soak`: a remember-me session lived through 20 simulated days, with a fault injected
 * every simulated hour (seeded, so every run meets the same ones), across 3 tabs. Time is scaled
 * down: every server lifetime is divided by SOAK_SCALE and the clocks move by a scaled hour per
 * step, so the session refreshes once a simulated hour as it would in real use. It must end exactly
 * once, as TOKEN_EXPIRED, when the refresh token's 20 days are up — and never before: a sign-out
 * before that stops the soak at once, saying when, where and what each tab saw.
 *
 * What is scaled and what is not: the session's lifetimes (the access token's hour, the refresh
 * token's 20 days) are. The app's own timers are not (request timeout, retry backoff, the 30 s
 * check, the cross-tab waits), nor is the server's refresh grace window (30 s) or its lost-answer
 * recovery (1 h): they measure how far apart a tab's retries and racing requests come, which is
 * seconds of the page's clock here as in real life, so they keep their real values.
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
/** A request the page started that is not answered in this long (real time) means the soak is stuck. */
const STUCK_REQUEST_MS = 30_000;
const PORT = new URL(BACKEND).port;
const BACKEND_LOG = `.e2e/soak-backend-${PORT}.log`;

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
 * injected 4xx/5xx is a line) goes to .e2e/soak-backend-<port>.log. A restarted backend comes up
 * with the environment it is given (the soak's lifetimes and its moved clock), as a real server
 * comes back with its settings and the time of day: it never answers a request without them.
 */
class BackendProcess {
  private child: ChildProcess | null = null;
  starts = 0;
  /** Whether it is running and ready (false from the moment it is stopped until it answers again). */
  up = false;

  async start(env: Record<string, string> = {}): Promise<void> {
    const args = ['scripts/e2e-backend.mjs', PORT, ...(this.starts > 0 ? ['--keep-db'] : [])];
    mkdirSync('.e2e', { recursive: true });
    const log = openSync(BACKEND_LOG, this.starts > 0 ? 'a' : 'w');
    this.child = spawn(process.execPath, args, { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
    this.starts++;
    await expect(async () => {
      expect((await fetch(`${BACKEND}/v1/test/health/`)).ok).toBe(true);
    }).toPass({ timeout: 60_000, intervals: [100, 200, 500] });
    this.up = true;
  }

  async stop(): Promise<void> {
    this.up = false;
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The API requests each tab has sent and not yet seen answered, counted in the page itself (the
 * test's own request events reach it a moment late, and a slice of simulated time started in that
 * moment would overtake the request). A request the app gives up on (its timeout fired) means
 * simulated time did overtake it: in the soak every request is answered in milliseconds, so that
 * is the harness's fault, and the soak stops saying so.
 */
async function countRequestsInPage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __soakInFlight: number; __soakGaveUp: string[]; __soakIdle: () => Promise<void> };
    w.__soakInFlight = 0;
    w.__soakGaveUp = [];
    let idle: (() => void)[] = [];
    // Resolves once no API request is under way (on the requests' own events, not on a timer).
    w.__soakIdle = () => (w.__soakInFlight === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r)));
    const finished = () => {
      w.__soakInFlight--;
      if (w.__soakInFlight > 0) return;
      idle.forEach((r) => r());
      idle = [];
    };
    const isApi = (url: string) => {
      try {
        return new URL(url, location.href).pathname.startsWith('/v1/');
      } catch {
        return false;
      }
    };
    type Tracked = XMLHttpRequest & { __soak?: { url: string; sentAt?: number; done?: boolean } };
    const { open, send, abort } = XMLHttpRequest.prototype;
    XMLHttpRequest.prototype.open = function (this: Tracked, ...args: unknown[]) {
      const url = String(args[1]);
      this.__soak = isApi(url) ? { url: `${String(args[0])} ${new URL(url, location.href).pathname}` } : undefined;
      return (open as (...a: unknown[]) => void).apply(this, args);
    } as typeof open;
    XMLHttpRequest.prototype.send = function (this: Tracked, body?: Document | XMLHttpRequestBodyInit | null) {
      const tracked = this.__soak;
      if (tracked) {
        tracked.sentAt = Date.now();
        w.__soakInFlight++;
        this.addEventListener('loadend', () => {
          if (!tracked.done) finished();
          tracked.done = true;
        });
      }
      return send.call(this, body);
    };
    XMLHttpRequest.prototype.abort = function (this: Tracked) {
      const tracked = this.__soak;
      if (tracked?.sentAt !== undefined && !tracked.done && this.readyState !== XMLHttpRequest.DONE) {
        w.__soakGaveUp.push(`${tracked.url} after ${Date.now() - tracked.sentAt} ms of page time`);
      }
      return abort.call(this);
    };
  });
}

/** Waits until no tab has an API request under way (and fails if one was given up on, or is stuck). */
async function settled(tabs: Page[]): Promise<void> {
  let stuck: NodeJS.Timeout | undefined;
  const tooLong = new Promise<never>((_, reject) => {
    stuck = setTimeout(
      () => reject(new Error(`[soak] API requests still unanswered after ${STUCK_REQUEST_MS / 1000} s`)),
      STUCK_REQUEST_MS,
    );
  });
  try {
    for (;;) {
      // Each tab's requests are waited for in the tab; an answer may start another tab's request.
      const states = await Promise.race([
        Promise.all(
          tabs.map((tab) =>
            tab.evaluate(async () => {
              const w = window as unknown as { __soakInFlight?: number; __soakGaveUp?: string[]; __soakIdle?: () => Promise<void> };
              await w.__soakIdle?.();
              return { gaveUp: w.__soakGaveUp ?? [] };
            }),
          ),
        ),
        tooLong,
      ]);
      const gaveUp = states.flatMap((state, i) => state.gaveUp.map((g) => `tab ${i}: ${g}`));
      if (gaveUp.length) {
        throw new Error(`[soak] the app gave up on a request that simulated time overtook (a harness fault): ${gaveUp.join('; ')}`);
      }
      const busy = await Promise.all(
        tabs.map((tab) => tab.evaluate(() => (window as unknown as { __soakInFlight?: number }).__soakInFlight ?? 0)),
      );
      if (busy.every((n) => n === 0)) return;
    }
  } finally {
    clearTimeout(stuck);
  }
}

/** A short fingerprint of a refresh cookie's value (never the value), to follow rotations in a report. */
function fingerprint(value: string | null | undefined): string {
  return value ? createHash('sha256').update(value).digest('hex').slice(0, 8) : '-';
}
function cookieValue(header: string | null, name = 'll_refresh'): string | null {
  const match = header?.match(new RegExp(`(?:^|[;,\\s])${name}=([^;,\\s]*)`));
  return match ? match[1]! : null;
}

/** The real time of day, as the backend's log stamps its lines. */
const realTime = () => new Date().toISOString().slice(11, 23);

/** What a tab shows when it has been signed out: the alert dialog, or the sign-in page. */
interface SignOutSeen {
  url: string;
  title: string | null;
  code: string | null;
  text: string | null;
}

/** Where the soak is, for the message an unexpected sign-out stops it with. */
interface Position {
  hour: number;
  hours: number;
  fault: Fault | 'sign-in';
  faultTab: number;
}

/**
 * Watches every tab for a sign-out (the alert dialog, or the sign-in page) from the moment it is
 * armed. The first one seen rejects `stopped`, and every step of the soak races it: the soak stops
 * at once with a message saying which hour, which fault, which tab, what it saw, and the last
 * refresh answers and server records before it.
 */
class SignOutWatch {
  armed = false;
  position: Position = { hour: 0, hours: 0, fault: 'sign-in', faultTab: 0 };
  readonly lastOutcome = new Map<Page, { hour: number; text: string }>();
  readonly stopped: Promise<never>;
  private stop!: (error: Error) => void;
  private refreshes: string[] = [];
  private noting = new Set<Promise<void>>();
  private survived: Record<string, number> = {};

  constructor(private readonly tabs: Page[]) {
    this.stopped = new Promise<never>((_, reject) => (this.stop = reject));
    this.stopped.catch(() => {});
  }

  async install(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__soakSignedOut', ({ page }, seen: SignOutSeen) => this.saw(page, seen));
    await context.addInitScript(() => {
      let last = '';
      const look = () => {
        const dialog = document.querySelector('ll-logout-alert-dialog');
        const signIn = location.pathname.startsWith('/signin');
        if (!dialog && !signIn) {
          last = '';
          return;
        }
        const code = dialog?.querySelector('.type code')?.textContent?.trim() || null;
        if (dialog && !code && !signIn) return; // not rendered yet
        const seen = {
          url: location.pathname,
          title: dialog
            ? [...(dialog.querySelector('[mat-dialog-title]')?.childNodes ?? [])]
                .filter((node) => node.nodeName !== 'MAT-ICON')
                .map((node) => node.textContent)
                .join('')
                .replace(/\s+/g, ' ')
                .trim()
            : null,
          code,
          text: dialog
            ? [...dialog.querySelectorAll('mat-dialog-content p:not(.type):not(.countdown)')]
                .map((p) => p.textContent?.replace(/\s+/g, ' ').trim())
                .join(' ')
            : null,
        };
        const key = JSON.stringify([seen.url, seen.title, seen.code]);
        if (key === last) return;
        last = key;
        (window as unknown as { __soakSignedOut?: (s: typeof seen) => void }).__soakSignedOut?.(seen);
      };
      new MutationObserver(look).observe(document, { childList: true, subtree: true });
    });
    context.on('requestfailed', (request) => {
      if (!request.url().endsWith('/v1/auth/refresh/')) return;
      const noted = this.noteRefresh(request, null);
      this.noting.add(noted);
      void noted.finally(() => this.noting.delete(noted));
    });
    context.on('response', (response) => {
      const noted = this.noteRefresh(response.request(), response);
      this.noting.add(noted);
      void noted.finally(() => this.noting.delete(noted));
    });
  }

  /** Races a step of the soak against an unexpected sign-out. */
  guard<T>(step: Promise<T>): Promise<T> {
    step.catch(() => {}); // If the sign-out wins, the step is abandoned.
    return Promise.race([step, this.stopped]);
  }

  countSurvived(survived: Record<string, number>): void {
    this.survived = survived;
  }

  /** Checks what the tabs show now (the URL; dialogs are seen as they open). */
  check(): void {
    for (const tab of this.tabs) {
      const path = new URL(tab.url()).pathname;
      if (path.startsWith('/signin')) void this.saw(tab, { url: path, title: null, code: null, text: null });
    }
  }

  /** Notes a refresh's answer (or its failure: `response` null) with the cookies it sent and got. */
  private async noteRefresh(request: Request, response: Response | null): Promise<void> {
    if (!request.url().endsWith('/v1/auth/refresh/')) return;
    try {
      const sent = fingerprint(cookieValue((await request.allHeaders())['cookie'] ?? null));
      if (!response) {
        const tab = this.tabs.indexOf(request.frame().page());
        this.refreshes.push(`${realTime()} hour ${this.position.hour} tab ${tab}: no answer (${request.failure()?.errorText}), sent ${sent}`);
        this.refreshes = this.refreshes.slice(-8);
        return;
      }
      const got = fingerprint(cookieValue((await response.allHeaders())['set-cookie'] ?? null));
      let answer = String(response.status());
      if (response.status() === 401) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; reuse?: string };
        answer += ` ${body.code ?? ''}${body.reuse ? ` (${body.reuse})` : ''}`;
      }
      const tab = this.tabs.indexOf(request.frame().page());
      this.refreshes.push(`${realTime()} hour ${this.position.hour} tab ${tab}: ${answer}, sent ${sent}, got ${got}`);
      this.refreshes = this.refreshes.slice(-8);
    } catch {
      // The page went away while this was read: nothing to note.
    }
  }

  private async saw(page: Page, seen: SignOutSeen): Promise<void> {
    if (!this.armed) return;
    this.armed = false;
    const position = this.position;
    // The refresh answer that ended the session is being read: let it be noted first.
    await Promise.race([Promise.all(this.noting), new Promise((r) => setTimeout(r, 2000))]);
    const { hour, hours, fault, faultTab } = position;
    const tab = this.tabs.indexOf(page);
    const outcome = this.lastOutcome.get(page);
    const lines = [
      `[soak] unexpected sign-out at hour ${hour} of ${hours} (fault ${fault}, injected in tab ${faultTab}), seen in tab ${tab}:`,
      seen.title || seen.code
        ? `  dialog "${seen.title ?? '?'}", reason code ${seen.code ?? '?'}${seen.text ? `: ${seen.text}` : ''}`
        : '  no dialog',
      `  URL ${seen.url}`,
      outcome ? `  last outcome in tab ${tab} (hour ${outcome.hour}): "${outcome.text}"` : '  no call made in that tab yet',
      '  last refresh answers (cookie fingerprints):',
      ...(this.refreshes.length ? this.refreshes.map((r) => `    ${r}`) : ['    none']),
      '  last server records:',
      ...serverRecords().map((line) => `    ${line}`),
      `  faults survived until then: ${Object.entries(this.survived).map(([f, n]) => `${f} ${n}`).join(', ')}`,
    ];
    this.stop(new Error(lines.join('\n')));
  }
}

/** The backend log's last sign-out records and reuse lines (no user agents: they are long). */
function serverRecords(): string[] {
  if (!existsSync(BACKEND_LOG)) return ['(no backend log)'];
  const lines = readFileSync(BACKEND_LOG, 'utf8')
    .split('\n')
    .filter((line) => /LOGOUT EVENT|reuse|Unauthorized: \/v1\/auth\/refresh/.test(line))
    .map((line) => line.replace(/ ua="[^"]*"/, ''));
  return lines.length ? lines.slice(-4) : ['none'];
}

/** What a restarted backend is started with: the soak's lifetimes and the clock it stopped on. */
function restartEnvironment(lifetimes: Lifetimes, clockOffsetSeconds: number): Record<string, string> {
  return {
    LL_ACCESS_TOKEN_LIFETIME: String(lifetimes.access_token_lifetime),
    LL_REFRESH_TOKEN_LIFETIME_REMEMBER_ME: String(lifetimes.refresh_token_lifetime_remember_me),
    LL_TEST_CLOCK_OFFSET_SECONDS: String(clockOffsetSeconds),
  };
}

const server = new BackendProcess();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

/** Clicks a "Try the API" button and returns the outcome of that call (waiting for its DOM change). */
const callsMade = new WeakMap<Page, number>();
async function callApi(tab: Page, label: string, watch: SignOutWatch): Promise<string> {
  const call = (callsMade.get(tab) ?? 0) + 1;
  callsMade.set(tab, call);
  // Forced: a snack bar from the previous call may still cover the button; that is not under test.
  await tab.getByRole('button', { name: label, exact: true }).click({ force: true });
  const outcome = tab.locator(`[data-testid="demo-outcome"][data-call="${call}"]`);
  await outcome.waitFor({ timeout: 20_000 });
  const text = (await outcome.textContent()) ?? '';
  watch.lastOutcome.set(tab, { hour: watch.position.hour, text });
  return text;
}

const welcome = (page: Page) => page.getByRole('heading', { name: `Welcome, ${DEMO_USER.name}` });

interface SoakOptions {
  days: number;
  /** Ends the session from another place at this hour (the soak must stop there). */
  revokeAtHour?: number;
}

interface SoakResult {
  survived: Record<Fault, number>;
  refreshes: number;
  restarts: number;
  tabs: Page[];
  lifetimes: Lifetimes;
  simulatedSeconds: () => Promise<number>;
  live: (seconds: number) => Promise<void>;
  liveUntil: (seconds: number) => Promise<void>;
  watch: SignOutWatch;
}

/** Lives the session through `days` simulated days of faults, up to the hour before its end. */
async function soak(page: Page, context: BrowserContext, backend: Backend, options: SoakOptions): Promise<SoakResult> {
  const random = prng(20261128);
  const startsBefore = server.starts;
  const survived = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const lifetimes: Lifetimes = {
    access_token_lifetime: HOUR,
    refresh_token_lifetime_remember_me: options.days * 24 * HOUR,
  };
  const tabs = [page];
  const watch = new SignOutWatch(tabs);
  await watch.install(context);
  await countRequestsInPage(context);
  watch.countSurvived(survived);
  /**
   * The server's clock follows the page's: just before each API request reaches the server, it is
   * moved to the page's time (less the client clock jumps the soak injected, which are the client's
   * own error). The server only tells the time when asked, so this keeps them exactly together.
   * Both clocks also run in real time, so the server is moved by the simulated time that did not
   * pass for real. While the backend is down nothing is moved: it starts again on `serverOffset`.
   */
  let pageStart = 0;
  let realStart = 0;
  let jumps = 0;
  let serverOffset = 0;
  const simulatedSeconds = async () => ((await page.evaluate(() => Date.now())) - pageStart - jumps) / 1000;
  let syncing = Promise.resolve();
  const inSync = (task: () => Promise<void>) => (syncing = syncing.then(task));
  const syncServerClock = () =>
    inSync(async () => {
      if (!server.up) return;
      const target = (await simulatedSeconds()) - (Date.now() - realStart) / 1000;
      const behind = Math.floor(target - serverOffset);
      if (behind <= 0) return;
      await backend.advanceClock(behind);
      serverOffset += behind;
    });
  await context.route('**/v1/**', async (route) => {
    await syncServerClock().catch(() => {}); // the page may have gone away meanwhile
    await route.fallback();
  });
  /** Lets simulated time run to `seconds` after the start. */
  const liveUntil = async (seconds: number) => live(seconds - (await simulatedSeconds()));
  /** Lets `seconds` of simulated time pass, a slice at a time. */
  const live = async (seconds: number) => {
    for (let left = seconds; left > 0; left -= SLICE) {
      const step = Math.min(SLICE, left);
      await page.clock.runFor(Math.round(step * 1000));
      await settled(tabs);
    }
  };

  await backend.setLifetimes(lifetimes);
  await page.clock.install();
  pageStart = await page.evaluate(() => Date.now());
  realStart = Date.now();
  await signIn(page, { rememberMe: true });
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
  watch.armed = true;

  const hours = options.days * 24 - 1;
  for (let hour = 1; hour <= hours; hour++) {
    const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
    const tab = tabs[Math.floor(random() * tabs.length)]!;
    const jump = fault === 'clock-jump' ? (random() < 0.5 ? -1 : 1) * 10 * 60_000 : 0;
    const context_ = `hour ${hour} (${fault})`;
    watch.position = { hour, hours, fault, faultTab: tabs.indexOf(tab) };

    const anHour = async () => {
      if (fault === 'refresh-503') {
        // This hour's refresh is answered 503 twice before the server recovers.
        let left = 2;
        await context.route('**/v1/auth/refresh/', (route) =>
          left-- > 0 ? route.fulfill({ status: 503, body: '{"code":"unavailable"}' }) : route.fallback(),
        );
        await liveUntil(hour * HOUR);
        await context.unroute('**/v1/auth/refresh/');
      } else if (fault === 'backend-restart') {
        // The server goes down for a quarter of the hour, with calls made meanwhile, and comes back
        // with its settings and its clock, as a real server does.
        await liveUntil((hour - 0.5) * HOUR);
        await inSync(() => server.stop());
        expect(await callApi(tab, 'Load data 200', watch), context_).toContain('You are still signed in');
        await liveUntil((hour - 0.25) * HOUR);
        await server.start(restartEnvironment(lifetimes, serverOffset));
        await liveUntil(hour * HOUR);
      } else if (fault === 'throttled-tab') {
        // A hidden, throttled tab: the whole hour's timers fire late, at once.
        await settled(tabs);
        await page.clock.fastForward(Math.max(0, hour * HOUR - (await simulatedSeconds())) * 1000);
        await settled(tabs);
      } else {
        await liveUntil(hour * HOUR);
      }

      if (fault === 'clock-jump') {
        const pageNow = await page.evaluate(() => Date.now());
        await page.clock.setSystemTime(new Date(pageNow + jump));
        jumps += jump;
      } else if (fault === 'network-cut') {
        await tab.route('**/v1/demo/data/', (route) => route.abort('internetdisconnected'));
        expect(await callApi(tab, 'Load data 200', watch), context_).toContain("Can't reach the server");
        await tab.unroute('**/v1/demo/data/');
      } else if (DEMO_BUTTON[fault]) {
        expect(await callApi(tab, DEMO_BUTTON[fault]!, watch), context_).toContain('You are still signed in');
      }
      if (hour === options.revokeAtHour) {
        // Someone ends this session on the Active sessions page of another device.
        const access = await backend.accessTokenFor(DEMO_USER);
        const id = await sessionId(page);
        const answer = await backend.api.delete(`/v1/auth/sessions/${id}/`, { headers: { Authorization: `Bearer ${access}` } });
        expect(answer.status()).toBe(204);
      }
      // Whatever happened this hour, the session is there and works.
      expect(await callApi(tab, 'Load data 200', watch), context_).toContain('200 OK');
    };
    await watch.guard(anHour());
    watch.check();
    survived[fault]++;
  }
  watch.armed = false;
  return {
    survived,
    refreshes: refreshes.count,
    restarts: server.starts - startsBefore,
    tabs,
    lifetimes,
    simulatedSeconds,
    live,
    liveUntil,
    watch,
  };
}

test('a restarted backend answers its first requests on the clock and with the lifetimes it stopped with', async ({
  backend: _backend,
}) => {
  const lifetimes: Lifetimes = { access_token_lifetime: HOUR, refresh_token_lifetime_remember_me: 24 * HOUR };
  const offset = 5 * 3600;
  await server.stop();
  await server.start(restartEnvironment(lifetimes, offset));
  try {
    // Before any test hook is called: a real server restarted has its settings and the time of day.
    const login = await fetch(`${BACKEND}/v1/auth/login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      body: JSON.stringify({ ...DEMO_USER, remember_me: true, device_id: 'soak-restart-check' }),
    });
    expect(login.status).toBe(200);
    const serverNow = Date.parse(login.headers.get('date') ?? '');
    const { access_expires_at } = (await login.json()) as { access_expires_at: string };
    expect(Math.abs(serverNow - Date.now() - offset * 1000), 'its clock').toBeLessThan(3000);
    expect(Math.abs(Date.parse(access_expires_at) - serverNow - HOUR * 1000), 'its access token lifetime').toBeLessThan(
      2000,
    );
  } finally {
    await server.stop();
    await server.start();
  }
});

test('an unexpected sign-out stops the soak at once and says where', async ({ page, context, backend }) => {
  test.setTimeout(120_000);
  const started = Date.now();
  const stopped = await soak(page, context, backend, { days: 1, revokeAtHour: 3 }).then(
    () => null,
    (error: Error) => error,
  );
  expect(stopped?.message).toContain('[soak] unexpected sign-out at hour 3 of 23 (fault http-503, injected in tab 1)');
  expect(stopped?.message).toContain('reason code SESSION_REVOKED');
  expect(stopped?.message).toMatch(/hour 3 tab \d: 401 refresh_revoked/);
  expect(Date.now() - started, 'it stops at once, not at a timeout').toBeLessThan(60_000);
  console.log(`[soak] check: a sign-out forced at hour 3 stopped the soak with:\n${stopped!.message.replace(/^/gm, '    ')}`);
});

test(`a remember-me session lives ${DAYS} simulated days through faults, then ends once as TOKEN_EXPIRED`, async ({
  page,
  context,
  backend,
}) => {
  test.setTimeout(Math.max(5, DAYS * 0.8) * 60_000);
  const started = Date.now();
  const { survived, refreshes, restarts, tabs, lifetimes, simulatedSeconds, live, liveUntil } = await soak(page, context, backend, {
    days: DAYS,
  });

  for (const t of tabs) await expect(t.getByRole('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('logout_history'))).toBeNull();
  const session = await sessionId(page);

  // Day 20 ends: the refresh token expires and the session ends, once, in every tab. Time moves in
  // short slices until the server refuses a refresh; from then on only in real time: the tabs hand
  // the sign-out to each other and record it through localStorage, which reaches the other tabs a
  // moment later in real time, so their waits for it must not be overtaken by simulated time.
  const refused = { seen: false };
  context.on('response', (r) => {
    if (r.url().endsWith('/v1/auth/refresh/') && r.status() === 401) refused.seen = true;
  });
  const lifetime = lifetimes.refresh_token_lifetime_remember_me!;
  await liveUntil(lifetime - 1); // no refresh can be refused before the session's end
  while (!refused.seen) {
    expect(await simulatedSeconds(), 'the session ends within an hour of its 20 days').toBeLessThan(lifetime + HOUR + 30);
    await live(0.25);
  }
  // The alert is seen before its countdown (5 s) takes the tab away.
  for (const t of tabs) {
    await expect(t.getByRole('dialog', { name: 'Your session expired' })).toContainText('TOKEN_EXPIRED', {
      timeout: 4_000,
    });
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
  // This session's reports (the audit trail outlives the tests before this one).
  const clientEvents = async () =>
    (await backend.auditEvents({ session_id: session })).filter((e) => e.source === 'client').map((e) => e.type);
  await expect.poll(clientEvents).toEqual(['TOKEN_EXPIRED']);

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`[soak] ${DAYS} simulated days (time scaled 1:${SCALE}), ${tabs.length} tabs, ${minutes} min`);
  console.log(`[soak] ${refreshes} refresh requests, ${restarts} backend restarts`);
  console.log('[soak] faults survived:');
  for (const [fault, count] of Object.entries(survived)) console.log(`[soak]   ${fault.padEnd(16)} ${count}`);
  console.log('[soak] sign-outs: 1, TOKEN_EXPIRED, at the end');
});
