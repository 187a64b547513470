// Backend benchmark (part of `npm run bench`; runs alone as `node bench/backend.mjs`).
//
// Refresh of Logout Lens against what a team gets out of the box - stock djangorestframework-
// simplejwt's TokenRefreshView with ROTATE_REFRESH_TOKENS and BLACKLIST_AFTER_ROTATION (the
// token_blacklist app) - and against the database's own limit, side by side in one run: same
// server, same database, once on SQLite and once on PostgreSQL.
//
//   POST /v1/auth/refresh/               Logout Lens: each client chains its own ll_refresh cookie.
//   POST /v1/bench/simplejwt/refresh/    stock simplejwt, mounted by the example project when
//                                        LL_BENCH_SIMPLEJWT=1 (config/settings.py, config/urls.py):
//                                        each client chains its own rotated refresh token from the
//                                        JSON body.
//   bare SQL loop                        the statements one Logout Lens refresh sent (captured on a
//                                        real refresh), replayed in a loop with fresh parameters,
//                                        each in its own transaction (bench/refresh_sql_loop.py).
//
// Two measurements per database:
//
//   in-process (the headline figures; bench/refresh_inprocess.py) - the project's WSGI application
//     (every middleware, the production start-up checks) called directly in one Python process,
//     no sockets: Logout Lens, simplejwt, the bare SQL loop and GET /v1/health/ (any request's own
//     cost) in alternating rounds, the order rotating every round, so the noise of this shared
//     machine hits all of them alike; medians over the rounds, ratios the medians of each round's
//     ratios.
//   over HTTP - gunicorn with 2 sync workers, autocannon with 50 connections on the same 2 cores:
//     refresh/ and simplejwt's refresh (and /v1/health/), in alternating rounds too. Closer to
//     production but noisier: the load generator competes with the server for the CPU.
//
// The server runs with the production settings (LL_ENV=production, so the start-up checks must
// pass; DEBUG off, random secrets, Redis as the shared cache) on a fresh database: a temporary
// SQLite file, or a PostgreSQL database created for the run and dropped afterwards. The sessions
// are made in-process (as the sign-in views make them once the password is checked: PBKDF2 costs
// 0.5 s a session here); one sign-in of each kind goes through its real endpoint.
//
// Any non-2xx answer, socket error or timeout makes the run fail (exit code 1) after the tables.
// Writes bench/.results/backend.json ({title, columns, rows, notes, tables}) and prints it.
//
// Environment: BENCH_ROUNDS (in-process rounds, default 9), BENCH_BATCH_SECONDS (0.4 per kind and
// round), BENCH_SECONDS (HTTP, 5 per endpoint and round), BENCH_HTTP_ROUNDS (2),
// BENCH_WARMUP_SECONDS (2), BENCH_PORT (8700), BENCH_DATABASES ("sqlite,postgresql"),
// BENCH_REDIS_DB (15: not the tests' database 0). PostgreSQL and Redis come from
// scripts/services.sh; if they were not running, they are started for the run and stopped again.
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
const INPROCESS = join(root, 'bench', 'refresh_inprocess.py');

const CONNECTIONS = 50;
const WORKERS = 2;
const ROUNDS = positive('BENCH_ROUNDS', 9);
const BATCH_SECONDS = positive('BENCH_BATCH_SECONDS', 0.4);
const SECONDS = positive('BENCH_SECONDS', 5);
const HTTP_ROUNDS = positive('BENCH_HTTP_ROUNDS', 2);
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
const AJAX = { 'X-Requested-With': 'XMLHttpRequest' };
const OUT = join(root, 'bench', '.results', 'backend.json');

const DB_LABEL = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };
const OURS = 'POST /v1/auth/refresh/ (Logout Lens)';
const STOCK = 'POST /v1/bench/simplejwt/refresh/ (stock simplejwt)';
const HEALTH = 'GET /v1/health/ (no database)';

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

/** The environment of every backend process: production settings, bench rate limits, simplejwt mounted. */
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
    // Stock simplejwt under /v1/bench/simplejwt/ (allowed in production only on a loopback-only
    // server, as this one is: DJANGO_ALLOWED_HOSTS above; config/checks.py, example.E008).
    LL_BENCH_SIMPLEJWT: '1',
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
        'import sys, psycopg',
        'with psycopg.connect(sys.argv[1], autocommit=True) as conn:',
        '    for statement in sys.argv[2:]: conn.execute(statement)',
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
// In-process: bench/refresh_inprocess.py prints one JSON object.

