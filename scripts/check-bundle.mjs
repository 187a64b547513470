// Production build checks: `ng build` must finish offline; the debug drawer's code must stay out
// of the initial chunks (it is loaded on first open); and the built app must pass the CSP of
// deploy/nginx.conf.example (scripts/check-csp.mjs). Prints the initial bundle size.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkCsp } from './check-csp.mjs';
import { root } from './setup.mjs';

/** Text that exists only in the drawer's template. */
const DRAWER_MARKER = 'Log Full State to Console';

const build = spawnSync(join(root, 'node_modules', '.bin', 'ng'), ['build', 'demo', '--stats-json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 300_000,
  env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
});
process.stdout.write(build.stdout ?? '');
process.stderr.write(build.stderr ?? '');
if (build.status !== 0) {
  console.error(`ng build failed (exit ${build.status ?? 'timeout'})`);
  process.exit(1);
}

const dist = join(root, 'dist', 'demo');
const stats = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));
const outputs = Object.entries(stats.outputs).filter(([file]) => file.endsWith('.js'));
const initial = outputs.filter(([f]) => /^(main|polyfills)-/.test(f)).map(([f]) => f);
const all = outputs.map(([f]) => f);

// Initial chunks: main and every chunk main imports statically, transitively.
const initialSet = new Set(initial);
let grew = true;
while (grew) {
  grew = false;
  for (const [file, output] of outputs) {
    if (!initialSet.has(file)) continue;
    for (const imp of output.imports ?? []) {
      if (imp.kind === 'import-statement' && !initialSet.has(imp.path)) {
        initialSet.add(imp.path);
        grew = true;
      }
    }
  }
}

const read = (file) => readFileSync(join(dist, 'browser', file.replace(/^.*\//, '')), 'utf8');
const inInitial = [...initialSet].filter((f) => read(f).includes(DRAWER_MARKER));
const inLazy = all.filter((f) => !initialSet.has(f) && read(f).includes(DRAWER_MARKER));
const initialBytes = [...initialSet].reduce((sum, f) => sum + Buffer.byteLength(read(f)), 0);

console.log(`initial chunks: ${[...initialSet].join(', ')} (${(initialBytes / 1024).toFixed(1)} kB raw JS)`);
console.log(`drawer marker "${DRAWER_MARKER}": initial ${inInitial.length ? inInitial.join(', ') : 'none'}; lazy ${inLazy.join(', ') || 'none'}`);
let failed = 0;
if (inInitial.length || !inLazy.length) {
  console.error('FAILED: the debug drawer must be in a lazy chunk only.');
  failed++;
}

const problems = await checkCsp(join(dist, 'browser'));
console.log(`CSP of deploy/nginx.conf.example: ${problems.length ? 'FAILED' : 'the sign-in page and the drawer load, styled, with no violation'}`);
for (const problem of problems) console.error(`  ${problem}`);
if (problems.length) failed++;

console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
