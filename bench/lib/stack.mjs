// Starts and stops what a bench run needs: the e2e backend (fresh SQLite, test hooks) and the app,
// either a production build served statically with a /v1 proxy (default) or `ng serve`
// (BENCH_APP=serve). Every child runs in its own process group and only those groups are killed,
// on success, on error and on SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../../scripts/static-server.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const children = new Set();
const cleanups = new Set();

function log(message) {
  console.error(`\x1b[36m[bench]\x1b[0m ${message}`);
}

/** Spawns a command in a new process group, keeping the last lines of its output for errors. */
function start(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  // Always drain the pipes: a full pipe would block the child (runserver logs every request).
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  const entry = { name, child, tail, exited, alive: true };
  exited.then(() => {
    entry.alive = false;
    children.delete(entry);
  });
  children.add(entry);
  return entry;
}

/** Kills one process group we started: SIGTERM, then SIGKILL if it lingers. */
async function stopChild(entry, graceMs = 5000) {
  if (!entry.alive) return;
  try {
    process.kill(-entry.child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([entry.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    try {
      process.kill(-entry.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await entry.exited;
  }
}

/** Synchronous last resort on process exit: signal every group still alive. */
function killAllSync() {
  for (const entry of children) {
    try {
      process.kill(-entry.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

let handlersInstalled = false;
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      log(`${signal}: stopping what this run started…`);
      await Promise.race([stopAll(), sleep(8000)]);
      killAllSync();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Runs registered cleanups (browser, static server), then stops every child we started. */
export async function stopAll() {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      await cleanup();
    } catch {
      // Best effort.
    }
  }
  await Promise.all([...children].map((entry) => stopChild(entry)));
}

/** Registers something to close before the children are killed (e.g. the browser). */
export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function portInUse(port) {
  return new Promise((resolvePort) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once('error', () => resolvePort(false));
  });
}

async function waitForUrl(url, entry, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry && !entry.alive) {
      throw new Error(`${entry.name} exited before it was ready:\n${entry.tail.join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // Not up yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s${entry ? `:\n${entry.tail.join('\n')}` : ''}`);
}

/**
 * Starts backend and app on ports of their own. Returns URLs and how the app is served.
 * BENCH_APP=serve uses `ng serve` instead of the production build; BENCH_BACKEND_PORT and
 * BENCH_APP_PORT move the ports.
 */
export async function startStack({ backendPort = 8800, appPort = 4800 } = {}) {
  installHandlers();
  backendPort = Number(process.env.BENCH_BACKEND_PORT ?? backendPort);
  appPort = Number(process.env.BENCH_APP_PORT ?? appPort);
  const mode = process.env.BENCH_APP === 'serve' ? 'ng serve' : 'production build';
  for (const port of [backendPort, appPort]) {
    if (await portInUse(port)) throw new Error(`port ${port} is already in use; refusing to share it`);
  }
  const t0 = Date.now();
  const backendURL = `http://127.0.0.1:${backendPort}`;
  const appURL = `http://127.0.0.1:${appPort}`;
  const env = { ...process.env, E2E_BACKEND_PORT: String(backendPort) };

  log(`backend on ${backendPort}, app (${mode}) on ${appPort}`);
  const backend = start('backend', process.execPath, ['scripts/e2e-backend.mjs', String(backendPort)], { env });
  let build = null;
  let app = null;
  let outDir = null;
  if (mode === 'production build') {
    outDir = join(tmpdir(), `logout-lens-bench-${appPort}`);
    rmSync(outDir, { recursive: true, force: true });
    build = start('ng build', join(root, 'node_modules/.bin/ng'), [
      'build',
      'demo',
      '--configuration',
      'production',
      '--output-path',
      outDir,
      '--no-progress',
    ], { env: { ...env, NG_CLI_ANALYTICS: 'false' } });
  } else {
    app = start('ng serve', join(root, 'node_modules/.bin/ng'), [
      'serve',
      'demo',
      '--host',
      '127.0.0.1',
      '--port',
      String(appPort),
      '--proxy-config',
      'e2e/proxy.e2e.mjs',
    ], { env: { ...env, NG_CLI_ANALYTICS: 'false' } });
  }

  await waitForUrl(`${backendURL}/v1/test/health/`, backend, 120_000);
  if (build) {
    const { code } = await Promise.race([
      build.exited,
      sleep(300_000).then(() => ({ code: 'timeout' })),
    ]);
    if (code !== 0) {
      await stopChild(build);
      throw new Error(`ng build failed (${code}):\n${build.tail.join('\n')}`);
    }
    const { close } = await serveStatic(join(outDir, 'browser'), { port: appPort, backendPort });
    onCleanup(close);
  }
  await waitForUrl(appURL, app, 240_000);
  log(`stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { backendURL, appURL, mode, backendPort, appPort };
}

/** Runs a benchmark's `main` (which returns its exit code), always stops what it started, exits. */
export async function runBench(main) {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(error);
  } finally {
    await stopAll();
  }
  process.exit(code);
}
