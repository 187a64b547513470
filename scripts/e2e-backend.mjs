// The backend the e2e suite runs against: a fresh SQLite file, development settings, demo
// endpoints and the test hooks (lifetimes and the server clock set per test).
// `--keep-db` restarts it on the database of the previous run, as a restarted server would.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ensurePythonPackages, prepareDatabase, python, root } from './setup.mjs';

const port = process.argv[2] ?? '8100';
const keepDb = process.argv.includes('--keep-db');
const dir = join(root, '.e2e');
mkdirSync(dir, { recursive: true });
const db = join(dir, `db-${port}.sqlite3`);
// The database and its write-ahead log (SQLite runs in WAL mode: db-*.sqlite3-wal, -shm).
if (!keepDb) for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
ensurePythonPackages();

const env = {
  ...process.env,
  LL_ENV: 'development',
  DJANGO_DEBUG: '1',
  LL_DEMO_ENDPOINTS: '1',
  LL_TEST_HOOKS: '1',
  LL_SQLITE_PATH: db,
  // Generous limits: the whole suite signs in (and fails to) as the same few accounts.
  LL_LOGIN_RATE: '1000/min',
  LL_LOGIN_FAILURE_RATE: '1000/min',
  LL_LOGIN_ACCOUNT_FAILURE_RATE: '1000/min',
  LL_CHANGE_PASSWORD_RATE: '1000/min',
  LL_LOGOUT_EVENT_RATE: '1000/min',
  LL_LOGOUT_EVENT_USER_RATE: '1000/min',
};
if (!keepDb) prepareDatabase(env);
const server = spawn(python, ['manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`], {
  cwd: join(root, 'backend'),
  env,
  stdio: 'inherit',
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
