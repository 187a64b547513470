#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another in one run, then bench/RESULTS.md — a table
// per benchmark, the headline ratios, and the date, machine and commit they were measured on.
// Each benchmark is a script of its own (bench/<name>.mjs, runnable alone) that writes
// bench/.results/<name>.json: { title, columns, rows, notes }.
//   npm run bench                  all of them
//   npm run bench -- storm memory  only those (RESULTS.md still lists the others' last results)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureChromium, ensureNodePackages, ensurePythonPackages, ensureServicePackages } from '../scripts/setup.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL = ['bundle', 'activity', 'storm', 'memory', 'backend'];
const chosen = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const unknown = chosen.filter((name) => !ALL.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${ALL.join(', ')}.`);
  process.exit(2);
}
const run = chosen.length ? chosen : ALL;

// What the benchmarks need, installed as `npm test` does: npm packages, Django, Chromium,
// PostgreSQL, Redis and gunicorn.
ensureNodePackages();
ensurePythonPackages();
ensureServicePackages();
process.env.CHROME_BIN ||= ensureChromium();

const started = new Date();
const loadBefore = loadavg()[0];
const failed = [];
for (const name of run) {
  console.log(`\n=== bench: ${name} ===`);
  const t0 = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'bench', `${name}.mjs`)], { cwd: root, stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${Math.round((Date.now() - t0) / 1000)} s`);
  if (result.status !== 0) failed.push(name);
}

const results = Object.fromEntries(
  ALL.map((name) => {
    const file = join(root, 'bench', '.results', `${name}.json`);
    return [name, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null];
  }),
);

writeFileSync(join(root, 'bench', 'RESULTS.md'), report(results));
console.log(`\nWrote bench/RESULTS.md${failed.length ? ` — failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);

function report(results) {
  const lines = [
    '# Logout Lens — benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.mjs). Measured side by side in one run; absolute times`,
    `on a shared machine are noisy, so compare the ratios.`,
    '',
    '| | |',
    '|---|---|',
    `| Date | ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC |`,
    `| Commit | ${commit()} |`,
    `| Machine | ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB |`,
    `| Load (1 min) | ${loadBefore.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end |`,
    `| Software | Node ${process.versions.node}, ${chromium()}, ${python()} |`,
    `| Ran | ${run.join(', ')}${run.length < ALL.length ? ' (the others: their previous results)' : ''} |`,
    '',
    '## Headlines',
    '',
    ...headlines(results).map((h) => `- ${h}`),
    '',
  ];
  for (const name of ALL) {
    const r = results[name];
    if (!r) {
      lines.push(`## ${name}`, '', `Not run yet: \`npm run bench -- ${name}\`.`, '');
      continue;
    }
    lines.push(`## ${r.title}`, '', table(r.columns, r.rows), '');
    for (const extra of r.tables ?? []) lines.push(`### ${extra.title}`, '', table(extra.columns, extra.rows), '');
    for (const note of r.notes ?? []) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

function table(columns, rows) {
  const cell = (v) => String(v ?? '').replace(/\|/g, '\\|');
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The figures the README quotes, picked out of each benchmark's rows. */
function headlines(results) {
  const out = [];
  const row = (name, test) => results[name]?.rows.find((r) => test(String(r[0]), r));
  const bundleCode = (kind) => row('bundle', (label) => label.startsWith('Session/auth/idle code') && label.includes(kind));
  const raw = bundleCode('raw, kB');
  const gzip = bundleCode('gzip');
  if (raw && gzip) {
    out.push(
      `Bundle: our session + diagnostics code in the initial bundle is ${raw[1]} kB raw / ${gzip[1]} kB gzip against ` +
        `${raw[2]} / ${gzip[2]} kB for angular-oauth2-oidc + @ng-idle/core — ${raw[3]} raw, ${gzip[3]} gzip.`,
    );
  }
  const packedRaw = row('bundle', (label) => label.startsWith('Packed library (the demo on dist/logout-lens'));
  const packedGzip = row('bundle', (label) => label.startsWith('Packed library: core in initial JS, gzip'));
  if (packedRaw && packedGzip) {
    out.push(
      `Bundle, the packed library (as an app that installs it gets it): the core's code in the initial bundle is ` +
        `${packedRaw[1]} kB raw / ${packedGzip[1]} kB gzip — ${packedRaw[3]} raw, ${packedGzip[3]} gzip of the peer's.`,
    );
  }
  const drawer = row('bundle', (label) => label.startsWith('Debug drawer lazy chunk, gzip'));
  if (drawer) out.push(`Debug drawer: ${drawer[1]} kB gzip, loaded only when opened.`);
  const activity = row('activity', (_label, r) => String(r[1]).startsWith('ours / ng-idle'));
  if (activity) {
    out.push(`Activity tracking, 10,000 events: ${activity[2]} the script time of @ng-idle/core; change-detection runs ${activity[6]}.`);
  }
  const storm = results['storm']?.rows;
  if (storm?.length) out.push(`Refresh storm: ${storm.map((r) => `${r[0]} → ${r[1]} refresh`).join(', ')} (target: exactly 1).`);
  const memory = results['memory']?.rows;
  if (memory?.length) {
    const end = memory[memory.length - 1];
    out.push(`Memory: JS heap ${memory[0][1]} MB at start, ${end[1]} MB after ${results['memory'].title.replace(/^Memory: /, '')} (${end[2]}).`);
  }
  out.push(...backendHeadlines(results['backend']?.summary));
  return out.length ? out : ['No results yet.'];
}

/** Backend: the ratios of one run (bench/backend.mjs's summary), per database. */
function backendHeadlines(summary) {
  const dbs = Object.entries(summary ?? {});
  if (!dbs.length) return [];
  const each = (pick) => dbs.map(([db, s]) => `${pick(s)} (${db})`).join(' and ');
  const [, first] = dbs[0];
  const kept = dbs.find(([, s]) => s.vsBareConnectionKept !== undefined);
  return [
    `Refresh, in-process: Logout Lens's refresh/ has ${each((s) => `${s.vsSimplejwt}×`)} the throughput of ` +
      `stock simplejwt's (rotation + blacklist; target ≥ 1.5×), and takes ${each((s) => `${s.vsBare}×`)} the ` +
      `time of the bare SQL loop of its own statements (target ≤ 2×` +
      (kept ? `; ${kept[1].vsBareConnectionKept}× on ${kept[0]} with its connection kept, CONN_MAX_AGE` : '') +
      `). ${first.statements} statements per refresh, ${first.queries} queries with BEGIN/COMMIT, inside the grace ` +
      `window too (target ≤ 4); simplejwt ${first.simplejwtStatements} (${first.simplejwtQueries}).`,
    `Refresh over HTTP (gunicorn, 50 connections): refresh/ answers ${each((s) => `${s.httpVsSimplejwt}×`)} the requests per second of simplejwt's.`,
  ];
}

function commit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

function chromium() {
  try {
    return execFileSync(process.env.CHROME_BIN || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' })
      .split('\n')
      .find((line) => line.includes('Chromium'))
      ?.trim() ?? 'Chromium';
  } catch {
    return 'Chromium (not found)';
  }
}

function python() {
  try {
    const version = execFileSync(process.env.LL_PYTHON || join(root, '.venv', 'bin', 'python'), ['-c', 'import django; print(django.get_version())'], {
      encoding: 'utf8',
    });
    return `Django ${version.trim()}`;
  } catch {
    return 'Django (not found)';
  }
}
