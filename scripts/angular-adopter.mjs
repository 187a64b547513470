// The Angular adopter test: a team adds @logout-lens/angular to a brand-new Angular app, and it works.
//
//     node scripts/angular-adopter.mjs        (KEEP_ADOPTER=1 keeps the temporary directory)
//
// 1. `ng build logout-lens` (production) and `npm pack` of dist/logout-lens: the tarball is the only
//    thing of this repository the new app ever sees.
// 2. `ng new` (this workspace's own CLI, 21.2.27: --minimal --zoneless, no SSR) in a temporary
//    directory, then `npm install` there of Angular, Material/CDK and NgRx at this workspace's
//    versions (all in the npm cache: --prefer-offline), then `npm install` of the tarball, as an
//    adopter adds a library to an app. Runs while the library builds.
// 3. The adopter's code from e2e-adopter/app-template/ (app.config.ts, routes with the guards, a
//    sign-in page of the app's own with <ll-logout-reason-banner />, a home page that calls
//    /v1/demo/data/ and ends the session as LICENSE_EXPIRED), Material's prebuilt theme and the
//    Material Icons font in angular.json. Counts the lines that touch Logout Lens: more than 15 fail.
// 4. `ng build` (production) of the new app with its own CLI (the debug drawer, the diagnosis and the
//    built-in reasons' English must stay out of the initial chunks), served statically with /v1
//    proxied to the e2e backend (scripts/e2e-backend.mjs:
//    fresh SQLite, demo users, test clock). Ports: ADOPTER_BACKEND_PORT (8180), ADOPTER_APP_PORT (4380).
// 5. Playwright (e2e-adopter/adopter.e2e.ts, Debian's Chromium): sign in; an expired access token
//    costs exactly one refresh and the call succeeds; the app's own reason shows in the dialog and
//    then in the banner; Ctrl+Shift+D opens the debug drawer.
//
// Prints each step's time and closes with `angular-adopter: N passed, M failed` (each step and each
// Playwright test counts once); exits 1 when anything failed. The servers and the temporary
// directory go away on every path (also on Ctrl-C/SIGTERM).
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveStatic } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const backendPort = Number(process.env.ADOPTER_BACKEND_PORT ?? 8180);
const appPort = Number(process.env.ADOPTER_APP_PORT ?? 4380);
const keep = process.env.KEEP_ADOPTER === '1';
const MAX_LINES = 15;
const APP = 'adopter-app';

const work = mkdtempSync(join(tmpdir(), 'angular-adopter-'));
const app = join(work, APP);
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0', NO_COLOR: '1', CI: '1' };

/** This workspace's versions (package-lock.json), which the npm cache holds. */
function lockedVersion(name) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

// ── Steps: run in order, timed and counted; after a failure the rest are skipped ──────────────────

let passed = 0;
let failed = 0;
let skipped = 0;
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const indent = (text) => String(text).replace(/^/gm, '        ');

async function step(name, action) {
  if (failed) {
    skipped++;
    console.log(`  skip  ${name}`);
    return undefined;
  }
  const began = Date.now();
  try {
    const result = await action();
    passed++;
    console.log(`  ok    ${name} (${seconds(began)}s)`);
    return result;
  } catch (error) {
    failed++;
    console.log(`  FAIL  ${name} (${seconds(began)}s)\n${indent(error?.stack && !error.quiet ? error.stack : error?.message ?? error)}`);
    return undefined;
  }
}

function fail(message) {
  const error = new Error(message);
  error.quiet = true;
  return error;
}

// ── Child processes: each in a process group of its own; only those groups are ever killed ───────

const children = new Set();

