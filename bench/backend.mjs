// Backend benchmark (part of `npm run bench`; runs alone as `node bench/backend.mjs`).
//
// Measures requests/s and latency p50/p99 of three endpoints with autocannon at 50 concurrent
// connections against gunicorn with 2 (sync) workers, once on SQLite and once on PostgreSQL:
//
//   POST /v1/auth/refresh/       refresh-token rotation. Every connection signs in once before the
//                                run and then chains its own session: each response's rotated
//                                `ll_refresh` cookie goes into that connection's next request.
//   POST /v1/auth/logout-event/  an anonymous client logout event (as the app's outbox posts it
//                                after a sign-out: JSON body + X-Requested-With, no credentials).
//   GET  /v1/health/             the trivial endpoint every other row is compared with.
//
// The server runs with the production settings (LL_ENV=production, so the logoutlens.E00x start-up
// checks must pass; DEBUG off, random secrets, Redis as the shared cache for both databases) on a
// fresh database: a temporary SQLite file, or a PostgreSQL database created for the run and dropped
// afterwards. Only the rate limits are raised (LL_LOGIN_RATE / LL_LOGOUT_EVENT_RATE, per second),
// otherwise this would measure 429s. As behind nginx (LL_NUM_PROXIES=1), each connection is its
// own client: its own X-Forwarded-For address and device id.
//
// Any non-2xx answer, socket error or timeout makes the run fail (exit code 1) after the table.
// Writes bench/.results/backend.json ({title, columns, rows, notes}) and prints the table.
//
// Environment: BENCH_SECONDS (default 10) per endpoint and database, BENCH_WARMUP_SECONDS (2),
// BENCH_PORT (8700), BENCH_DATABASES ("sqlite,postgresql"), BENCH_REDIS_DB (15: not the
// tests' database 0). PostgreSQL and Redis come from scripts/services.sh; if they were not
// running, they are started for the run and stopped again afterwards.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const backend = join(root, 'backend');
const python = process.env.LL_PYTHON || join(root, '.venv', 'bin', 'python');
const services = join(root, 'scripts', 'services.sh');

const CONNECTIONS = 50;
const WORKERS = 2;
const SECONDS = positive('BENCH_SECONDS', 10);
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', 2, true);
const PORT = positive('BENCH_PORT', 8700);
const REDIS_DB = positive('BENCH_REDIS_DB', 15, true);
const DATABASES = (process.env.BENCH_DATABASES || 'sqlite,postgresql')
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);
// Per second, so each throttle key's history stays as short as in production (a few entries).
const BENCH_RATE = '1000000/s';
const BASE = `http://127.0.0.1:${PORT}`;
const USER_AGENT = 'logout-lens-bench/1 (autocannon)';
const DEMO = { email: 'demo@example.com', password: 'demo-pass-2026' };
const AJAX = { 'X-Requested-With': 'XMLHttpRequest' };
const OUT = join(root, 'bench', '.results', 'backend.json');

const DB_LABEL = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };
const HEALTH = 'GET /v1/health/';

function positive(name, fallback, allowZero = false) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${raw}"`);
  }
  return value;
}

function log(message) {
  console.log(`[bench:backend] ${message}`);
}

/** Connection i's client address (TEST-NET-2) and device id. */
const clientIp = (i) => `198.51.100.${(i % 250) + 1}`;
const deviceId = (i) => `bench-device-${i}`;

// ---------------------------------------------------------------------------------------------
// Cleanup: a stack of undo steps, run once on normal exit, on error and on SIGINT/SIGTERM.

const undo = [];
let cleaning = null;
let running = null; // the autocannon instance in progress, stopped on a signal
let interrupted = false;