function inProcess(env) {
  const output = run(
    python,
    [INPROCESS, '--rounds', String(ROUNDS), '--batch', String(BATCH_SECONDS), '--clients', String(CONNECTIONS)],
    { cwd: backend, env, timeout: 600_000, maxBuffer: 64 * 2 ** 20 },
  );
  return JSON.parse(output);
}

/**
 * Sessions for the HTTP run: one chain per connection, plus spares. When a run ends, autocannon
 * drops the answers still on their way, so a chain whose last request got no answer may hold a
 * token the server has rotated already: simplejwt refuses that one for good (blacklisted), Logout
 * Lens would answer it through its grace window. Either way such a chain continues on a fresh
 * session from the spares, the same for both, so every run measures plain rotations.
 */
function makeSessions(env) {
  const runs = (WARMUP_SECONDS > 0 ? 1 : 0) + HTTP_ROUNDS;
  const count = CONNECTIONS * (1 + runs);
  return JSON.parse(run(python, [INPROCESS, '--make-sessions', String(count)], { cwd: backend, env }));
}

// ---------------------------------------------------------------------------------------------
// Over HTTP: each endpoint builds connection i's request (an autocannon request object).

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

/** Connection i's client address (TEST-NET-2): as behind nginx (LL_NUM_PROXIES=1), its own client. */
const clientIp = (i) => `198.51.100.${(i % 250) + 1}`;

