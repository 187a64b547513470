// The simplejwt e2e suite's backends: the two example projects (make_projects.py, created afresh in
// a temporary directory), each on its own runserver, behind one small router that `ng serve`'s
// proxy talks to. The router sends a request to the project its `ll_e2e_backend` cookie names
// (`contrib` or `stock`; each test's browser context sets it), so one app server serves both.
// Usage: node e2e-simplejwt/servers.mjs ROUTER_PORT CONTRIB_PORT STOCK_PORT
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { python, root } from '../scripts/setup.mjs';

const [routerPort, contribPort, stockPort] = process.argv.slice(2).map(Number);
const ports = { contrib: contribPort, stock: stockPort };
const work = mkdtempSync(join(tmpdir(), 'll-simplejwt-e2e-'));
const children = [];

function stop() {
  for (const child of children) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
process.on('SIGTERM', () => (stop(), process.exit(0)));
process.on('SIGINT', () => (stop(), process.exit(0)));
process.on('exit', stop);

const made = spawnSync(python, [join(root, 'e2e-simplejwt', 'make_projects.py'), work], { stdio: 'inherit' });
if (made.status !== 0) process.exit(made.status ?? 1);

for (const [name, port] of Object.entries(ports)) {
  const child = spawn(python, ['manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`], {
    cwd: join(work, name),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  // runserver logs every request on stderr: only what went wrong is passed on.
  let pending = '';
  child.stderr.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (/^\[[^\]]+\] "[A-Z]+ .*" \d{3} /.test(line)) continue;
      if (/^(Not Found|Unauthorized|Forbidden|Payment Required|Bad Gateway|Service Unavailable|Bad Request): /.test(line)) continue;
      // The demo's own 500 on purpose; any other stays in sight.
      if (line === 'Internal Server Error: /v1/demo/server-error/') continue;
      if (/^(Watching|Performing|System check|Django version|Starting development|Quit the server|WARNING: This is a development|For more information on production)|^$/.test(line)) continue;
      process.stderr.write(`[${name}] ${line}\n`);
    }
  });
  child.on('exit', (code) => {
    console.error(`${name} project's server exited (${code})`);
    process.exit(1);
  });
  children.push(child);
}

/** The project a request is for: its `ll_e2e_backend` cookie, else contrib. */
function target(req) {
  const cookie = /(?:^|;\s*)ll_e2e_backend=(contrib|stock)\b/.exec(req.headers.cookie ?? '');
  return ports[cookie?.[1] ?? 'contrib'];
}

// A connection of its own for each request (`agent: false`): runserver closes a connection after
// each answer, and Node's keep-alive agent could hand the next request a socket runserver had just
// closed, which ends in ECONNRESET and a 502 no backend ever sent.
createServer((req, res) => {
  const upstream = httpRequest(
    { host: '127.0.0.1', port: target(req), path: req.url, method: req.method, headers: req.headers, agent: false },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    process.stderr.write(`[router] ${req.method} ${req.url?.split('?')[0]}: ${error.message}\n`);
    if (!res.headersSent) res.writeHead(502).end();
  });
  req.pipe(upstream);
}).listen(routerPort, '127.0.0.1');
