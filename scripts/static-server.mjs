// A production build served as nginx or a CDN would: files with their content types, the SPA
// fallback to index.html, and /v1 passed to the backend unchanged (Host and Origin kept, as the
// e2e proxy does with changeOrigin: false) — or answered 503 when there is no backend.
// Used by the bundle/CSP check, the benchmarks and the Angular adopter test.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

/**
 * Serves `dir` on 127.0.0.1:`port` (0: any free port). `backendPort` is where /v1 goes (none:
 * 503); `headers` are added to every file answer (a CSP). Resolves to `{ port, close }`.
 */
export function serveStatic(dir, { port = 0, backendPort = null, headers = {} } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    if (req.url === '/v1' || req.url.startsWith('/v1/')) {
      if (backendPort === null) {
        res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"code":"unavailable"}');
        return;
      }
      const upstream = http.request(
        { host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end('{"code":"bad_gateway"}');
      });
      req.pipe(upstream);
      return;
    }
    let path;
    try {
      path = decodeURIComponent(req.url.split('?')[0]);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(400).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) file = join(dir, 'index.html');
    const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headers,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: async () => {
          server.closeAllConnections?.();
          await new Promise((done) => server.close(() => done()));
          agent.destroy();
        },
      }),
    );
  });
}
