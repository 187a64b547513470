// Refresh storm: many tabs × many concurrent calls right after the access token expired.
// Usage: node bench/storm.mjs   (BENCH_RUNS=3, BENCH_APP=serve for ng serve instead of a build)
import { loadavg } from 'node:os';

import {
  Backend,
  fireCalls,
  launchBrowser,
  median,
  openTab,
  percentile,
  round,
  signIn,
  stillSignedIn,
  withTimeout,
} from './lib/app.mjs';
import { NetworkRecorder } from './lib/network.mjs';
import { writeResults } from './lib/results.mjs';
import { runBench, startStack } from './lib/stack.mjs';

const SCENARIOS = [
  { tabs: 1, calls: 100 },
  { tabs: 5, calls: 20 },
  { tabs: 10, calls: 10 },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** A short access lifetime (as the e2e tests set), long enough that no proactive refresh runs before the storm. */
const ACCESS_LIFETIME_S = 600;
const log = (message) => console.error(`\x1b[36m[storm]\x1b[0m ${message}`);

/** Per-call latency of one phase: 200s answered directly, and 401s paired with their retries. */
function callLatencies(entries, tabs, callsPerTab, firedAt) {
  const latencies = [];
  let succeeded = 0;
  let unauthorized = 0;
  const problems = [];
  for (let tab = 0; tab < tabs; tab++) {
    const mine = entries.filter((e) => e.tab === tab).sort((a, b) => a.seq - b.seq);
    // All of a tab's calls are created in one task, before any answer can come back: the first
    // `callsPerTab` requests are the originals, anything after them is a retry.
    const originals = mine.slice(0, callsPerTab);
    const retries = mine.slice(callsPerTab);
    if (originals.length < callsPerTab) problems.push(`tab ${tab + 1}: only ${originals.length} of ${callsPerTab} calls sent`);
    const refused = [];
    for (const call of originals) {
      if (call.status === 200) {
        succeeded++;
        latencies.push(call.end - firedAt);
      } else if (call.status === 401) {
        unauthorized++;
        refused.push(call);
      } else {
        problems.push(`tab ${tab + 1}: a call ended ${call.status ?? call.failure}`);
      }
    }
    // The interceptor retries in the order the 401s came back (one shared refresh, then its
    // subscribers in subscription order): pair the n-th 401 to finish with the n-th retry.
    refused.sort((a, b) => a.end - b.end);
    if (retries.length !== refused.length) {
      problems.push(`tab ${tab + 1}: ${refused.length} calls got 401 but ${retries.length} retries were sent`);
    }
    refused.forEach((call, i) => {
      const retry = retries[i];
      if (retry?.status === 200) {
        succeeded++;
        latencies.push(retry.end - firedAt);
      } else if (retry) {
        problems.push(`tab ${tab + 1}: a retry ended ${retry.status ?? retry.failure}`);
      }
    });
  }
  return { latencies, succeeded, unauthorized, problems };
}

async function burst(tabs, calls) {
  return withTimeout(Promise.all(tabs.map((tab) => fireCalls(tab, calls, 60_000))), 90_000, 'burst');
}

async function runOnce(browser, backend, appURL, { tabs: tabCount, calls }) {
  await backend.reset();
  await backend.setLifetimes({ access_token_lifetime: ACCESS_LIFETIME_S });
  const context = await browser.newContext({ baseURL: appURL });
  try {
    // One fake clock for every page of the context, installed before the first page loads.
    await context.clock.install();
    const tabs = [];
    const recorder = new NetworkRecorder(context, (page) => tabs.indexOf(page));
    const first = await context.newPage();
    tabs.push(first);
    await signIn(first, { rememberMe: true });
    while (tabs.length < tabCount) tabs.push(await openTab(context));
    await recorder.idle(500);

    recorder.phase = 'baseline';
    const baselineFiredAt = Date.now();
    await burst(tabs, calls);
    await recorder.idle();

    // The access token expires: the server's clock and every page's clock move past its lifetime.
    // setSystemTime moves Date.now() without firing the pages' timers, so nothing refreshes
    // before the calls go out (the worst case: every call meets a 401).
    recorder.phase = 'expire';
    const jumpS = ACCESS_LIFETIME_S + 1;
    await backend.advanceClock(jumpS);
    const pageNow = await first.evaluate(() => Date.now());
    await context.clock.setSystemTime(pageNow + jumpS * 1000);

    recorder.phase = 'storm';
    const stormFiredAt = Date.now();
    const outcomes = await burst(tabs, calls);
    await recorder.idle();

    // Let every tab's periodic session check run once: a tab that missed the new token would
    // refresh again here.
    recorder.phase = 'after';
    await backend.advanceClock(31);
    await context.clock.fastForward(31_000);
    await recorder.idle(1000);

    const signedIn = await Promise.all(tabs.map(stillSignedIn));
    const base = callLatencies(recorder.select({ phase: 'baseline', kind: 'data' }), tabCount, calls, baselineFiredAt);
    const storm = callLatencies(recorder.select({ phase: 'storm', kind: 'data' }), tabCount, calls, stormFiredAt);
    const refreshes = recorder.select({ phase: ['expire', 'storm', 'after'], kind: 'refresh' });
    const refreshesBefore = recorder.select({ phase: ['setup', 'baseline'], kind: 'refresh' });
    const p = (values, q) => percentile(values, q);
    // Where the storm's time goes, from the moment its first call started.
    const stormData = recorder.select({ phase: 'storm', kind: 'data' });
    const t0 = Math.min(...stormData.map((e) => e.start));
    const ends = (status) => stormData.filter((e) => e.status === status).map((e) => e.end - t0);
    const timeline = {
      first401: Math.min(...ends(401)),
      last401: Math.max(...ends(401)),
      refreshSent: refreshes[0] ? refreshes[0].start - t0 : NaN,
      refreshDone: refreshes[0] ? refreshes[0].end - t0 : NaN,
      firstRetryDone: Math.min(...ends(200)),
      lastRetryDone: Math.max(...ends(200)),
    };
    return {
      refreshes: refreshes.length,
      refreshTabs: refreshes.map(
        (r, i) =>
          `tab ${r.tab + 1} (${r.phase}, ${r.status ?? r.failure}` +
          (i ? `, sent ${round(r.start - refreshes[0].end)} ms after the first refresh's response had arrived` : '') +
          ')',
      ),
      refreshesBefore: refreshesBefore.length,
      total: tabCount * calls,
      succeeded: storm.succeeded,
      baselineSucceeded: base.succeeded,
      unauthorized: storm.unauthorized,
      problems: [...base.problems.map((x) => `baseline: ${x}`), ...storm.problems],
      signedOutTabs: signedIn.flatMap((ok, i) => (ok ? [] : [i + 1])),
      outcomes,
      baseline: { p50: p(base.latencies, 50), p99: p(base.latencies, 99) },
      storm: { p50: p(storm.latencies, 50), p99: p(storm.latencies, 99) },
      added: {
        p50: p(storm.latencies, 50) - p(base.latencies, 50),
        p99: p(storm.latencies, 99) - p(base.latencies, 99),
      },
      refreshMs: refreshes[0] ? refreshes[0].end - refreshes[0].start : NaN,
      timeline,
    };
  } finally {
    await context.close();
  }
}

const sec = (runs, key) => (median(runs.map((r) => r.timeline[key])) / 1000).toFixed(2);

async function main() {
  const started = Date.now();
  const load = loadavg()[0];
  const stack = await startStack({ backendPort: 8800, appPort: 4800 });
  const backend = new Backend(stack.backendURL);
  const browser = await launchBrowser();
  const rows = [];
  const detail = [];
  let failed = false;

  for (const scenario of SCENARIOS) {
    const label = `${scenario.tabs} × ${scenario.calls}`;
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      let result;
      try {
        result = await runOnce(browser, backend, stack.appURL, scenario);
      } catch (error) {
        result = { error: String(error?.message ?? error).split('\n')[0], refreshes: NaN, succeeded: 0, total: scenario.tabs * scenario.calls };
      }
      runs.push(result);
      log(
        `${label} run ${run}: ` +
          (result.error
            ? `ERROR ${result.error}`
            : `${result.refreshes} refresh, ${result.succeeded}/${result.total} ok, ${result.unauthorized} × 401, ` +
              `baseline p50/p99 ${round(result.baseline.p50)}/${round(result.baseline.p99)} ms, ` +
              `storm p50/p99 ${round(result.storm.p50)}/${round(result.storm.p99)} ms` +
              (result.problems.length ? `; ${result.problems.join('; ')}` : '') +
              (result.signedOutTabs.length ? `; signed out: tabs ${result.signedOutTabs.join(', ')}` : '')),
      );
      const bad =
        result.error ||
        result.refreshes !== 1 ||
        result.unauthorized > 0 ||
        result.succeeded !== result.total ||
        result.problems.length > 0 ||
        result.signedOutTabs.length > 0;
      if (bad) failed = true;
    }
    const ok = runs.filter((r) => !r.error);
    const refreshCounts = runs.map((r) => r.refreshes);
    const sameRefreshes = refreshCounts.every((c) => c === refreshCounts[0]);
    rows.push([
      label,
      sameRefreshes && Number.isFinite(refreshCounts[0]) ? refreshCounts[0] : refreshCounts.map((c) => (Number.isFinite(c) ? c : 'error')).join(' / '),
      `${Math.min(...runs.map((r) => r.succeeded))}/${scenario.tabs * scenario.calls}`,
      round(median(ok.map((r) => r.added.p50))),
      round(median(ok.map((r) => r.added.p99))),
    ]);
    detail.push(
      `${label}: per run refreshes ${refreshCounts.join(', ')}; 401s ${runs.map((r) => r.unauthorized ?? '?').join(', ')}; ` +
        `baseline p50/p99 ${round(median(ok.map((r) => r.baseline.p50)))}/${round(median(ok.map((r) => r.baseline.p99)))} ms, ` +
        `storm p50/p99 ${round(median(ok.map((r) => r.storm.p50)))}/${round(median(ok.map((r) => r.storm.p99)))} ms, ` +
        `refresh round trip ${round(median(ok.map((r) => r.refreshMs)))} ms; ` +
        `timeline from the storm's first request: ` +
        (ok.some((r) => r.unauthorized) ? `401s answered ${sec(ok, 'first401')}–${sec(ok, 'last401')} s, ` : 'no 401, ') +
        `refresh sent at ${sec(ok, 'refreshSent')} s and answered at ${sec(ok, 'refreshDone')} s, ` +
        `calls answered ${sec(ok, 'firstRetryDone')}–${sec(ok, 'lastRetryDone')} s (medians over ${ok.length} runs)` +
        (runs.some((r) => r.refreshes !== 1) ? `; refresh senders: ${runs.map((r) => (r.refreshTabs ?? []).join(' + ') || r.error).join(' | ')}` : '') +
        (runs.some((r) => r.refreshesBefore) ? `; refreshes before the storm: ${runs.map((r) => r.refreshesBefore).join(', ')}` : '') +
        (runs.some((r) => r.error || r.problems?.length || r.signedOutTabs?.length)
          ? `; problems: ${runs.map((r) => r.error ?? [...(r.problems ?? []), ...(r.signedOutTabs?.length ? [`signed out tabs ${r.signedOutTabs.join(',')}`] : [])].join(', ')).join(' | ')}`
          : ''),
    );
  }

  const seconds = (Date.now() - started) / 1000;
  const table = {
    title: 'Refresh storm after access-token expiry',
    columns: ['Tabs × calls', 'Refresh requests', 'Succeeded', 'Added latency p50 ms', 'Added latency p99 ms'],
    rows,
    notes: [
      `App: ${stack.mode === 'production build' ? 'production build (ng build --configuration production) served statically by a small Node server in bench/lib/stack.mjs that proxies /v1 to the backend' : 'ng serve (development build) with e2e/proxy.e2e.mjs'}; backend: scripts/e2e-backend.mjs (Django runserver, fresh SQLite, test hooks) on port ${stack.backendPort}; Chromium ${browser.version()} headless, one browser context (the tabs share cookies, localStorage, BroadcastChannel and Web Locks).`,
      `Each scenario ran ${RUNS} times on a fresh sign-in (remember me, access token lifetime ${ACCESS_LIFETIME_S} s via /v1/test/config/); every figure in the table is the median over the runs, except "Refresh requests" (shown per run if the runs differ) and "Succeeded" (the worst run).`,
      'Calls: in every tab "Load data 200" is clicked N times in one task (page.evaluate, all tabs at once). The clicks land before zoneless change detection disables the button, so N concurrent GET /v1/demo/data/ go through the app\'s real HttpClient and interceptors; the page waits until the outcome line counted N answers. (BURST_SIZE is fixed at 20 and LOGOUT_LENS_CONFIG only accepts keys it already has, so no app file was changed.)',
      `Expiry: the server clock (/v1/test/clock/) and every page's clock (context.clock.setSystemTime, which moves Date.now() without firing timers) jump ${ACCESS_LIFETIME_S + 1} s, then the storm burst fires at once. Every tab knows by then that its access token has expired, so the app holds each call for the one shared refresh (for at most expiredTokenWaitMs, 3 s by default) and sends it once with the new token; a call that still met a 401 would be retried after the refresh (the 401 count per run is listed below; 0 is the target). Afterwards the clocks move 31 s more (fastForward) so every tab's periodic session check runs once; refreshes are counted from the jump until then, across the whole context.`,
      'Latency per call: from the moment the burst was fired (taken in the bench just before the clicks, the same way for the baseline and the storm) to the last byte of the call\'s final 200 (the browser\'s resource timing), so the time a call waits in the app for the refresh is included. A call that met a 401 is paired with its retry (the n-th 401 to finish in a tab with the n-th retry). "Added" = storm percentile minus the percentile of the same burst fired with a valid token on the same tabs just before.',
      'Chromium allows 6 HTTP/1.1 connections per host, so 100 concurrent calls queue in the browser in both the baseline and the storm, and this backend (Django runserver on SQLite, on a loaded 2-core machine) answers only a few tens of requests a second; the queueing is part of both latencies, which is why the baseline p50/p99 are seconds. In the storm each call waits for the shared refresh (tens of ms; see the timelines) and is then sent once, so the added latency is about the refresh round trip, not an extra round of requests (before the app held calls with a token it knew had expired, every call was sent twice and the storm added about one whole baseline burst).',
      ...detail,
      `Total run time ${seconds.toFixed(0)} s (including building or starting the app and the backend); 1-min load average at start ${load.toFixed(2)} on ${(await import('node:os')).cpus().length} shared cores, so absolute latencies are noisy.`,
    ],
  };
  writeResults('storm', table);
  if (failed) log('FAILED: a scenario sent a number of refreshes other than 1, met a 401, lost a call or signed a tab out');
  return failed ? 1 : 0;
}

await runBench(main);
