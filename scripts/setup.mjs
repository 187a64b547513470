// Installs what `npm start` and `npm test` need on a fresh machine, skipping what is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Python, which sees the apt-installed Django; override with LL_PYTHON. */
export const python =
  process.env.LL_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Debian packages that provide the backend's Python dependencies (no PyPI needed). */
const APT_PYTHON_PACKAGES = [
  'python3-django',
  'python3-djangorestframework',
  'python3-djangorestframework-simplejwt',
  'python3-dj-database-url',
  'python3-django-redis',
  'python3-psycopg2',
  'python3-pytest-django',
  'python3-hypothesis',
];

function log(message) {
  console.log(`\x1b[36m[setup]\x1b[0m ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

let aptUpdated = false;
function aptInstall(packages) {
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  if (!aptUpdated) {
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(isRoot ? [] : ['apt-get']), 'update', '-qq']);
    aptUpdated = true;
  }
  const args = ['install', '-y', '-qq', '--no-install-recommends', ...packages];
  run(isRoot ? 'apt-get' : 'sudo', isRoot ? args : ['apt-get', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** npm packages: `npm ci` when node_modules is missing or older than the lock file. */
export function ensureNodePackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Django and friends: from apt where PyPI is unreachable, else pip with backend/requirements.txt. */
export function ensurePythonPackages() {
  const probe = ['-c', 'import django, rest_framework, rest_framework_simplejwt, dj_database_url, pytest_django, hypothesis'];
  if (spawnSync(python, probe, { stdio: 'ignore' }).status === 0) return;
  if (hasAptGet()) {
    log(`installing the backend's Python packages with apt: ${APT_PYTHON_PACKAGES.join(' ')}`);
    aptInstall(APT_PYTHON_PACKAGES);
  } else {
    log('installing the backend\'s Python packages with pip (backend/requirements.txt)…');
    run(python, ['-m', 'pip', 'install', '-r', 'backend/requirements.txt']);
  }
}

/** Chromium for Karma and Playwright (Debian's build; browsers cannot be downloaded here). */
export function ensureChromium() {
  const bin = process.env.CHROME_BIN || '/usr/bin/chromium';
  if (existsSync(bin)) return bin;
  if (!hasAptGet()) throw new Error(`Chromium not found at ${bin}; set CHROME_BIN`);
  log('installing Chromium with apt…');
  aptInstall(['chromium']);
  return '/usr/bin/chromium';
}

/** PostgreSQL, Redis and gunicorn, for the backend suite's PostgreSQL + Redis pass. */
export function ensureServicePackages() {
  const have = spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb && command -v redis-server && command -v gunicorn'], {
    stdio: 'ignore',
  });
  if (have.status === 0) return;
  if (!hasAptGet()) throw new Error('PostgreSQL, redis-server and gunicorn are needed for the PostgreSQL pass');
  log('installing PostgreSQL, Redis and gunicorn with apt…');
  aptInstall(['postgresql', 'redis-server', 'gunicorn']);
}

/** Applies migrations to the database the environment selects, and ensures the demo users. */
export function prepareDatabase(env = process.env) {
  run(python, ['manage.py', 'migrate', '--noinput', '-v', '0'], { cwd: join(root, 'backend'), env });
  run(python, ['manage.py', 'ensure_demo_user'], { cwd: join(root, 'backend'), env });
}

export function commandExists(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