function cleanup() {
  cleaning ??= (async () => {
    while (undo.length) {
      const step = undo.pop();
      try {
        await step();
      } catch (error) {
        console.error(`[bench:backend] cleanup: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`[bench:backend] ${signal}: cleaning up…`);
    running?.stop();
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Runs a command to completion; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`);
  }
  return result.stdout;
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** PostgreSQL and Redis from scripts/services.sh; started (and later stopped) only if both are down. */
function ensureServices() {
  const status = run('bash', [services, 'status']);
  const pgUp = /PostgreSQL: running/.test(status);
  const redisUp = /Redis: running/.test(status);
  if (!pgUp || !redisUp) {
    log('starting PostgreSQL and Redis (scripts/services.sh start)…');
    run('bash', [services, 'start']);
    if (!pgUp && !redisUp) {
      undo.push(() => {
        log('stopping PostgreSQL and Redis (started by this run)');
        run('bash', [services, 'stop']);
      });
    } else {
      log('note: one of PostgreSQL/Redis was already running; leaving both running afterwards');
    }
  }
  const env = Object.fromEntries(
    run('bash', [services, 'env', '--plain'])
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  if (!env.DATABASE_URL || !env.REDIS_URL) throw new Error('scripts/services.sh env printed no DATABASE_URL/REDIS_URL');
  return env;
}

/** The environment of every backend process: production settings, bench rate limits. */
function serverEnv(serviceEnv, extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(LL_|DJANGO_|WEB_CONCURRENCY$|DATABASE_URL$|REDIS_URL$|GUNICORN_CMD_ARGS$)/.test(key),
    ),
  );
  const redis = new URL(serviceEnv.REDIS_URL);
  redis.pathname = `/${REDIS_DB}`;
  return {
    ...env,
    DJANGO_SETTINGS_MODULE: 'config.settings',
    LL_ENV: 'production',
    DJANGO_DEBUG: '0',
    DJANGO_SECRET_KEY: randomBytes(48).toString('base64url'),
    LL_SIGNING_KEY: randomBytes(48).toString('base64url'),
    DJANGO_ALLOWED_HOSTS: '127.0.0.1,localhost',
    REDIS_URL: redis.toString(),
    WEB_CONCURRENCY: String(WORKERS),
    LL_NUM_PROXIES: '1',
    LL_LOGIN_RATE: BENCH_RATE,
    LL_LOGOUT_EVENT_RATE: BENCH_RATE,
    ...extra,
  };
}

/** A fresh database for `kind`; returns the extra environment and registers its removal. */
function freshDatabase(kind, serviceEnv, workDir) {
  if (kind === 'sqlite') {
    return { LL_SQLITE_PATH: join(workDir, 'bench.sqlite3') };
  }
  const url = new URL(serviceEnv.DATABASE_URL);
  const name = `logoutlens_bench_${PORT}`;
  const admin = url.toString(); // the services' own database, used to create and drop ours
  const sql = (statements) =>
    run(python, [
      '-c',
      [
        'import sys, psycopg2',
        'conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True',
        'cur = conn.cursor()',
        'for statement in sys.argv[2:]: cur.execute(statement)',
        'conn.close()',
      ].join('\n'),
      admin,
      ...statements,
    ]);
  const drop = `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;
  sql([drop, `CREATE DATABASE "${name}"`]);
  undo.push(() => sql([drop]));
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

/** Starts gunicorn (output to `logFile`), waits until /v1/health/ answers, registers its stop. */
async function startGunicorn(env, logFile) {
  if (await portAnswers(PORT)) throw new Error(`port ${PORT} is already in use (set BENCH_PORT)`);
  const fd = openSync(logFile, 'a');
  const server = spawn(
    python,
    ['-m', 'gunicorn', '-w', String(WORKERS), '-b', `127.0.0.1:${PORT}`, '--log-level', 'warning',
      'config.wsgi:application'],
    { cwd: backend, env, stdio: ['ignore', fd, fd] },
  );
  closeSync(fd);
  let exited = false;
  const exit = new Promise((resolve) => server.once('exit', (code, signal) => {
    exited = true;
    resolve(code ?? signal);
  }));
  undo.push(async () => {
    if (exited) return;
    server.kill('SIGTERM');
    const stopped = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) {
      server.kill('SIGKILL');
      await exit;
    }
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`gunicorn exited during start:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${BASE}/v1/health/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`gunicorn did not become healthy in 30 s:\n${tail(logFile)}`);
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions: one sign-in per connection; `cookie` always holds the newest refresh cookie.

function refreshCookie(setCookie) {
  const values = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const value of values) {
    const pair = String(value).split(';', 1)[0].trim();
    if (pair.startsWith('ll_refresh=') && pair.length > 'll_refresh='.length) return pair;
  }
  return null;
}

function headerValue(headers, name) {
  const key = Object.keys(headers || {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

async function signIn(i) {
  const response = await fetch(`${BASE}/v1/auth/login/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
      'X-Forwarded-For': clientIp(i),
      ...AJAX,
    },
    body: JSON.stringify({ ...DEMO, remember_me: false, device_id: deviceId(i) }),
  });
  const cookie = refreshCookie(response.headers.getSetCookie());
  if (response.status !== 200 || !cookie) {
    throw new Error(`sign-in ${i} failed: HTTP ${response.status} ${await response.text()}`);
  }
  return { cookie, rotations: 0, missingCookie: 0 };
}

async function signInAll(count, parallel = 4) {
  const sessions = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        sessions[i] = await signIn(i);
      }
    }),
  );
  return sessions;
}

// ---------------------------------------------------------------------------------------------
// Endpoints: each builds connection i's request (autocannon request object).

function endpoints(sessions) {
  const common = (i) => ({ 'User-Agent': USER_AGENT, 'X-Forwarded-For': clientIp(i) });
  return [
    {
      name: 'POST /v1/auth/refresh/',
      request(i) {
        const session = sessions[i];
        return {
          method: 'POST',
          path: '/v1/auth/refresh/',
          headers: { ...common(i), ...AJAX },
          // The per-connection context is reset before every request when the request list
          // has one entry, so the session lives in this closure instead.
          setupRequest(req) {
            return { ...req, headers: { ...req.headers, Cookie: session.cookie } };
          },
          onResponse(status, _body, _context, headers) {
            if (status !== 200) return; // counted as non-2xx; keep the cookie we have
            const cookie = refreshCookie(headerValue(headers, 'set-cookie'));
            if (cookie) {
              session.cookie = cookie;
              session.rotations++;
            } else {
              session.missingCookie++;
            }
          },
        };
      },
    },
    {
      name: 'POST /v1/auth/logout-event/',
      request(i) {
        const body = JSON.stringify({
          type: 'IDLE_TIMEOUT',
          message: 'Signed out after 30 minutes without activity',
          idle_seconds: 1800,
          occurred_at: new Date().toISOString(),
          device_id: deviceId(i),
          session_id: '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f',
          tab_id: `tab-${i}`,
          route: '/dashboard',
          details: { had_access_token: false, from_other_tab: false, client_event_id: `bench-${i}` },
        });
        return {
          method: 'POST',
          path: '/v1/auth/logout-event/',
          headers: { ...common(i), ...AJAX, 'Content-Type': 'application/json' },
          body,
        };
      },
    },
    {
      name: HEALTH,
      request(i) {
        return { method: 'GET', path: '/v1/health/', headers: common(i) };
      },
    },
  ];
}

/**
 * Per-connection setup. gunicorn's sync workers answer `Connection: close`; autocannon 8 would
 * still write the next request onto that closing socket, count the reset as an error, open an
 * extra connection and attribute answers to older requests (inflated latencies). So when an answer
 * says the connection closes, the next request goes out on a fresh connection instead.
 */
function setupClientFor(endpoint) {
  let index = 0;
  return (client) => {
    const i = index++ % CONNECTIONS;
    client.setRequests([endpoint.request(i)]);
    for (const method of ['_doRequest', '_connect', '_destroyConnection']) {
      if (typeof client[method] !== 'function') throw new Error(`autocannon Client.${method} is missing (autocannon upgraded?)`);
    }
    let closing = false;
    client.on('headers', (info) => {
      closing = info?.shouldKeepAlive === false;
    });
    const doRequest = client._doRequest.bind(client);
    client._doRequest = () => {
      if (!closing) return doRequest();
      closing = false;
      client._destroyConnection();
      client._connect(); // sends the next request on the new connection
      return undefined;
    };
  };
}

async function load(endpoint, seconds) {
  const instance = autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [endpoint.request(0)], // replaced per connection in setupClient
    setupClient: setupClientFor(endpoint),
  });
  running = instance;
  const result = await instance;
  running = null;
  const non2xx = Object.entries(result.statusCodeStats || {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${count}× ${code}`);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    non2xxDetail: non2xx.join(', '),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------

const round = (value, digits = 1) => Number(value.toFixed(digits));
const ratio = (value, base) => (base > 0 ? `${(value / base).toFixed(2)}×` : 'n/a');

async function benchDatabase(kind, serviceEnv) {
  const label = DB_LABEL[kind];
  const workDir = mkdtempSync(join(tmpdir(), `ll-bench-${kind}-`));
  undo.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logFile = join(workDir, 'server.log');
  const env = serverEnv(serviceEnv, freshDatabase(kind, serviceEnv, workDir));

  log(`${label}: migrate + ensure_demo_user (LL_ENV=production settings)`);
  run(python, ['manage.py', 'migrate', '--noinput', '-v', '0'], { cwd: backend, env });
  run(python, ['manage.py', 'ensure_demo_user'], { cwd: backend, env });

  const stopsBefore = undo.length;
  await startGunicorn(env, logFile);
  const measured = [];
  const problems = [];
  try {
    const signInStart = Date.now();
    const sessions = await signInAll(CONNECTIONS);
    log(`${label}: signed in ${CONNECTIONS} sessions (${((Date.now() - signInStart) / 1000).toFixed(1)} s)`);
    for (const endpoint of endpoints(sessions)) {
      if (WARMUP_SECONDS > 0) {
        const warm = await load(endpoint, WARMUP_SECONDS);
        if (warm.non2xx || warm.errors || warm.timeouts) {
          problems.push(`${label} ${endpoint.name} warm-up: ${warm.non2xx} non-2xx (${warm.non2xxDetail || '-'}), ${warm.errors} errors, ${warm.timeouts} timeouts`);
        }
      }
      const result = await load(endpoint, SECONDS);
      log(`${label} ${endpoint.name}: ${round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}${result.non2xxDetail ? ` (${result.non2xxDetail})` : ''}, errors ${result.errors}, timeouts ${result.timeouts}`);
      if (result.non2xx || result.errors || result.timeouts) {
        problems.push(`${label} ${endpoint.name}: ${result.non2xx} non-2xx (${result.non2xxDetail || '-'}), ${result.errors} socket errors, ${result.timeouts} timeouts`);
      }
      measured.push({ endpoint: endpoint.name, ...result });
    }
    const missing = sessions.reduce((sum, s) => sum + s.missingCookie, 0);
    if (missing) problems.push(`${label}: ${missing} refresh answers (200) without a new ll_refresh cookie`);
    const rotations = sessions.reduce((sum, s) => sum + s.rotations, 0);
    log(`${label}: ${rotations} refresh-cookie rotations chained over ${CONNECTIONS} sessions`);
  } finally {
    // Stop gunicorn now (not at the very end) so the next database gets the port and the CPU.
    while (undo.length > stopsBefore) await undo.pop()();
  }
  if (process.env.BENCH_KEEP_LOGS) {
    mkdirSync(process.env.BENCH_KEEP_LOGS, { recursive: true });
    copyFileSync(logFile, join(process.env.BENCH_KEEP_LOGS, `backend-${kind}.log`));
  }
  problems.push(...serverLogProblems(label, readFileSync(logFile, 'utf8')));

  const health = measured.find((m) => m.endpoint === HEALTH);
  const rows = measured.map((m) => [
    label,
    m.endpoint,
    round(m.rps),
    round(m.p50),
    round(m.p99),
    ratio(m.rps, health.rps),
    ratio(m.p99, health.p99),
    m.non2xx,
  ]);
  return { rows, problems };
}

/** Server errors in the gunicorn/Django log (500s log a traceback; the audit lines are INFO). */
function serverLogProblems(label, text) {
  const errors = new Map();
  for (const line of text.split('\n')) {
    // The last line of each traceback: "module.ExceptionClass: message".
    const match = /^([A-Za-z_][\w.]*(?:Error|Exception)\b.*)$/.exec(line);
    if (match) errors.set(match[1], (errors.get(match[1]) ?? 0) + 1);
  }
  const requestErrors = (text.match(/ ERROR django\.request /g) || []).length;
  return [
    ...(requestErrors ? [`${label}: ${requestErrors} server errors logged by django.request`] : []),
    ...[...errors].map(([error, count]) => `${label}: ${count}× ${error.slice(0, 200)} in the server log`),
  ];
}

function markdownTable(columns, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

function gunicornVersion() {
  try {
    return run(python, ['-c', 'import gunicorn; print(gunicorn.__version__)']).trim();
  } catch {
    return '?';
  }
}

async function main() {
  const started = Date.now();
  for (const kind of DATABASES) {
    if (!DB_LABEL[kind]) throw new Error(`BENCH_DATABASES: unknown database "${kind}" (sqlite, postgresql)`);
  }
  const serviceEnv = ensureServices();
  const loadBefore = loadavg()[0].toFixed(2);
  const rows = [];
  const problems = [];
  for (const kind of DATABASES) {
    const result = await benchDatabase(kind, serviceEnv);
    rows.push(...result.rows);
    problems.push(...result.problems);
  }
  const elapsed = Math.round((Date.now() - started) / 1000);
  const loadAfter = loadavg()[0].toFixed(2);
  const report = {
    title: `Backend: ${CONNECTIONS} connections, gunicorn ${WORKERS} workers`,
    columns: ['Database', 'Endpoint', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs health', 'p99 vs health', 'non-2xx'],
    rows,
    notes: [
      `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per endpoint after a ${WARMUP_SECONDS} s warm-up; ` +
        `gunicorn ${gunicornVersion()} with ${WORKERS} sync workers on 127.0.0.1 (no nginx); client and server share ` +
        `${cpus().length} CPU cores (1-min load average ${loadBefore} before, ${loadAfter} after the run; other jobs ` +
        'on a shared machine make req/s vary between runs). Latencies count 2xx answers only.',
      'Production settings (LL_ENV=production: DEBUG off, random secrets, the logoutlens.E00x checks pass), ' +
        `Redis as the shared cache for both databases, fresh databases with the demo user; only the rate limits ` +
        `are raised (LL_LOGIN_RATE=LL_LOGOUT_EVENT_RATE=${BENCH_RATE}).`,
      `Each connection is one client with its own X-Forwarded-For address (LL_NUM_PROXIES=1) and device id. Refresh: ` +
        `each connection signs in once and chains its own rotated ll_refresh cookie; logout-event: an anonymous ` +
        'IDLE_TIMEOUT event (201, stored and logged).',
      'gunicorn sync workers close every connection (Connection: close), so every request opens a new TCP connection.',
      ...problems.map((p) => `PROBLEM: ${p}`),
      `Total run time ${elapsed} s.`,
    ],
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n### ${report.title}\n\n${markdownTable(report.columns, rows)}\n`);
  for (const note of report.notes) console.log(`- ${note}`);
  console.log(`\nWrote ${OUT.slice(root.length + 1)} (${elapsed} s).`);
  if (problems.length) {
    console.error(`\n[bench:backend] FAILED: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  if (!interrupted) console.error(`[bench:backend] ${error.stack || error.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
