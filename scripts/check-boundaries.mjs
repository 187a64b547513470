#!/usr/bin/env node
// Import boundaries, checked in `npm test`'s types suite (npm run typecheck):
//  - the demo app (src/) and the end-to-end specs reach Logout Lens only through its entry points
//    (@logout-lens/angular, /material, /devtools, /simplejwt), never a file inside projects/;
//  - the core entry point imports no Angular Material or CDK, and none of the other entry points;
//  - /material, /devtools and /simplejwt import the core through its entry point only;
//  - inside the core, each folder imports only the layers below it (LAYERS; the library's README
//    draws them).
// Specs and fixtures may reach into their own entry point's files, and end-to-end specs into the
// core's model/ (plain data). Prints each violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIB = join(root, 'projects', 'logout-lens');
const CORE = join(LIB, 'src', 'lib');
const ENTRY_POINTS = new Set([
  '@logout-lens/angular',
  '@logout-lens/angular/material',
  '@logout-lens/angular/devtools',
  '@logout-lens/angular/simplejwt',
]);

/** Rank of each core folder: a folder may import only folders of a lower rank. */
export const LAYERS = {
  model: 0,
  config: 0,
  intl: 1,
  platform: 1,
  tabs: 2,
  diagnosis: 2,
  auth: 3,
  diagnostics: 4,
  idle: 5,
  notifications: 5,
  logout: 6,
  session: 6,
  report: 7,
  sync: 7,
  api: 8,
};

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Every module specifier a file imports or re-exports, statically or with import() (comments aside). */
function specifiers(text) {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

const isTestFile = (file) => /\.(spec|karma\.spec)\.ts$|\.fixture\.ts$/.test(file) || file.includes(`${sep}testing${sep}`);
const rel = (file) => relative(root, file).split(sep).join('/');
const problems = [];
let files = 0;

function check(file, rule) {
  files++;
  for (const spec of specifiers(readFileSync(file, 'utf8'))) {
    const problem = rule(spec, spec.startsWith('.') ? resolve(dirname(file), spec) : null);
    if (problem) problems.push(`${rel(file)}: imports '${spec}' — ${problem}`);
  }
}

// The demo app and the end-to-end specs: entry points only (the specs, which run in Node, may
// read the plain data of the core's model/: the logout types).
const MODEL = join(CORE, 'model') + sep;
for (const dir of ['src', 'e2e']) {
  for (const file of tsFiles(join(root, dir))) {
    check(file, (spec, target) => {
      if (dir === 'e2e' && target?.startsWith(MODEL)) return null;
      if (target && target.startsWith(LIB + sep)) return 'a file inside the library; import its entry point instead';
      if (spec.startsWith('@logout-lens/') && !ENTRY_POINTS.has(spec)) return 'not an entry point of @logout-lens/angular';
      return null;
    });
  }
}

// The core entry point.
for (const file of tsFiles(join(LIB, 'src'))) {
  const from = relative(CORE, file).split(sep)[0];
  check(file, (spec, target) => {
    if (/^@angular\/(material|cdk)(\/|$)/.test(spec)) return 'Angular Material in the core (it belongs in /material)';
    if (spec.startsWith('@logout-lens/')) return 'an entry point from inside the core';
    if (!target) return null;
    if (!target.startsWith(join(LIB, 'src') + sep)) return 'a file outside the core entry point';
    if (!file.startsWith(CORE + sep) || !target.startsWith(CORE + sep) || isTestFile(file)) return null;
    const to = relative(CORE, target).split(sep)[0];
    if (to === from) return null;
    if (!(from in LAYERS) || !(to in LAYERS)) return `a folder not in LAYERS of scripts/check-boundaries.mjs (${from} → ${to})`;
    return LAYERS[to] < LAYERS[from] ? null : `${from} may not import ${to} (layer ${LAYERS[from]} → ${LAYERS[to]})`;
  });
}

// The secondary entry points.
for (const entry of ['material', 'devtools', 'simplejwt']) {
  const own = join(LIB, entry);
  for (const file of tsFiles(own)) {
    check(file, (spec, target) => {
      if (spec.startsWith('@logout-lens/') && spec !== '@logout-lens/angular') return 'another secondary entry point';
      if (target && !target.startsWith(own + sep) && !isTestFile(file)) return 'a file outside this entry point; import @logout-lens/angular';
      return null;
    });
  }
}

if (problems.length) {
  for (const problem of problems) console.error(problem);
  console.error(`import boundaries: ${problems.length} violation(s) in ${files} files`);
  process.exit(1);
}
console.log(`import boundaries: ${files} files, entry points and layers respected`);
