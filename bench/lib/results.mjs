// Writes a bench result table to bench/.results/<name>.json and prints it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './stack.mjs';

export function writeResults(name, table) {
  const dir = join(root, 'bench', '.results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const json = JSON.stringify(table, null, 2);
  writeFileSync(file, json + '\n');
  console.log(json);
  console.error(`\x1b[36m[bench]\x1b[0m wrote ${file}`);
  return file;
}
