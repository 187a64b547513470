// Installs what `npm start` and `npm test` need on a fresh machine, skipping what is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The project's virtual environment, created from the machine's Python 3 (override: LL_BASE_PYTHON). */
export const venv = join(root, '.venv');
/** The backend's Python: the one in .venv (override with LL_PYTHON). */
export const python = process.env.LL_PYTHON || join(venv, 'bin', 'python');

/** What decides the installed set: the package's ranges, the dev requirements, the exact pins. */
const PYTHON_INPUTS = ['backend/pyproject.toml', 'backend/requirements-dev.txt', 'backend/constraints.txt'];

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

/**
 * The backend's Python packages, from the Python package index with pip, into .venv: the package
 * (backend/, editable) and what its example project and tests need, at the exact versions of
 * backend/constraints.txt. Skipped while .venv holds the set those files describe.
 */
export function ensurePythonPackages() {
  if (process.env.LL_PYTHON) return;
  const digest = createHash('sha256');
  for (const file of PYTHON_INPUTS) digest.update(readFileSync(join(root, file)));
  const stamp = join(venv, '.logout-lens-installed');
  const wanted = digest.digest('hex');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  if (!existsSync(python)) {
    const base = process.env.LL_BASE_PYTHON || 'python3';
    log(`creating the Python virtual environment (.venv) with ${base}…`);
    run(base, ['-m', 'venv', venv]);
  }
  log('installing the backend\'s Python packages with pip (backend/constraints.txt)…');
  run(python, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check',
    '-r', 'requirements-dev.txt', '-c', 'constraints.txt'], { cwd: join(root, 'backend') });
  writeFileSync(stamp, wanted);
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

/** PostgreSQL and Redis servers, for the backend suite's PostgreSQL + Redis pass. */
export function ensureServicePackages() {
  const have = spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb && command -v redis-server'], {
    stdio: 'ignore',
  });
  if (have.status === 0) return;
  if (!hasAptGet()) throw new Error('PostgreSQL and redis-server are needed for the PostgreSQL pass');
  log('installing PostgreSQL and Redis with apt…');
  aptInstall(['postgresql', 'redis-server']);
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