function start(command, args, { cwd = root, extraEnv = {}, echo = false } = {}) {
  const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { child, out: '', alive: true };
  const take = (chunk) => {
    entry.out += chunk;
    if (entry.out.length > 200_000) entry.out = entry.out.slice(-100_000);
    if (echo) process.stdout.write(chunk);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  entry.exited = new Promise((resolve) => {
    child.on('error', (error) => {
      entry.out += String(error);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  entry.exited.then(() => {
    entry.alive = false;
    children.delete(entry);
  });
  children.add(entry);
  return entry;
}

async function stop(entry) {
  if (!entry?.alive) return;
  try {
    process.kill(-entry.child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const gone = await Promise.race([entry.exited.then(() => true), sleep(5000).then(() => false)]);
  if (!gone) {
    try {
      process.kill(-entry.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Runs a command to its end; its output's tail is the failure message when it exits non-zero. */
async function run(command, args, { timeoutMs = 300_000, ...options } = {}) {
  const entry = start(command, args, options);
  const timer = setTimeout(() => stop(entry), timeoutMs);
  const code = await entry.exited;
  clearTimeout(timer);
  if (code !== 0) {
    const where = relative(root, options.cwd ?? root) || '.';
    throw fail(`$ ${[command, ...args].join(' ')}   (in ${where})\nexit ${code}${entry.out ? `\n${entry.out.slice(-4000)}` : ''}`);
  }
  return entry.out;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForUrl(url, entry, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry && !entry.alive) throw fail(`exited before ${url} answered:\n${entry.out.slice(-4000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // Not up yet.
    }
    await sleep(250);
  }
  throw fail(`${url} did not answer within ${timeoutMs / 1000} s${entry ? `:\n${entry.out.slice(-4000)}` : ''}`);
}

// ── The built app, served as a CDN would (SPA fallback), with /v1 proxied to the backend ──────────


// ── Counting the adopter's Logout Lens lines ──────────────────────────────────────────────────────

/**
 * The lines of the app's src/ that touch Logout Lens: imports from '@logout-lens/angular…', every
 * line naming something imported from there (provideLogoutLens, the with…() features,
 * logoutLensInterceptor, the guards, LogoutLens, LogoutReasonBanner, …), `<ll-…>` tags, and every
 * line of the provideLogoutLens(…) call however it is wrapped. Apart from those (`extra`): lines
 * that only call the service through the field holding `inject(LogoutLens)` (`lens.signIn(…)`).
 */
function countLibraryLines(srcDir) {
  const counted = [];
  const extra = [];
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|html)$/.test(name)) files.push(path);
    }
  };
  walk(srcDir);
  for (const file of files.sort()) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const names = new Set();
    for (const [, list] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@logout-lens\/angular[^']*'/g)) {
      for (const part of list.split(',')) {
        const name = part.trim().split(/\s+as\s+/).pop();
        if (name) names.add(name.replace(/^type\s+/, ''));
      }
    }
    const nameAlternation = [...names].map((n) => n.replace(/[$]/g, '\\$')).join('|');
    const named = names.size ? new RegExp(`\\b(${nameAlternation})\\b`) : null;
    const fields = [...text.matchAll(/(\w+)\s*=\s*inject\((\w+)\)/g)].filter(([, , type]) => names.has(type)).map(([, field]) => field);
    const viaField = fields.length ? new RegExp(`\\b(${fields.join('|')})\\.\\w+`) : null;
    const inCall = spanLines(text, 'provideLogoutLens(');
    lines.forEach((line, index) => {
      const where = `${relative(srcDir, file)}:${index + 1}`;
      if (/@logout-lens\/angular/.test(line) || named?.test(line) || /<ll-[a-z-]+/.test(line) || inCall.has(index)) {
        counted.push(`${where}  ${line.trim()}`);
      } else if (viaField?.test(line)) {
        extra.push(`${where}  ${line.trim()}`);
      }
    });
  }
  return { counted, extra };
}

/** The 0-based line numbers a call `callee(…)` spans, over strings and nested brackets. */
function spanLines(text, callee) {
  const lines = new Set();
  let from = text.indexOf(callee);
  while (from !== -1) {
    let depth = 0;
    let quote = null;
    let end = from + callee.length - 1;
    for (; end < text.length; end++) {
      const c = text[end];
      if (quote) {
        if (c === '\\') end++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    const first = text.slice(0, from).split('\n').length - 1;
    const last = text.slice(0, end).split('\n').length - 1;
    for (let line = first; line <= last; line++) lines.add(line);
    from = text.indexOf(callee, end);
  }
  return lines;
}

// ── Clean-up on every path ────────────────────────────────────────────────────────────────────────

let closeStatic = null;
let backend = null;
let cleaned = false;

async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  if (closeStatic) await closeStatic().catch(() => {});
  await Promise.all([...children].map(stop));
  if (keep) console.log(`kept ${work} (KEEP_ADOPTER=1)`);
  else rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    failed++;
    console.log(`  FAIL  interrupted by ${signal}`);
    await Promise.race([cleanUp(), sleep(10_000)]);
    console.log(`angular-adopter: ${passed} passed, ${failed} failed`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
process.on('exit', () => {
  for (const entry of children) {
    try {
      process.kill(-entry.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

// ── The run ───────────────────────────────────────────────────────────────────────────────────────

const ng = join(root, 'node_modules', '.bin', 'ng');
const appNg = join(app, 'node_modules', '.bin', 'ng');
const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
console.log(`angular-adopter: working in ${work}; backend :${backendPort}, app :${appPort}`);

async function main() {
  await step(`ports ${backendPort} and ${appPort} are free`, async () => {
    for (const port of [backendPort, appPort]) {
      if (await portInUse(port)) throw fail(`port ${port} is in use; set ADOPTER_BACKEND_PORT / ADOPTER_APP_PORT`);
    }
  });
  if (failed) return;

  // Started now, waited for later: the backend migrates while the rest builds.
  backend = start(process.execPath, [join(root, 'scripts', 'e2e-backend.mjs'), String(backendPort)]);
  // Built while the new app is created and installs its dependencies.
  const libraryStarted = Date.now();
  const libraryBuilt = run(ng, ['build', 'logout-lens', '--configuration', 'production'], { timeoutMs: 300_000 })
    .then(() => seconds(libraryStarted));
  libraryBuilt.catch(() => {});

  await step('ng new (this workspace’s CLI: --minimal --zoneless --ssr=false)', async () => {
    // The CLI refuses `ng new` inside a workspace, and it finds this one from its own location:
    // run it through a symlinked node_modules, so it sees only the temporary directory.
    const cli = join(work, 'cli');
    mkdirSync(cli);
    symlinkSync(join(root, 'node_modules'), join(cli, 'node_modules'), 'dir');
    await run(
      process.execPath,
      ['--preserve-symlinks', '--preserve-symlinks-main', join(cli, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'),
        'new', APP, '--minimal', '--skip-git', '--skip-install', '--defaults', '--style=css', '--ssr=false',
        '--zoneless', '--ai-config=none'],
      { cwd: work, timeoutMs: 120_000 },
    );
  });

  await step('npm install: Angular, Material, CDK, NgRx at this workspace’s versions', async () => {
    const pkgPath = join(app, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    const pin = (names) => Object.fromEntries(names.map((name) => [name, lockedVersion(name)]));
    pkg.dependencies = pin([
      '@angular/common', '@angular/compiler', '@angular/core', '@angular/forms', '@angular/platform-browser',
      '@angular/router', '@angular/material', '@angular/cdk', '@ngrx/store', '@ngrx/effects', 'rxjs', 'tslib',
      'material-icons',
    ]);
    // ng new adds prettier, which this workspace does not use (so the npm cache need not hold it).
    pkg.devDependencies = pin(['@angular/build', '@angular/cli', '@angular/compiler-cli', 'typescript']);
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    await run('npm', ['install', ...npmFlags], { cwd: app, timeoutMs: 240_000 });
  });

  await step('ng build logout-lens (production; waited for here)', async () => {
    console.log(`        built in ${await libraryBuilt}s, alongside the two steps above`);
  });

  const tarball = await step('npm pack dist/logout-lens', async () => {
    const packs = join(work, 'packs');
    mkdirSync(packs);
    const out = await run('npm', ['pack', join(root, 'dist', 'logout-lens'), '--pack-destination', packs, '--json', '--loglevel=error']);
    const [{ filename, files }] = JSON.parse(out.slice(out.indexOf('[')));
    const paths = files.map((f) => f.path);
    for (const entry of ['fesm2022/logout-lens-angular.mjs', 'fesm2022/logout-lens-angular-material.mjs', 'fesm2022/logout-lens-angular-devtools.mjs']) {
      if (!paths.includes(entry)) throw fail(`the tarball has no ${entry}: ${paths.join(', ')}`);
    }
    console.log(`        ${filename}: ${files.length} files`);
    return join(packs, filename);
  });

  await step('npm install the tarball', async () => {
    await run('npm', ['install', ...npmFlags, tarball], { cwd: app, timeoutMs: 180_000 });
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', '@logout-lens', 'angular', 'package.json'), 'utf8'));
    console.log(`        @logout-lens/angular ${installed.version}`);
  });

  await step(`the adopter's code (at most ${MAX_LINES} Logout Lens lines)`, async () => {
    cpSync(join(root, 'e2e-adopter', 'app-template'), app, { recursive: true });
    const workspacePath = join(app, 'angular.json');
    const workspace = JSON.parse(readFileSync(workspacePath, 'utf8'));
    const build = workspace.projects[APP].architect.build;
    build.options.styles = [
      'node_modules/@angular/material/prebuilt-themes/azure-blue.css',
      'node_modules/material-icons/iconfont/filled.css',
      ...build.options.styles,
    ];
    writeFileSync(workspacePath, `${JSON.stringify(workspace, null, 2)}\n`);

    const { counted, extra } = countLibraryLines(join(app, 'src'));
    console.log(indent(counted.join('\n')));
    if (extra.length) console.log(indent(`calls through the injected LogoutLens (not counted):\n${extra.join('\n')}`));
    console.log(`        Logout Lens lines: ${counted.length} (at most ${MAX_LINES}); with the calls through the service: ${counted.length + extra.length}`);
    if (counted.length > MAX_LINES) throw fail(`${counted.length} Logout Lens lines, more than ${MAX_LINES}`);
  });

  await step('ng build (production) of the new app; the debug drawer, the diagnosis and the reasons\' English not in its initial chunks', async () => {
    const out = await run(appNg, ['build', '--no-progress'], { cwd: app, timeoutMs: 300_000 });
    const total = out.match(/Initial total\s*\|\s*([\d.]+ \w+)\s*\|\s*([\d.]+ \w+)/);
    if (total) console.log(`        initial bundle ${total[1]} raw, ${total[2]} estimated transfer`);
    for (const warning of out.match(/^▲ \[WARNING\].*$/gm) ?? []) console.log(`        ${warning}`);
    // withDevtools(() => import(…)) keeps the drawer out of the initial chunks in the adopter's build too.
    const table = out.slice(out.indexOf('Initial chunk files'), out.indexOf('Initial total'));
    const initial = [...table.matchAll(/^(\S+\.js)\s*\|/gm)].map(([, file]) => file);
    if (!initial.length) throw fail(`no initial chunks in the build output:\n${out.slice(-3000)}`);
    const browser = join(app, 'dist', APP, 'browser');
    // Text only each part has: the drawer's template, a diagnosis sentence, a built-in reason's words
    // (the packed core is one module: only what it reaches through a dynamic import stays out).
    const parts = {
      'the debug drawer': 'Log Full State to Console',
      'the diagnosis': 'as a tab that refreshed late does',
      "the built-in reasons' English": 'An old session key was used again',
    };
    const texts = initial.map((file) => [file, readFileSync(join(browser, file), 'utf8')]);
    for (const [part, marker] of Object.entries(parts)) {
      const eager = texts.filter(([, text]) => text.includes(marker)).map(([file]) => file);
      if (eager.length) throw fail(`${part} is in the initial chunks: ${eager.join(', ')}`);
    }
  });

  await step('servers: the e2e backend and the built app', async () => {
    await waitForUrl(`http://127.0.0.1:${backendPort}/v1/test/health/`, backend, 120_000);
    ({ close: closeStatic } = await serveStatic(join(app, 'dist', APP, 'browser'), { port: appPort, backendPort }));
    await waitForUrl(`http://127.0.0.1:${appPort}/`, null, 10_000);
  });
  if (failed) return;

  // Playwright: each test counts once.
  console.log('  ──    playwright (e2e-adopter/adopter.e2e.ts)');
  const report = join(work, 'playwright.json');
  const playwright = start(
    join(root, 'node_modules', '.bin', 'playwright'),
    ['test', '-c', 'e2e-adopter/playwright.config.ts', '--reporter=list,json'],
    {
      echo: true,
      extraEnv: {
        ADOPTER_BACKEND_PORT: String(backendPort),
        ADOPTER_APP_PORT: String(appPort),
        PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      },
    },
  );
  const timer = setTimeout(() => stop(playwright), 240_000);
  const code = await playwright.exited;
  clearTimeout(timer);
  const results = existsSync(report) ? playwrightResults(JSON.parse(readFileSync(report, 'utf8'))) : [];
  for (const { title, ok, seconds: took } of results) {
    if (ok) passed++;
    else failed++;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'}  browser: ${title} (${took}s)`);
  }
  if (!results.length || (code !== 0 && results.every((r) => r.ok))) {
    failed++;
    console.log(`  FAIL  playwright exited with ${code} (see its output above)`);
  }
}

/** Each test of a Playwright JSON report: its title, whether it passed (first try), and its time. */
function playwrightResults(json) {
  const out = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const duration = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
        out.push({ title: spec.title, ok: t.status === 'expected', seconds: (duration / 1000).toFixed(1) });
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of json.suites ?? []) visit(suite);
  for (const error of json.errors ?? []) out.push({ title: `error: ${String(error.message).split('\n')[0]}`, ok: false, seconds: '0.0' });
  return out;
}

try {
  await main();
} catch (error) {
  failed++;
  console.log(`  FAIL  ${error?.stack ?? error}`);
} finally {
  await cleanUp();
}
if (skipped) console.log(`${skipped} steps not run after the failure`);
console.log(`total ${seconds(started)}s`);
console.log(`angular-adopter: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
