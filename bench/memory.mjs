// Memory over a simulated 20-day remember-me session: a refresh every hour (access lifetime 1 h),
// an API call every few hours, JS heap measured at the start, on days 5, 10 and 15, and at the end.
// Usage: node bench/memory.mjs   (BENCH_DAYS=20, BENCH_CALL_EVERY_H=4, BENCH_APP=serve for ng serve)
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { Backend, launchBrowser, round, signIn, stillSignedIn, tryLoadData, withTimeout } from './lib/app.mjs';
import { describeDiff, diffSummaries, takeSnapshot } from './lib/heap.mjs';
import { NetworkRecorder } from './lib/network.mjs';
import { writeResults } from './lib/results.mjs';
import { runBench, sleep, startStack } from './lib/stack.mjs';

const DAYS = Number(process.env.BENCH_DAYS ?? 20);
const CALL_EVERY_H = Number(process.env.BENCH_CALL_EVERY_H ?? 4);
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const ACCESS_LIFETIME_S = 3600;
/** The session ends at exactly DAYS days (the refresh token's absolute expiry): stop one hour before. */
const END_MS = DAYS * DAY_MS - HOUR_MS;
const CHECKPOINT_DAYS = [5, 10, 15].filter((d) => d * DAY_MS < END_MS);
const MB = 1024 * 1024;
const log = (message) => console.error(`\x1b[36m[memory]\x1b[0m ${message}`);

const tokenStatus = (page) => page.evaluate(() => window.__tokenMonitor.getTokenStatus());
const pageNow = (page) => page.evaluate(() => Date.now());

/** JS heap after a full GC, and the DOM counters, through the page's DevTools session. */
async function measure(cdp) {
  // Console messages are held by DevTools while a client is attached: drop them first.
  await cdp.send('Runtime.discardConsoleEntries').catch(() => {});
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
  return { used: heap.usedSize, total: heap.totalSize, embedder: heap.embedderHeapUsedSize ?? null, dom };
}

function formatElapsed(ms) {
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.round((ms % DAY_MS) / HOUR_MS);
  return `day ${days} ${String(hours).padStart(2, '0')}:00`;
}

