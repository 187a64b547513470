#!/usr/bin/env node
// Bundle bench: production builds, made in this run, of Logout Lens (`logout-lens`) and of a peer
// sign-in shell built from the usual libraries (`bench-peer`, bench/peer-app: angular-oauth2-oidc
// for tokens and refresh, @ng-idle/core for idle tracking, the same Material shell).
//
// Measures, from each build's esbuild stats JSON (`ng build --stats-json`) and output files:
//  - the initial bundle (main + every chunk it imports statically, plus the global stylesheet):
//    raw, gzip (zlib level 9) and brotli (quality 11) sizes, each file compressed on its own;
//  - the bytes of the initial JS attributable to the core entry point @logout-lens/angular against
//    those of angular-oauth2-oidc + @ng-idle/core + the peer's glue (bench/peer-app/src/app/auth, idle),
//    each plus any app module or non-framework package reachable (statically, from main) only
//    through that code. Raw bytes: `outputs[chunk].inputs[path].bytesInOutput` (minified bytes).
//    Compressed bytes: a second build of each app with source maps locates that code's byte ranges
//    in each initial chunk; the figure is how much the chunk's gzip/brotli size drops without them;
//  - the bytes of /material and /devtools in the initial JS (devtools must be 0), and the debug
//    drawer's lazy chunk.
//  - the same for the demo built against the packed library (`ng build logout-lens`, then the demo
//    with `-c production,packaged`, which resolves @logout-lens/angular to dist/logout-lens): what an
//    app that installs the package gets. ng-packagr flattens each entry point into one module, so
//    everything the core entry exports and anything uses (also only its lazy parts) is in it.
// Six builds (3 × with/without source maps) and the library (~3–4 min on 2 cores), into a temp dir
// removed at the end; dist/logout-lens is rebuilt.
// Writes bench/.results/bundle.json and prints the table. Exits non-zero on any failure.
// kB = 1000 bytes, as the Angular CLI prints them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', '.results');

/** Our session + diagnostics code, as the issue names it. */
const OURS = ['projects/logout-lens/src/'];
/** The library's other entry points, measured apart: /material may be initial, /devtools never. */
const MATERIAL = 'projects/logout-lens/material/';
const DEVTOOLS = 'projects/logout-lens/devtools/';
/** The code that runs when a session ends: loaded on demand, never initial. */
const SIGN_OUT_PATH = 'projects/logout-lens/src/lib/logout/state/sign-out.effects.ts';
/** The token monitor: fetched just after start, never initial. */
const TOKEN_MONITORING = 'projects/logout-lens/src/lib/diagnostics/state/token-monitoring.ts';
/** The refresh ahead of expiry and the idle policy: loaded once a session is live, never initial. */
const LIVE_SESSION = 'projects/logout-lens/src/lib/session/live-session.effects.ts';
/** The sign-in error reader: loaded at the first refused sign-in, never initial. */
const SIGN_IN_ERRORS = 'projects/logout-lens/src/lib/auth/sign-in-error.ts';
/** The refresh engine (and the restore on start): loaded on a reload with a session, never initial. */
const REFRESH_ENGINE = 'projects/logout-lens/src/lib/auth/refresh-engine.ts';
/** The session calls (AuthApi, Logout Lens's own backend): loaded when first needed, never initial. */
const AUTH_API = 'projects/logout-lens/src/lib/auth/auth-api.ts';
/** The core entry point as the packed library ships it: its flat module and the chunk it shares. */
const PACKED = 'dist/logout-lens/fesm2022/';
const PACKED_CORE = [`${PACKED}logout-lens-angular.mjs`, `${PACKED}logout-lens-angular-logout-lens-angular-`];
const PACKED_MATERIAL = `${PACKED}logout-lens-angular-material`;
const PACKED_DEVTOOLS = `${PACKED}logout-lens-angular-devtools`;
/** The peer's auth + idle libraries and its own glue around them. */
const PEER_LIBS = ['node_modules/angular-oauth2-oidc/', 'node_modules/@ng-idle/core/'];
const PEER_GLUE = ['bench/peer-app/src/app/auth/', 'bench/peer-app/src/app/idle/'];
/** Framework packages both apps share; never counted as a dependency "of" either side's code. */
const FRAMEWORK = /^node_modules\/(@angular\/|@ngrx\/|rxjs\/|tslib\/)/;

