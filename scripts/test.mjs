// `npm test`: type checks, then every suite — Jest, Karma (headless Chromium), pytest-django (SQLite,
// then PostgreSQL + Redis), schemathesis against the OpenAPI schema, the Django and Angular adopter
// tests, and Playwright e2e of the demo app against two simplejwt projects made from scratch and
// against the real backend. Every suite runs even when one fails; the summary prints the number of
// tests each ran, and the exit code is non-zero if any failed.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  ensureChromium,
  ensureNodePackages,
  ensurePythonPackages,
  ensureServicePackages,
  python,
  root,
} from './setup.mjs';

ensureNodePackages();
ensurePythonPackages();
ensureServicePackages();
const chrome = ensureChromium();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, CHROME_BIN: chrome, FORCE_COLOR: '0' };

/** Each suite, with how to read its passed/failed counts from its closing lines. */
const suites = [
  {
    name: 'types',
    command: 'npm',
    args: ['run', '-s', 'typecheck'],
    count: () => null,
  },
  {
    name: 'build',
    command: process.execPath,
    args: ['scripts/check-bundle.mjs'],
    count: (out) => counts(out, /^(\d+ passed, \d+ failed)$/m),
  },
  {
    name: 'jest',
    command: bin('jest'),
    args: ['--ci'],
    count: (out) => counts(out, /^Tests:\s+(.*)$/m),
  },
  {
    name: 'karma',
    command: bin('ng'),
    args: ['test', 'demo', '--watch=false', '--progress=false'],
    count: (out) => {
      const all = [...out.matchAll(/Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?/g)].at(-1);
      if (!all) return null;
      const failed = Number(all[3] ?? 0);
      return { passed: Number(all[1]) - failed, failed };
    },
  },
  {
    name: 'pytest',
    command: python,
    args: ['-m', 'pytest', '-q', '--color=no'],
    cwd: join(root, 'backend'),
    count: (out) => counts(out, /^=*\s*((?:\d+ \w+,? ?)+) in [\d.]+s/m),
  },
  {
    // The same backend suite on PostgreSQL, with Redis as the shared cache (two-worker rate limits).
    name: 'pytest-pg',
    command: 'bash',
    args: [
      '-c',
      'scripts/services.sh start >/dev/null && eval "$(scripts/services.sh env)" && ' +
        `(cd backend && ${python} -m pytest -q --color=no); rc=$?; scripts/services.sh stop >/dev/null; exit $rc`,
    ],
    count: (out) => counts(out, /^=*\s*((?:\d+ \w+,? ?)+) in [\d.]+s/m),
  },
  {
    // Schemathesis against the running backend and its OpenAPI schema (backend/openapi.yaml), with
    // a fixed seed and example budget: no 5xx, every answer as the schema says.
    name: 'schema',
    command: 'bash',
    args: ['scripts/schemathesis.sh'],
    count: (out) => {
      const m = out.match(/^schemathesis: \d+ operations, (\d+) test cases, (\d+) failures$/m);
      return m ? { passed: Number(m[1]) - Number(m[2]), failed: Number(m[2]) } : null;
    },
  },
  {
    // The wheel in a brand-new `django-admin startproject` project, as the README's "Add Logout
    // Lens to an existing Django project" says: sign in, refresh, a logout event, check --deploy.
    name: 'adopter',
    command: python,
    args: ['scripts/adopter_test.py'],
    count: (out) => counts(out, /^adopter: (\d+ passed, \d+ failed)$/m),
  },
  {
    // The library's tarball in a brand-new `ng new` app with an adopter's few lines: sign in, one
    // refresh for an expired token, the app's own sign-out reason, the debug drawer.
    name: 'angular-adopter',
    command: process.execPath,
    args: ['scripts/angular-adopter.mjs'],
    count: (out) => counts(out, /^angular-adopter: (\d+ passed, \d+ failed)$/m),
  },
  {
    // The demo app against two projects on djangorestframework-simplejwt made from scratch
    // (e2e-simplejwt/make_projects.py): Logout Lens's contrib views, and stock simplejwt.
    name: 'playwright-simplejwt',
    command: bin('playwright'),
    args: ['test', '-c', 'e2e-simplejwt/playwright.config.ts', '--reporter=list'],
    count: (out) => counts(out, /([\s\S]*)/, true),
  },
  {
    name: 'playwright',
    command: bin('playwright'),
    args: ['test', '--reporter=list'],
    count: (out) => counts(out, /([\s\S]*)/, true),
  },
];

/** What the backend suites ran on, from .venv: "Django 5.2.19, DRF 3.18.3, Python 3.11.7". */
function backendVersions() {
  const code =
    'import sys, django, rest_framework; ' +
    'print(f"Django {django.get_version()}, DRF {rest_framework.VERSION}, Python {sys.version.split()[0]}")';
  try {
    return execFileSync(python, ['-c', code], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown (the backend\'s Python did not start)';
  }
}

function counts(out, pattern, playwright = false) {
  const match = out.match(pattern);
  if (!match) return null;
  const text = playwright ? out.slice(-3000) : match[1];
  const read = (word) => Number(text.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return { passed: read('passed'), failed: read('failed') + read('errors?') + read('flaky') };
}

function runSuite(suite) {
  return new Promise((resolve) => {
    console.log(`\n\x1b[1m━━ ${suite.name} ━━\x1b[0m`);
    const started = Date.now();
    const child = spawn(suite.command, suite.args, { cwd: suite.cwd ?? root, env });
    let out = '';
    const take = (stream, sink) =>
      stream.on('data', (chunk) => {
        out += chunk;
        if (out.length > 2_000_000) out = out.slice(-1_000_000);
        sink.write(chunk);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('error', (error) => {
      out += String(error);
      resolve({ suite, code: 1, out, seconds: 0 });
    });
    child.on('close', (code) =>
      resolve({ suite, code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

const results = [];
for (const suite of suites) results.push(await runSuite(suite));

let passed = 0;
let failed = 0;
// The summary also goes to test-results-summary.txt, with the closing lines of each suite that
// failed, so a CI log that ends with a later step (the soak) can still say what failed.
const summary = [];
const say = (line) => {
  console.log(line);
  summary.push(line);
};
const plain = (text) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
console.log('\n\x1b[1m━━ summary ━━\x1b[0m');
for (const { suite, code, out, seconds } of results) {
  const c = suite.count(plain(out));
  const ok = code === 0;
  const tally = c ? `${c.passed} passed, ${c.failed} failed` : ok ? 'ok' : 'failed';
  if (c) {
    passed += c.passed;
    failed += c.failed;
  }
  if (!ok && (!c || c.failed === 0)) failed += 1;
  say(`${ok ? '✔' : '✘'} ${suite.name.padEnd(Math.max(...suites.map((s) => s.name.length)))} ${tally.padEnd(26)} ${seconds.toFixed(1)} s`);
}
say(`backend: ${backendVersions()}`);
say(`total: ${passed} passed, ${failed} failed`);
for (const { suite, out } of results.filter((r) => r.code !== 0)) {
  // Servers' own noise (proxy errors while a test stops the backend) is left out.
  const lines = plain(out)
    .split('\n')
    .filter((line) => !/^\[WebServer\]/.test(line));
  summary.push('', `━━ ${suite.name}: its last lines ━━`, ...lines.slice(-120));
}
writeFileSync(join(root, 'test-results-summary.txt'), summary.join('\n') + '\n');
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