async function main() {
  const started = Date.now();
  const load = loadavg()[0];
  const stack = await startStack({ backendPort: 8800, appPort: 4800 });
  const backend = new Backend(stack.backendURL);
  await backend.reset();
  await backend.setLifetimes({
    access_token_lifetime: ACCESS_LIFETIME_S,
    refresh_token_lifetime_remember_me: DAYS * 24 * 3600,
  });
  const browser = await launchBrowser(['--enable-precise-memory-info']);
  const context = await browser.newContext({ baseURL: stack.appURL });
  await context.clock.install();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const recorder = new NetworkRecorder(page);
  const points = [];
  const problems = [];
  let refreshes = 0;
  let calls = 0;
  let failedCalls = 0;

  const point = async (label, elapsed) => {
    const m = await measure(cdp);
    // A heap snapshot (after the measurement) to tell which structure grows, if any.
    const file = process.env.BENCH_HEAP_SNAPSHOTS
      ? join(resolve(process.env.BENCH_HEAP_SNAPSHOTS), `${points.length + 1}-${label.split(' (')[0].replace(/\W+/g, '-')}.heapsnapshot`)
      : null;
    const summary = await takeSnapshot(cdp, file);
    points.push({ label, elapsed, refreshes, ...m, summary });
    log(`${label}: heap ${(m.used / MB).toFixed(2)} MB used / ${(m.total / MB).toFixed(2)} MB, ${refreshes} refreshes, DOM ${JSON.stringify(m.dom)}`);
  };
  const call = async (when) => {
    calls++;
    const text = await withTimeout(tryLoadData(page), 45_000, 'Load data 200');
    if (!text.includes('200 OK')) {
      failedCalls++;
      problems.push(`${when}: "Load data 200" answered "${text}"`);
    }
  };

  // Moves the server clock and then the page clock by `ms`. Real time passes for the server while
  // runFor runs but not for the page (runFor ends exactly `ms` later), so that time is taken off
  // the next server step: the two clocks stay in step instead of drifting apart by ~0.1 s a step.
  let pageMoved = 0;
  let serverMoved = 0;
  let realDuringRunFor = 0;
  const advance = async (ms) => {
    const serverStep = Math.max(0, Math.round((pageMoved + ms - realDuringRunFor - serverMoved) / 1000));
    if (serverStep) await backend.advanceClock(serverStep);
    serverMoved += serverStep * 1000;
    const t0 = Date.now();
    // Only 1 s of fake time passes after a refresh is sent, far from its 15 s timeout; the answer
    // then arrives in real time.
    await page.clock.runFor(ms);
    realDuringRunFor += Date.now() - t0;
    pageMoved += ms;
  };

  await signIn(page, { rememberMe: true });
  const signedInAt = await pageNow(page);
  await recorder.idle(1000);
  // One call before the first measurement, so the start already holds what any call loads once.
  await call('start');
  await recorder.idle(500);
  await point('Start (after sign-in, settled)', 0);

  let lastCallHour = 0;
  const checkpoints = [...CHECKPOINT_DAYS];
  let elapsed = 0;
  let lost = false;
  while (true) {
    const status = await tokenStatus(page);
    if (!status.signedIn || !status.nextRefreshAt) {
      problems.push(`${formatElapsed(elapsed)}: signed out (${JSON.stringify(status.lastRefresh)})`);
      lost = true;
      break;
    }
    const now = await pageNow(page);
    elapsed = now - signedInAt;
    // The next proactive refresh, on this page's clock; move both clocks 1 s past it, in whole
    // seconds so the server's clock and the page's stay in step.
    const due = Date.parse(status.nextRefreshAt) - status.clockSkewMs;
    const stepMs = Math.max(1, Math.ceil((due - now) / 1000) + 1) * 1000;
    if (elapsed + stepMs > END_MS) break;
    const previousRefresh = status.lastRefresh?.at ?? null;
    const response = page.waitForResponse((r) => r.url().endsWith('/v1/auth/refresh/'), { timeout: 60_000 });
    await advance(stepMs);
    const answer = await response.catch(() => null);
    if (answer?.status() !== 200) {
      problems.push(`${formatElapsed(elapsed + stepMs)}: refresh ${answer ? `answered ${answer.status()}` : 'not sent within 60 s'}`);
      lost = true;
      break;
    }
    // Wait until the app has taken the new token in (the monitor shows a newer refresh).
    const deadline = Date.now() + 15_000;
    while ((await tokenStatus(page)).lastRefresh?.at === previousRefresh) {
      if (Date.now() > deadline) {
        problems.push(`${formatElapsed(elapsed + stepMs)}: the refresh answer was not taken in`);
        break;
      }
      await sleep(20);
    }
    refreshes = recorder.select({ kind: 'refresh' }).length;
    elapsed += stepMs;
    const hour = Math.floor(elapsed / HOUR_MS);
    if (hour - lastCallHour >= CALL_EVERY_H) {
      lastCallHour = hour;
      await call(formatElapsed(elapsed));
    }
    if (checkpoints.length && elapsed >= checkpoints[0] * DAY_MS) {
      const day = checkpoints.shift();
      await recorder.idle(300);
      await point(`Day ${day}`, elapsed);
    }
    if (refreshes % 48 === 0) log(`${formatElapsed(elapsed)}: ${refreshes} refreshes, ${calls} calls`);
  }

  if (!lost) {
    // The rest of the way to the end point: no refresh is due before it.
    const rest = END_MS - (await pageNow(page) - signedInAt);
    if (rest >= 1000) await advance(Math.floor(rest / 1000) * 1000);
    elapsed = (await pageNow(page)) - signedInAt;
    await call(`end (${formatElapsed(elapsed)})`);
  }
  await recorder.idle(500);
  refreshes = recorder.select({ kind: 'refresh' }).length;
  const final = await tokenStatus(page);
  const signedIn = (await stillSignedIn(page)) && final.signedIn;
  await point(`End (${formatElapsed(elapsed)})`, elapsed);

  const start = points[0];
  const rows = points.map((p, i) => [
    p.label,
    round(p.used / MB, 2),
    i === 0 ? '—' : `${p.used >= start.used ? '+' : '−'}${Math.abs((p.used - start.used) / MB).toFixed(2)} MB (${p.used >= start.used ? '+' : '−'}${Math.abs(((p.used - start.used) / start.used) * 100).toFixed(1)} %)`,
    p.refreshes,
  ]);
  const refreshEntries = recorder.select({ kind: 'refresh' });
  const badRefreshes = refreshEntries.filter((r) => r.status !== 200);
  const seconds = (Date.now() - started) / 1000;
  const perDay = (a, b) => ((b.used - a.used) / MB / ((b.elapsed - a.elapsed) / DAY_MS)) * 1024;
  const mid = points.find((p) => p.label === 'Day 5');
  const end = points[points.length - 1];
  const table = {
    title: `Memory: ${DAYS} simulated days`,
    columns: ['Point', 'JS heap used (MB)', 'vs start', 'Refreshes so far'],
    rows,
    notes: [
      `Session: remember me, refresh lifetime ${DAYS} days on the server (absolute, as the policy says), access lifetime ${ACCESS_LIFETIME_S / 3600} h (refresh due 60 s before expiry, so every 59 min: ${refreshes} refreshes, ${badRefreshes.length} not answered 200). Simulated time ran to ${formatElapsed(elapsed)} after sign-in, one hour before the refresh token's absolute expiry ends the session by design.`,
      `At the end the session is ${signedIn ? 'still valid: signed in, no dialog, "Load data 200" answered 200 OK' : 'NOT valid'}; refresh token ${final.refresh?.secondsLeft ?? '?'} s left, access token ${final.access?.secondsLeft ?? '?'} s left, clock skew ${final.clockSkewMs} ms. API calls: ${calls} × "Load data 200" (every ${CALL_EVERY_H} h of simulated time), ${failedCalls} not 200.`,
      'Clocks: context.clock.install() before the app loads; each step reads the next refresh time from window.__tokenMonitor.getTokenStatus(), moves the server clock (/v1/test/clock/) and the page clock (clock.runFor, firing every timer on the way) to 1 s past it, waits for the refresh response and for the app to take the new token in, and only then takes the next step, so the 15 s request timeouts never fire on a request still in flight.',
      'Heap: CDP Runtime.discardConsoleEntries, HeapProfiler.collectGarbage ×3, then Runtime.getHeapUsage().usedSize of the page (MB = 2^20 bytes). The start point is taken after sign-in, one API call and a settled network, so one-time lazy loading is not counted as growth. After each measurement a heap snapshot (HeapProfiler.takeHeapSnapshot, summarised by node type and name; BENCH_HEAP_SNAPSHOTS=<dir> also saves them) shows which structures grew.',
      `DOM counters (documents / nodes / JS event listeners): ${points.map((p) => `${p.label.split(' (')[0]} ${p.dom ? `${p.dom.documents}/${p.dom.nodes}/${p.dom.jsEventListeners}` : '?'}`).join('; ')}.`,
      `Browser (Blink) heap used besides the JS heap (Runtime.getHeapUsage embedderHeapUsedSize): ${points.map((p) => `${p.label.split(' (')[0]} ${p.embedder === null ? '?' : (p.embedder / MB).toFixed(2)} MB`).join('; ')}.`,
      ...(mid
        ? [
            `Heap snapshot diff start → day 5: ${describeDiff(diffSummaries(start.summary, mid.summary))}.`,
            `Heap snapshot diff day 5 → end: ${describeDiff(diffSummaries(mid.summary, end.summary))}.`,
          ]
        : [`Heap snapshot diff start → end: ${describeDiff(diffSummaries(start.summary, end.summary))}.`]),
      'Reading the snapshot diff: "compiled code" is V8 optimising hot functions as they run (it levels off); blink::NetworkResourcesData::ResourceData and blink::XHRReplayData are DevTools\' records of each XHR, kept only because Playwright watches the network through DevTools (bounded by DevTools\' buffer); PerformanceResourceTiming is the page\'s resource timing buffer (capped by the browser). "App JS values" is what a leak in the app (an unbounded log, store slice or subscription) would show up in.',
      mid
        ? `Growth rate: start → day 5 ${perDay(start, mid).toFixed(1)} KB/day, day 5 → end ${perDay(mid, end).toFixed(1)} KB/day (a leak of one record per refresh would grow linearly from day 5 on).`
        : `Growth rate start → end ${perDay(start, end).toFixed(1)} KB/day.`,
      `App: ${stack.mode === 'production build' ? 'production build served statically with a /v1 proxy (bench/lib/stack.mjs)' : 'ng serve (development build: store devtools keep 50 actions, console at debug level)'}; backend scripts/e2e-backend.mjs on port ${stack.backendPort}; Chromium ${browser.version()} headless.`,
      ...problems.map((p) => `Problem: ${p}`),
      `Total run time ${seconds.toFixed(0)} s (including building or starting the app and the backend); 1-min load average at start ${load.toFixed(2)}.`,
    ],
  };
  writeResults('memory', table);
  return signedIn && !lost && !problems.length && !badRefreshes.length ? 0 : 1;
}

await runBench(main);