/** Base64 digit values, for source-map VLQ decoding. */
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
let exitCode = 0;
try {
  const measure = (project, prefixes) => {
    const shippedBuild = build(project, join(tmp, project), false);
    const result = analyze(shippedBuild, prefixes);
    result.drawer = lazyChunk(result, `${DEVTOOLS}src/debug-drawer/`);
    result.signOutPath = lazyChunk(result, SIGN_OUT_PATH);
    result.tokenMonitoring = lazyChunk(result, TOKEN_MONITORING);
    result.liveSession = lazyChunk(result, LIVE_SESSION);
    result.signInErrors = lazyChunk(result, SIGN_IN_ERRORS);
    result.refreshEngine = lazyChunk(result, REFRESH_ENGINE);
    result.authApi = lazyChunk(result, AUTH_API);
    rmSync(shippedBuild.dir, { recursive: true, force: true });
    const mappedBuild = build(project, join(tmp, `${project}-maps`), true);
    result.compressed = compressedShare(mappedBuild, prefixes);
    rmSync(mappedBuild.dir, { recursive: true, force: true });
    return result;
  };
  const ours = measure('demo', OURS);
  const packed = measurePacked();
  if (packed.devtools > 0) throw new Error(`${packed.devtools} bytes of the packed /devtools are in the initial chunks.`);
  const peer = measure('bench-peer', [...PEER_LIBS, ...PEER_GLUE]);
  const drawer = ours.drawer;
  if (!drawer) throw new Error('No output chunk holds the debug drawer: it is not lazy any more?');
  if (ours.entryPoints.devtools > 0) throw new Error(`${ours.entryPoints.devtools} bytes of /devtools are in the initial chunks.`);
  if (drawer.inInitial) throw new Error(`The debug drawer is in an initial chunk (${drawer.file}).`);
  if (!ours.signOutPath) throw new Error('No output chunk holds the sign-out path.');
  if (ours.signOutPath.inInitial) throw new Error(`The sign-out path is in an initial chunk (${ours.signOutPath.file}).`);
  if (!ours.tokenMonitoring) throw new Error('No output chunk holds the token monitor.');
  if (ours.tokenMonitoring.inInitial) throw new Error(`The token monitor is in an initial chunk (${ours.tokenMonitoring.file}).`);
  if (!ours.liveSession) throw new Error("No output chunk holds the live session's effects.");
  if (ours.liveSession.inInitial) throw new Error(`The live session's effects are in an initial chunk (${ours.liveSession.file}).`);
  if (!ours.signInErrors) throw new Error('No output chunk holds the sign-in error reader.');
  if (ours.signInErrors.inInitial) throw new Error(`The sign-in error reader is in an initial chunk (${ours.signInErrors.file}).`);
  if (!ours.refreshEngine) throw new Error('No output chunk holds the refresh engine.');
  if (ours.refreshEngine.inInitial) throw new Error(`The refresh engine is in an initial chunk (${ours.refreshEngine.file}).`);
  if (!ours.authApi) throw new Error('No output chunk holds the session calls (AuthApi).');
  if (ours.authApi.inInitial) throw new Error(`The session calls (AuthApi) are in an initial chunk (${ours.authApi.file}).`);
  for (const lib of PEER_LIBS) {
    if (!(peer.attributed.byPrefix[lib] > 0)) throw new Error(`${lib} has no bytes in the peer's initial bundle (tree-shaken?)`);
  }
  const result = report(ours, peer, drawer, packed);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'bundle.json'), JSON.stringify(result, null, 2) + '\n');
  printTable(result);
  console.log(`\nWrote bench/.results/bundle.json in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} catch (err) {
  console.error(`bundle bench failed: ${err instanceof Error ? err.message : err}`);
  exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

/**
 * The demo built against the packed library: the core's bytes in its initial JS (the flat module's
 * inputs, raw; the source-map build maps them back to projects/logout-lens/src for the compressed
 * share), and the packed /material and /devtools bytes there.
 */
function measurePacked() {
  console.log('Building the library (ng build logout-lens)…');
  const lib = spawnSync(join(root, 'node_modules', '.bin', 'ng'), ['build', 'logout-lens'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (lib.status !== 0) {
    process.stderr.write(`${lib.stdout ?? ''}${lib.stderr ?? ''}`);
    throw new Error(`ng build logout-lens failed (exit ${lib.status ?? `signal ${lib.signal}`})`);
  }
  const shippedBuild = build('demo', join(tmp, 'demo-packed'), false, 'production,packaged');
  const result = analyze(shippedBuild, PACKED_CORE);
  const stats = JSON.parse(readFileSync(join(shippedBuild.dir, 'stats.json'), 'utf8'));
  const initialInputs = initialFiles(shippedBuild, stats).js.flatMap((f) => Object.entries(stats.outputs[f].inputs));
  const bytesUnder = (prefix) => initialInputs.filter(([path]) => path.startsWith(prefix)).reduce((n, [, v]) => n + v.bytesInOutput, 0);
  if (!(result.attributed.raw > 0)) throw new Error('The packed core has no bytes in the initial bundle: not resolved to dist/logout-lens?');
  rmSync(shippedBuild.dir, { recursive: true, force: true });
  const mappedBuild = build('demo', join(tmp, 'demo-packed-maps'), true, 'production,packaged');
  const compressed = compressedShare(mappedBuild, OURS);
  rmSync(mappedBuild.dir, { recursive: true, force: true });
  return {
    raw: result.attributed.raw,
    gzip: compressed.gzip,
    brotli: compressed.brotli,
    totals: result.totals,
    cli: shippedBuild.cli,
    material: bytesUnder(PACKED_MATERIAL),
    devtools: bytesUnder(PACKED_DEVTOOLS),
  };
}

/** Builds one project for production with stats (and source maps if asked) into `outDir`. */
function build(project, outDir, sourceMap, configuration = 'production') {
  const flags = ['--configuration', configuration, '--stats-json', ...(sourceMap ? ['--source-map'] : [])];
  console.log(`Building ${project} (${flags.join(' ')})…`);
  const t0 = Date.now();
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'ng'),
    ['build', project, ...flags, '--output-path', outDir],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) {
    process.stderr.write(output);
    throw new Error(`ng build ${project} failed (exit ${run.status ?? `signal ${run.signal}`})`);
  }
  const cli = /Initial total\s*\|\s*([\d.]+ [kM]?B)\s*\|\s*([\d.]+ [kM]?B)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
  console.log(`  built in ${((Date.now() - t0) / 1000).toFixed(0)} s; CLI: initial total ${cli ? `${cli[1]} raw, ${cli[2]} estimated transfer` : '(not printed)'}`);
  return { project, dir: outDir, sourceMap, cli: cli ? { raw: cli[1], transfer: cli[2] } : null };
}

/** main-*.js and every chunk it imports statically, transitively; plus the global stylesheet. */
function initialFiles(built, stats) {
  const outputs = stats.outputs;
  const main = Object.keys(outputs).filter((f) => /(^|\/)main-[^/]*\.js$/.test(f));
  if (main.length !== 1) throw new Error(`${built.project}: expected one main-*.js output, found ${main.length}`);
  const js = new Set(main);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of [...js]) {
      for (const imp of outputs[f].imports ?? []) {
        if (imp.kind === 'import-statement' && !js.has(imp.path)) {
          js.add(imp.path);
          grew = true;
        }
      }
    }
  }
  const css = Object.keys(outputs).filter(
    (f) => f.endsWith('.css') && outputs[f].entryPoint === 'angular:styles/global:styles',
  );
  return { js: [...js], css, entryInput: outputs[main[0]].entryPoint };
}

/**
 * Which input paths count for the code under `prefixes`: the code itself, and every module main
 * reaches (static imports only: lazy routes stay out) only through it. Framework packages reached
 * that way are reported apart, not counted.
 */
function ownership(stats, entryInput, prefixes) {
  const reach = (blocked) => {
    const seen = new Set([entryInput]);
    const stack = [entryInput];
    while (stack.length) {
      const node = stack.pop();
      for (const imp of stats.inputs[node]?.imports ?? []) {
        if (imp.kind !== 'import-statement' || seen.has(imp.path) || blocked(imp.path)) continue;
        seen.add(imp.path);
        stack.push(imp.path);
      }
    }
    return seen;
  };
  const own = (path) => prefixes.some((p) => path.startsWith(p));
  const without = reach(own);
  const exclusive = new Set([...reach(() => false)].filter((p) => !without.has(p) && !own(p)));
  return {
    prefixOf: (path) => prefixes.find((p) => path.startsWith(p)),
    isDep: (path) => exclusive.has(path) && !FRAMEWORK.test(path),
    isFrameworkDep: (path) => exclusive.has(path) && FRAMEWORK.test(path),
    counts: (path) => own(path) || (exclusive.has(path) && !FRAMEWORK.test(path)),
  };
}

function fileSizes(dir, file) {
  const buf = Buffer.from(shipped(dir, file));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotli(buf) };
}

/** Initial sizes and the raw bytes attributable to the code under `prefixes` (shipped build). */
function analyze(built, prefixes) {
  const stats = JSON.parse(readFileSync(join(built.dir, 'stats.json'), 'utf8'));
  const { outputs } = stats;
  const { js, css, entryInput } = initialFiles(built, stats);
  const files = new Map([...js, ...css].map((f) => [f, fileSizes(built.dir, f)]));
  const sum = (list, key) => list.reduce((n, f) => n + files.get(f)[key], 0);
  const all = [...files.keys()];
  const totals = {
    raw: sum(all, 'raw'),
    gzip: sum(all, 'gzip'),
    brotli: sum(all, 'brotli'),
    jsRaw: sum(js, 'raw'),
  };

  const owner = ownership(stats, entryInput, prefixes);
  const attributed = { raw: 0, proRataGzip: 0, byPrefix: {}, deps: {}, framework: {} };
  const appCode = { raw: 0 };
  const entryPoints = { material: 0, devtools: 0 };
  const packages = {};
  const add = (bag, key, n) => (bag[key] = (bag[key] ?? 0) + n);
  for (const f of js) {
    const { raw, gzip } = files.get(f);
    for (const [path, { bytesInOutput: bytes }] of Object.entries(outputs[f].inputs)) {
      if (!bytes) continue;
      add(packages, path.startsWith('node_modules/') ? packageOf(path) : 'app source', bytes);
      if (path.startsWith('src/') || path.startsWith('bench/')) appCode.raw += bytes;
      if (path.startsWith(MATERIAL)) entryPoints.material += bytes;
      if (path.startsWith(DEVTOOLS)) entryPoints.devtools += bytes;
      if (owner.isFrameworkDep(path)) add(attributed.framework, packageOf(path), bytes);
      if (!owner.counts(path)) continue;
      attributed.raw += bytes;
      attributed.proRataGzip += (bytes * gzip) / raw;
      const prefix = owner.prefixOf(path);
      if (prefix) add(attributed.byPrefix, prefix, bytes);
      else add(attributed.deps, path.startsWith('node_modules/') ? packageOf(path) : path, bytes);
    }
  }
  // App modules in the initial bundle, outside the measured code, that import Material/CDK themselves.
  const initialInputs = new Set(js.flatMap((f) => Object.keys(outputs[f].inputs)));
  const materialImporters = [...initialInputs].filter(
    (path) =>
      /^(src|bench)\//.test(path) &&
      !owner.prefixOf(path) &&
      (stats.inputs[path]?.imports ?? []).some((imp) => /^node_modules\/@angular\/(material|cdk)\//.test(imp.path)),
  );
  return { ...built, outputs, initial: new Set(js), totals, attributed, appCode, entryPoints, packages, materialImporters };
}

/**
 * Compressed bytes of the code under `prefixes` (source-map build): for each initial chunk, its
 * gzip/brotli size minus the size of the chunk with that code's byte ranges cut out, summed.
 */
function compressedShare(built, prefixes) {
  const stats = JSON.parse(readFileSync(join(built.dir, 'stats.json'), 'utf8'));
  const { js, entryInput } = initialFiles(built, stats);
  const owner = ownership(stats, entryInput, prefixes);
  const share = { gzip: 0, brotli: 0, mapped: 0, standaloneGzip: 0, jsRaw: 0 };
  const ownText = [];
  for (const f of js) {
    const code = shipped(built.dir, f);
    share.jsRaw += Buffer.byteLength(code);
    const map = JSON.parse(readFileSync(join(built.dir, 'browser', `${f.replace(/^.*\//, '')}.map`), 'utf8'));
    let rest = '';
    let last = 0;
    for (const [start, end, source] of mappedRanges(code, map)) {
      if (!owner.counts(normalizeSource(map, source))) continue;
      rest += code.slice(last, start);
      ownText.push(code.slice(start, end));
      share.mapped += Buffer.byteLength(code.slice(start, end));
      last = end;
    }
    if (!last) continue;
    rest += code.slice(last);
    const full = fileSizes(built.dir, f);
    share.gzip += full.gzip - gzipSync(rest, { level: 9 }).length;
    share.brotli += full.brotli - brotli(Buffer.from(rest));
  }
  if (!share.mapped) throw new Error(`${built.project}: no source-map range belongs to the measured code`);
  share.standaloneGzip = gzipSync(ownText.join(''), { level: 9 }).length;
  return share;
}

/** The lazy chunk holding `prefix`, and what loading it fetches beyond the initial bundle. */
function lazyChunk(analysis, prefix) {
  const { outputs, initial, dir } = analysis;
  const holders = Object.keys(outputs).filter(
    (f) => f.endsWith('.js') && Object.keys(outputs[f].inputs).some((p) => p.startsWith(prefix)),
  );
  if (!holders.length) return null;
  const file = holders.sort((a, b) => ownBytes(b) - ownBytes(a))[0];
  function ownBytes(f) {
    return Object.entries(outputs[f].inputs)
      .filter(([p]) => p.startsWith(prefix))
      .reduce((n, [, v]) => n + v.bytesInOutput, 0);
  }
  const closure = new Set([file]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of [...closure]) {
      for (const imp of outputs[f].imports ?? []) {
        if (imp.kind === 'import-statement' && !initial.has(imp.path) && !closure.has(imp.path)) {
          closure.add(imp.path);
          grew = true;
        }
      }
    }
  }
  const measure = (list) =>
    list.reduce(
      (acc, f) => {
        const size = fileSizes(dir, f);
        acc.raw += size.raw;
        acc.gzip += size.gzip;
        acc.brotli += size.brotli;
        return acc;
      },
      { raw: 0, gzip: 0, brotli: 0 },
    );
  return {
    file,
    inInitial: holders.some((f) => initial.has(f)),
    chunk: measure([file]),
    withShared: measure([...closure]),
    sharedFiles: [...closure].filter((f) => f !== file),
    drawerBytes: ownBytes(file),
  };
}

