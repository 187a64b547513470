// `npm start`: installs what is missing, migrates SQLite, ensures the demo user, then runs
// Django (127.0.0.1:8000) and `ng serve` (http://127.0.0.1:4200, proxying /v1 to Django).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { ensureNodePackages, ensurePythonPackages, prepareDatabase, python, root } from './setup.mjs';

ensureNodePackages();
ensurePythonPackages();
// Development settings (DEBUG, demo endpoints, the repository's development keys), asked for.
const env = { ...process.env, LL_ENV: 'development' };
prepareDatabase(env);

const children = [
  spawn(python, ['manage.py', 'runserver', '127.0.0.1:8000'], {
    cwd: join(root, 'backend'),
    env,
    stdio: 'inherit',
  }),
  spawn(join(root, 'node_modules', '.bin', 'ng'), ['serve', 'demo', '--host', '127.0.0.1', '--port', '4200'], {
    cwd: root,
    stdio: 'inherit',
  }),
];

console.log('\nLogout Lens: http://127.0.0.1:4200 — demo login demo@example.com / demo-pass-2026\n');

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