function endpoints(sessions) {
  const common = (i) => ({ 'User-Agent': USER_AGENT, 'X-Forwarded-For': clientIp(i) });
  // The per-connection context is reset before every request when the request list has one
  // entry, so each chain lives in these closures instead.
  const chain = (fields) => ({ ...fields, rotations: 0, missing: 0, inFlight: false, replaced: 0 });
  const ours = sessions.ours.slice(0, CONNECTIONS).map((raw) => chain({ cookie: `ll_refresh=${raw}` }));
  const stock = sessions.simplejwt.slice(0, CONNECTIONS).map((token) => chain({ token }));
  const spares = {
    ours: sessions.ours.slice(CONNECTIONS).map((raw) => ({ cookie: `ll_refresh=${raw}` })),
    stock: sessions.simplejwt.slice(CONNECTIONS).map((token) => ({ token })),
  };
  /** After a run: each chain left waiting for an answer continues on a spare session. */
  const settle = (chains, pool) => () => {
    for (const c of chains.filter((c) => c.inFlight)) {
      const spare = pool.shift();
      if (!spare) throw new Error('out of spare sessions');
      Object.assign(c, spare, { inFlight: false, replaced: c.replaced + 1 });
    }
  };
  return [
    {
      name: OURS,
      chains: ours,
      settle: settle(ours, spares.ours),
      request(i) {
        const chain = ours[i];
        return {
          method: 'POST',
          path: '/v1/auth/refresh/',
          headers: { ...common(i), ...AJAX },
          setupRequest: (req) => {
            chain.inFlight = true;
            return { ...req, headers: { ...req.headers, Cookie: chain.cookie } };
          },
          onResponse(status, _body, _context, headers) {
            chain.inFlight = false;
            if (status !== 200) return; // counted as non-2xx; keep the cookie we have
            const cookie = refreshCookie(headerValue(headers, 'set-cookie'));
            if (cookie) {
              chain.cookie = cookie;
              chain.rotations++;
            } else {
              chain.missing++;
            }
          },
        };
      },
    },
    {
      name: STOCK,
      chains: stock,
      settle: settle(stock, spares.stock),
      request(i) {
        const chain = stock[i];
        return {
          method: 'POST',
          path: '/v1/bench/simplejwt/refresh/',
          headers: { ...common(i), 'Content-Type': 'application/json' },
          setupRequest: (req) => {
            chain.inFlight = true;
            return { ...req, body: JSON.stringify({ refresh: chain.token }) };
          },
          onResponse(status, body) {
            chain.inFlight = false;
            if (status !== 200) return;
            let token;
            try {
              token = JSON.parse(body).refresh;
            } catch {
              token = undefined;
            }
            if (token && typeof token === 'string') {
              chain.token = token;
              chain.rotations++;
            } else {
              chain.missing++;
            }
          },
        };
      },
    },
    {
      name: HEALTH,
      chains: [],
      settle: () => {},
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
  endpoint.settle();
  const non2xx = Object.entries(result.statusCodeStats || {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${count}× ${code}`);
  return {
    total: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    non2xxDetail: non2xx.join(', '),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const failed = (r) => r.non2xx || r.errors || r.timeouts;
const describe = (r) =>
  `${r.non2xx} non-2xx (${r.non2xxDetail || '-'}), ${r.errors} socket errors, ${r.timeouts} timeouts`;

/** Every endpoint warmed up once, then HTTP_ROUNDS rounds of SECONDS each, the order rotating. */
async function overHttp(label, sessions, problems) {
  const list = endpoints(sessions);
  const runs = new Map(list.map((endpoint) => [endpoint.name, []]));
  if (WARMUP_SECONDS > 0) {
    for (const endpoint of list) {
      const warm = await load(endpoint, WARMUP_SECONDS);
      if (failed(warm)) problems.push(`${label} ${endpoint.name} warm-up: ${describe(warm)}`);
    }
  }
  for (let r = 0; r < HTTP_ROUNDS; r++) {
    for (const endpoint of [...list.slice(r % list.length), ...list.slice(0, r % list.length)]) {
      const result = await load(endpoint, SECONDS);
      log(`${label} ${endpoint.name} round ${r + 1}: ${round(result.total / result.seconds)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
      if (failed(result)) problems.push(`${label} ${endpoint.name} round ${r + 1}: ${describe(result)}`);
      runs.get(endpoint.name).push(result);
    }
  }
  for (const endpoint of list) {
    const missing = endpoint.chains.reduce((sum, chain) => sum + chain.missing, 0);
    if (missing) problems.push(`${label} ${endpoint.name}: ${missing} answers (200) without a new refresh token`);
    if (endpoint.chains.length) {
      const rotations = endpoint.chains.reduce((sum, chain) => sum + chain.rotations, 0);
      const replaced = endpoint.chains.reduce((sum, chain) => sum + chain.replaced, 0);
      log(`${label} ${endpoint.name}: ${rotations} rotations chained over ${endpoint.chains.length} clients ` +
        `(${replaced} times a chain continued on a spare session after a run ended with its answer on the way)`);
    }
  }
  return Object.fromEntries(
    [...runs].map(([name, results]) => [
      name,
      {
        rps: results.reduce((sum, r) => sum + r.total, 0) / results.reduce((sum, r) => sum + r.seconds, 0),
        p50: median(results.map((r) => r.p50)),
        p99: Math.max(...results.map((r) => r.p99)),
        non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------

const round = (value, digits = 1) => Number(value.toFixed(digits));
const times = (value) => `${value.toFixed(2)}×`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function benchDatabase(kind, serviceEnv) {
  const label = DB_LABEL[kind];
  const workDir = mkdtempSync(join(tmpdir(), `ll-bench-${kind}-`));
  undo.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logFile = join(workDir, 'server.log');
  const env = serverEnv(serviceEnv, freshDatabase(kind, serviceEnv, workDir));
  const problems = [];

  log(`${label}: migrate + ensure_demo_user (LL_ENV=production settings)`);
  run(python, ['manage.py', 'migrate', '--noinput', '-v', '0'], { cwd: backend, env });
  run(python, ['manage.py', 'ensure_demo_user'], { cwd: backend, env });

  log(`${label}: in-process, ${ROUNDS} rounds of about ${BATCH_SECONDS} s per kind…`);
  const local = inProcess(env);
  log(`${label} in-process: ours ${round(local.ms.ours, 3)} ms, simplejwt ${round(local.ms.simplejwt, 3)} ms, ` +
    `bare SQL ${round(local.ms.bare, 3)} ms, health ${round(local.ms.health, 3)} ms per request (${round(local.seconds)} s)`);

  const sessions = makeSessions(env);
  const stopsBefore = undo.length;
  await startGunicorn(env, logFile);
  let http;
  try {
    http = await overHttp(label, sessions, problems);
  } finally {
    // Stop gunicorn now (not at the very end) so the next database gets the port and the CPU.
    while (undo.length > stopsBefore) await undo.pop()();
  }
  if (process.env.BENCH_KEEP_LOGS) {
    mkdirSync(process.env.BENCH_KEEP_LOGS, { recursive: true });
    copyFileSync(logFile, join(process.env.BENCH_KEEP_LOGS, `backend-${kind}.log`));
  }
  problems.push(...serverLogProblems(label, readFileSync(logFile, 'utf8')));
  return { label, local, http, problems };
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

/** The in-process table's rows for one database. */
function localRows({ label, local }) {
  const q = local.queries;
  const statements = (n, logged) => `${n} (${logged} with BEGIN/COMMIT)`;
  const row = (what, name, versus, queries) => [
    label,
    what,
    round(local.per_second[name], 0),
    round(local.ms[name], 3),
    `${round(local.ms_range[name][0], 3)}–${round(local.ms_range[name][1], 3)}`,
    versus,
    queries,
  ];
  const rows = [
    row(OURS, 'ours', '1.00×', `${statements(q.ours, q.ours_with_transaction)}; grace window ${q.ours_grace}`),
    row(STOCK, 'simplejwt', `${times(local.ratios.simplejwt)} its throughput`, statements(q.simplejwt, q.simplejwt_with_transaction)),
    row('Bare SQL loop: our refresh\'s statements, one transaction each', 'bare', `${times(1 / local.ratios.bare)} its time`, statements(q.ours, q.ours_with_transaction)),
    row(HEALTH, 'health', `${times(1 / local.ratios.health)} its time`, '0'),
  ];
  if (local.ms.ours_connection_kept !== undefined) {
    rows.push(row(
      `${OURS}, SQLite connection kept (CONN_MAX_AGE=60: not the shipped setting)`,
      'ours_connection_kept',
      `${times(1 / local.ratios.ours_connection_kept)} its throughput`,
      statements(q.ours, q.ours_with_transaction),
    ));
  }
  return rows;
}

function httpRows({ label, http }) {
  const stock = http[STOCK];
  return [OURS, STOCK, HEALTH].map((name) => [
    label,
    name,
    round(http[name].rps),
    round(http[name].p50),
    round(http[name].p99),
    times(http[name].rps / stock.rps),
    http[name].non2xx,
  ]);
}

function markdownTable(columns, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

function versions() {
  try {
    return run(python, ['-c', [
      'import django, gunicorn, rest_framework, rest_framework_simplejwt',
      'print(f"Django {django.get_version()}, DRF {rest_framework.VERSION}, simplejwt {rest_framework_simplejwt.__version__}, gunicorn {gunicorn.__version__}")',
    ].join('\n')]).trim();
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
  const results = [];
  for (const kind of DATABASES) results.push(await benchDatabase(kind, serviceEnv));
  const problems = results.flatMap((r) => r.problems);
  const elapsed = Math.round((Date.now() - started) / 1000);
  const loadAfter = loadavg()[0].toFixed(2);
  const first = results[0]?.local;
  const sqlite = results.find((r) => r.label === 'SQLite')?.local;
  const report = {
    title: 'Backend: refresh against stock simplejwt and the bare SQL loop (in-process)',
    columns: ['Database', 'Refresh', 'per second', 'ms each (median)', 'ms range (rounds)', 'Logout Lens vs this', 'Queries per refresh'],
    rows: results.flatMap(localRows),
    // For bench/run.mjs's headline.
    summary: Object.fromEntries(results.map(({ label, local, http }) => [label, {
      vsSimplejwt: round(local.ratios.simplejwt, 2),
      vsBare: round(1 / local.ratios.bare, 2),
      vsBareConnectionKept: local.ratios.ours_connection_kept === undefined
        ? undefined
        : round(local.ratios.ours_connection_kept / local.ratios.bare, 2),
      statements: local.queries.ours,
      queries: local.queries.ours_with_transaction,
      graceStatements: local.queries.ours_grace,
      simplejwtStatements: local.queries.simplejwt,
      simplejwtQueries: local.queries.simplejwt_with_transaction,
      httpVsSimplejwt: round(http[OURS].rps / http[STOCK].rps, 2),
    }])),
    tables: [
      {
        title: `Backend over HTTP: ${CONNECTIONS} connections, gunicorn ${WORKERS} workers`,
        columns: ['Database', 'Endpoint', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs simplejwt', 'non-2xx'],
        rows: results.flatMap(httpRows),
      },
    ],
    notes: [
      `In-process (the headline figures): the project's WSGI application called directly in one Python process ` +
        `(${versions()}), every middleware and the production start-up checks, no sockets: ${ROUNDS} rounds in which ` +
        `each kind runs about ${BATCH_SECONDS} s (batches of ${first ? Object.entries(first.batch_sizes).map(([k, v]) => `${v} ${k}`).join(', ') : '?'} ` +
        `on ${results[0]?.label ?? '?'}), the order rotating every round, so drift and the neighbours' load on this shared ` +
        `machine hit every kind alike. "ms each" is the median over the rounds, "Logout Lens vs this" the median of the ` +
        `rounds' own ratios. One process, one request at a time: it measures the cost of a refresh, not concurrency.`,
      `Each of the ${CONNECTIONS} clients per kind chains its own refresh token: Logout Lens's from the ll_refresh cookie, ` +
        `simplejwt's from the JSON body (TokenRefreshView with ROTATE_REFRESH_TOKENS and BLACKLIST_AFTER_ROTATION, the ` +
        `token_blacklist app, the same signing key and lifetimes, mounted by LL_BENCH_SIMPLEJWT=1). Sessions are made as ` +
        'the sign-in views make them once the password is checked (one real sign-in each through its endpoint).',
      'Bare SQL loop (bench/refresh_sql_loop.py): the statements of one real Logout Lens refresh, captured with ' +
        'CaptureQueriesContext and connection.execute_wrapper, replayed through Django\'s connection with fresh values ' +
        '(token hash and id, successor, session, time) on chains of their own, each in transaction.atomic() as in the ' +
        'view; every SELECT must find its row. What the database and driver need for a refresh, and nothing else.',
      'Queries as Django 5.2 counts them (django_assert_max_num_queries, CaptureQueriesContext) include the ' +
        'transaction\'s BEGIN and COMMIT; the first figure leaves them out. A Logout Lens refresh: one SELECT of the ' +
        'token with its session (locked) and user, one INSERT … ON CONFLICT (id) DO UPDATE that marks the token rotated ' +
        'and stores its successor; inside the grace window the SELECT and one UPDATE of the successor ' +
        '(backend/tests/sessions/test_refresh_queries.py). simplejwt: blacklist check, user ×3, outstanding and ' +
        'blacklisted token get_or_create, outstanding insert, two of them in transactions of their own.',
      ...(sqlite?.ms.ours_connection_kept !== undefined
        ? [`SQLite with the shipped settings (CONN_MAX_AGE ${sqlite.conn_max_age}) opens the database at every request and ` +
            'closes it at the end; closing the last connection checkpoints the write-ahead log, which costs more than the ' +
            `refresh's statements. The "connection kept" row is the same refresh with CONN_MAX_AGE=60 for its batches ` +
            `(${round(sqlite.ms.ours_connection_kept, 3)} ms against ${round(sqlite.ms.ours, 3)} ms), to show what that one setting would change.`]
        : []),
      `Over HTTP: autocannon, ${CONNECTIONS} connections, ${HTTP_ROUNDS} rounds of ${SECONDS} s per endpoint (order ` +
        `rotating) after a ${WARMUP_SECONDS} s warm-up each; gunicorn with ${WORKERS} sync workers on 127.0.0.1 (no nginx), ` +
        'every request on a new TCP connection (sync workers answer Connection: close). req/s over all rounds, p50 the ' +
        'median of the rounds\', p99 the worst round\'s; latencies of 2xx answers only. Client and server share the ' +
        `${cpus().length} cores, so this is noisier than in-process.`,
      'Production settings (LL_ENV=production: DEBUG off, random secrets, the start-up checks pass), Redis as the shared ' +
        `cache, fresh databases with the demo user; only the rate limits are raised (LL_LOGIN_RATE=LL_LOGOUT_EVENT_RATE=${BENCH_RATE}). ` +
        `1-min load average ${loadBefore} before, ${loadAfter} after the run.`,
      ...problems.map((p) => `PROBLEM: ${p}`),
      `Total run time ${elapsed} s.`,
    ],
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n### ${report.title}\n\n${markdownTable(report.columns, report.rows)}\n`);
  for (const table of report.tables) console.log(`### ${table.title}\n\n${markdownTable(table.columns, table.rows)}\n`);
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