function report(ours, peer, drawer, packed) {
  const kB = (n) => Math.round(n / 100) / 10;
  const pct = (n, d) => Math.round((1000 * n) / d) / 10;
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const kb = (n) => `${kB(n).toFixed(1)} kB`;
  const row = (label, a, b, fmt = kB) => [label, fmt(a), fmt(b), ratio(a, b)];
  const oa = ours.attributed;
  const pa = peer.attributed;
  const oc = ours.compressed;
  const pc = peer.compressed;
  const depList = (deps) =>
    Object.entries(deps)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${k.replace(/^src\/app\//, '')} ${kb(v)}`)
      .join(', ') || 'none';
  const prefixList = (by) =>
    Object.entries(by)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${k.replace(/^(src\/app\/|bench\/peer-app\/src\/app\/|node_modules\/)/, '').replace(/\/$/, '')} ${kb(v)}`)
      .join(', ');
  const packageDiff = [...new Set([...Object.keys(ours.packages), ...Object.keys(peer.packages)])]
    .map((pkg) => [pkg, (ours.packages[pkg] ?? 0) - (peer.packages[pkg] ?? 0)])
    .filter(([, d]) => Math.abs(d) >= 1000)
    .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
    .map(([pkg, d]) => `${pkg} ${d > 0 ? '+' : '−'}${kb(Math.abs(d))}`)
    .join(', ');
  const peerLibs = PEER_LIBS.reduce((n, p) => n + (pa.byPrefix[p] ?? 0), 0);
  const peerGlue = PEER_GLUE.reduce((n, p) => n + (pa.byPrefix[p] ?? 0), 0);

  const rows = [
    row('Initial bundle, raw (JS + global CSS), kB', ours.totals.raw, peer.totals.raw),
    row('Initial bundle, gzip -9 (each file), kB', ours.totals.gzip, peer.totals.gzip),
    row('Initial bundle, brotli q11 (each file), kB', ours.totals.brotli, peer.totals.brotli),
    row('Session/auth/idle code in initial JS, raw, kB (ours: the core entry point @logout-lens/angular; peer: angular-oauth2-oidc + @ng-idle/core + glue)', oa.raw, pa.raw),
    row('Session/auth/idle code in initial JS, gzip -9, kB (marginal: chunks minus that code)', oc.gzip, pc.gzip),
    row('Session/auth/idle code in initial JS, brotli q11, kB (marginal)', oc.brotli, pc.brotli),
    row('Packed library (the demo on dist/logout-lens, as an app that installs it): core in initial JS, raw, kB', packed.raw, pa.raw),
    row('Packed library: core in initial JS, gzip -9, kB (marginal)', packed.gzip, pc.gzip),
    row('Packed library: initial bundle, gzip -9 (each file), kB', packed.totals.gzip, peer.totals.gzip),
    ['Packed library: /material in initial JS, raw, kB', kB(packed.material), 'n/a', 'n/a'],
    ['Packed library: /devtools in initial JS, bytes', packed.devtools, 'n/a', 'n/a'],
    [
      'Share of initial JS taken by that code (raw), %',
      pct(oa.raw, ours.totals.jsRaw),
      pct(pa.raw, peer.totals.jsRaw),
      ratio(oa.raw / ours.totals.jsRaw, pa.raw / peer.totals.jsRaw),
    ],
    row('All app source in initial JS (src/ or bench/peer-app/src), raw, kB', ours.appCode.raw, peer.appCode.raw),
    ['@logout-lens/angular/material in initial JS, raw, kB', kB(ours.entryPoints.material), 'n/a', 'n/a'],
    ['@logout-lens/angular/devtools in initial JS, bytes', String(ours.entryPoints.devtools), 'n/a', 'n/a'],
    ['Debug drawer lazy chunk, raw, kB', kB(drawer.chunk.raw), 'n/a', 'n/a'],
    ['Debug drawer lazy chunk, gzip -9, kB', kB(drawer.chunk.gzip), 'n/a', 'n/a'],
    ['Debug drawer first open incl. lazy shared chunks not in the initial bundle, gzip -9, kB', kB(drawer.withShared.gzip), 'n/a', 'n/a'],
    ['Sign-out path lazy chunk (loaded while a session is live), incl. lazy shared chunks, gzip -9, kB', kB(ours.signOutPath.withShared.gzip), 'n/a', 'n/a'],
    ['Token monitor lazy chunk (fetched just after start), incl. lazy shared chunks, gzip -9, kB', kB(ours.tokenMonitoring.withShared.gzip), 'n/a', 'n/a'],
    ['Live session lazy chunk (refresh ahead of expiry, idle policy; loaded once a session is live), incl. lazy shared chunks, gzip -9, kB', kB(ours.liveSession.withShared.gzip), 'n/a', 'n/a'],
    ['Sign-in error reader lazy chunk (loaded at the first refused sign-in), gzip -9, kB', kB(ours.signInErrors.chunk.gzip), 'n/a', 'n/a'],
    ['Refresh engine lazy chunk (restore, refresh flights, cross-tab lock; loaded on a reload with a session or once one is live), incl. lazy shared chunks, gzip -9, kB', kB(ours.refreshEngine.withShared.gzip), 'n/a', 'n/a'],
    ['Session calls lazy chunk (AuthApi and the default backend; loaded for the sign-in page, a sign-in, the engine), incl. lazy shared chunks, gzip -9, kB', kB(ours.authApi.withShared.gzip), 'n/a', 'n/a'],
  ];
  const notes = [
    'Builds: `ng build <project> --configuration production --stats-json` (the shipped configuration: no source maps) for demo (the demo app on the library) and bench-peer (bench/peer-app), both zoneless Angular 21, same global styles (Roboto + Material Icons CSS + src/styles.scss), sign-in and home pages lazy in both.',
    'Initial bundle = main-*.js + every chunk it imports statically (stats JSON graph) + the global stylesheet; each file gzip-compressed at zlib level 9 and brotli quality 11 on its own. Fonts (loaded on demand) and index.html are not counted, as in the CLI\'s "Initial total".',
    `Angular CLI's own figures for the same builds (its "estimated transfer" tracks brotli): ours ${ours.cli ? `${ours.cli.raw} raw / ${ours.cli.transfer} estimated transfer` : 'n/a'}; peer ${peer.cli ? `${peer.cli.raw} raw / ${peer.cli.transfer} estimated transfer` : 'n/a'}.`,
    `Attribution, raw: sum of esbuild \`bytesInOutput\` over the initial JS chunks for each input path (minified bytes). Compressed: a second production build of each app with --source-map (Angular then emits slightly different code: initial JS ${kb(oc.jsRaw)} vs ${kb(ours.totals.jsRaw)} for ours, ${kb(pc.jsRaw)} vs ${kb(peer.totals.jsRaw)} for the peer; sourceMappingURL comments stripped) gives each module's byte ranges per chunk; the figure is how much each chunk's gzip/brotli size drops when those ranges are cut out, summed. Cross-checks, gzip: ours ${kb(oc.standaloneGzip)} / peer ${kb(pc.standaloneGzip)} when that code is compressed on its own; ${kb(oa.proRataGzip)} / ${kb(pa.proRataGzip)} pro rata to each chunk's ratio; the mapped ranges cover ${kb(oc.mapped)} / ${kb(pc.mapped)} raw.`,
    `Ours = the core entry point @logout-lens/angular (${OURS.join(', ')}, compiled from source by the demo app, the library's first consumer): ${prefixList(oa.byPrefix)}; plus app modules or non-framework packages reachable from main only through it: ${depList(oa.deps)}. /material (dialogs, banner, idle warning: ${kb(ours.entryPoints.material)} raw in the initial JS) and /devtools (${ours.entryPoints.devtools} bytes initial; lazy) are not in that figure.`,
    `Packed = the demo built against the packed library (ng build logout-lens, then ng build demo -c production,packaged: bench/tsconfig.packaged.json resolves @logout-lens/angular to dist/logout-lens), as an app that installs @logout-lens/angular gets it. ng-packagr flattens the core entry point into one module (plus a chunk per dynamic import), so everything it exports that the app or any lazy part uses is in that module and so in the initial JS; only what is reached through a dynamic import (the sign-out path, the token monitor, the live session's effects, the refresh engine, the session calls, the sign-in error reader, loadLogoutLensKit()) stays out. Core ${kb(packed.raw)} raw (its flat module's inputs), ${kb(packed.gzip)} gzip marginal (the source-map build maps it back to projects/logout-lens/src); /material ${kb(packed.material)} raw initial; /devtools ${packed.devtools} bytes initial. Angular CLI: ${packed.cli ? `${packed.cli.raw} raw / ${packed.cli.transfer} estimated transfer` : 'n/a'}.`,
    `Peer = angular-oauth2-oidc + @ng-idle/core ${kb(peerLibs)} (${prefixList(Object.fromEntries(PEER_LIBS.map((p) => [p, pa.byPrefix[p] ?? 0])))}) + glue ${kb(peerGlue)} (${prefixList(Object.fromEntries(PEER_GLUE.map((p) => [p, pa.byPrefix[p] ?? 0])))}); plus modules reachable only through them: ${depList(pa.deps)}. Both libraries depend on tslib only; angular-oauth2-oidc bundles its own SHA-256 (fast-sha256) inside its fesm file, so it is counted with the library.`,
    `Framework modules (Angular/Material/CDK/NgRx) that main reaches only through that code, not counted above (module granularity; rxjs comes through its barrel and is never exclusive): ours ${depList(oa.framework)}; peer ${depList(pa.framework)}. Other initial app code importing Material/CDK itself: ours ${ours.materialImporters.join(', ') || 'none'}; peer ${peer.materialImporters.join(', ') || 'none'}${peer.materialImporters.length ? '' : ' (so all Material/CDK in the peer\'s initial bundle is there for its idle warning dialog)'}.`,
    `Sign-out path (the record, history, outbox, presenter and before-sign-out hook; ${SIGN_OUT_PATH}): ${ours.signOutPath.file}, ${kb(ours.signOutPath.chunk.raw)} raw, plus ${ours.signOutPath.sharedFiles.length} lazy shared chunk(s); loaded once a session is live, or when one ends or an undelivered event waits — never in the initial chunks (the bench fails otherwise).`,
    `Token monitor (window.__tokenMonitor, the [TokenMonitor] lines, late checks; ${TOKEN_MONITORING}): ${ours.tokenMonitoring.file}, ${kb(ours.tokenMonitoring.chunk.raw)} raw, plus ${ours.tokenMonitoring.sharedFiles.length} lazy shared chunk(s); fetched as the app starts, beside its initial bundle rather than in it — never in the initial chunks (the bench fails otherwise).`,
    `Live session (the refresh ahead of expiry and the idle policy; ${LIVE_SESSION}): ${ours.liveSession.file}, ${kb(ours.liveSession.chunk.raw)} raw, plus ${ours.liveSession.sharedFiles.length} lazy shared chunk(s); loaded once a session is live — never in the initial chunks (the bench fails otherwise). Sign-in error reader (${SIGN_IN_ERRORS}): ${ours.signInErrors.file}, ${kb(ours.signInErrors.chunk.raw)} raw; loaded at the first refused sign-in.`,
    `Refresh engine (${REFRESH_ENGINE}, with the restore on start): ${ours.refreshEngine.file}, ${kb(ours.refreshEngine.chunk.raw)} raw, plus ${ours.refreshEngine.sharedFiles.length} lazy shared chunk(s); loaded on a reload that finds a session, once a session is live, or at the first refresh. Session calls (${AUTH_API}): ${ours.authApi.file}, ${kb(ours.authApi.chunk.raw)} raw; loaded for the sign-in page's policy, a sign-in, a revoke, a password change, or by the engine. A signed-in reload thus fetches both just after start; a visitor who is not signed in fetches the session calls with the sign-in page and no engine.`,
    `Debug drawer: ${drawer.file} holds ${DEVTOOLS}src/debug-drawer (${kb(drawer.drawerBytes)} of its inputs); first open also fetches ${drawer.sharedFiles.length} lazy shared chunk(s) not in the initial bundle (${drawer.sharedFiles.join(', ') || 'none'}).`,
    'The peer needs one workaround to run zoneless: @ng-idle/core 16 reads the zone.js global `Zone` in InterruptSource.attach() (ReferenceError without zone.js); bench/peer-app/src/app/idle/zoneless-interrupts.ts replaces attach() and is counted as glue. With zone.js instead, the peer would also ship the zone.js polyfill (not installed here, not measured).',
    `Initial JS by package, ours minus peer (raw, differences ≥ 1 kB): ${packageDiff || 'none'}.`,
    ...(ours.packages['@ngrx/store-devtools']
      ? [
          `@ngrx/store-devtools ships in ours' production initial bundle (${kb(ours.packages['@ngrx/store-devtools'])} raw): src/app/app.config.ts picks provideStoreDevtools() with a runtime isDevMode() check, which the optimizer cannot drop.`,
        ]
      : []),
  ];
  return { title: 'Bundle (production build)', columns: ['Measure', 'Logout Lens (ours)', 'Peer (angular-oauth2-oidc + @ng-idle/core)', 'Ours / peer'], rows, notes };
}

/** An output file as served: its text without the trailing sourceMappingURL comment. */
function shipped(dir, file) {
  return readFileSync(join(dir, 'browser', file.replace(/^.*\//, '')), 'utf8').replace(
    /\n?\/\/# sourceMappingURL=\S+\s*$/,
    '\n',
  );
}

/**
 * [start, end, sourceIndex] for each mapped segment of `code` (UTF-16 offsets): a segment runs to
 * the next one on its line. The chunk's closing `export{…}` list is left unattributed.
 */
function mappedRanges(code, map) {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const exportList = code.lastIndexOf('export{');
  const cap = (end, start) => (exportList > start ? Math.min(end, exportList) : end);
  const ranges = [];
  const m = map.mappings;
  let line = 0;
  let col = 0;
  let source = 0;
  let open = null;
  const close = (end) => {
    if (open) {
      const to = cap(end, open[0]);
      if (to > open[0]) ranges.push([open[0], to, open[1]]);
      open = null;
    }
  };
  for (let i = 0; i < m.length; ) {
    if (m[i] === ';') {
      close(line + 1 < lineStarts.length ? lineStarts[line + 1] : code.length);
      line++;
      col = 0;
      i++;
      continue;
    }
    if (m[i] === ',') {
      i++;
      continue;
    }
    const fields = [];
    while (i < m.length && m[i] !== ',' && m[i] !== ';') {
      let value = 0;
      let shift = 0;
      let digit;
      do {
        digit = B64[m[i++]];
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    }
    col += fields[0];
    const at = lineStarts[line] + col;
    close(at);
    if (fields.length >= 4) {
      source += fields[1];
      open = [at, source];
    }
  }
  close(code.length);
  return ranges;
}

/** A source-map source as a workspace-relative path, like the stats JSON's input paths. */
function normalizeSource(map, index) {
  const path = `${map.sourceRoot ?? ''}${map.sources[index]}`;
  return path.replace(/^(\.\.\/)+/, '').replace(/^webpack:\/\/\//, '');
}

function brotli(buf) {
  return brotliCompressSync(buf, {
    params: {
      [zc.BROTLI_PARAM_QUALITY]: 11,
      [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT,
      [zc.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

function packageOf(path) {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1] : path;
}

function printTable({ title, columns, rows, notes }) {
  const widths = columns.map((_, i) => Math.min(i === 0 ? 70 : 46, Math.max(...[columns, ...rows].map((r) => String(r[i]).length))));
  const cell = (c) => (typeof c === 'number' ? c.toFixed(1) : String(c));
  const line = (r) => r.map((c, i) => cell(c).padEnd(widths[i])).join(' | ');
  console.log(`\n${title}\n`);
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
}
