// ng serve's proxy for the e2e run: /v1 goes to the e2e backend (port from E2E_BACKEND_PORT).
//
// The proxy shares the backend's clock, as nginx in front of Django does in production: the e2e
// backend's clock is moved by the tests (its answers' Date header follows it), so the answer the
// proxy gives itself while the backend is down (500, as Vite's own) carries a Date on the
// backend's clock too. Otherwise the app would take the proxy's Date for the server's time and
// believe the server had jumped hours into the past while it was down.
let backendAheadMs = 0;

export default {
  '/v1': {
    target: `http://127.0.0.1:${process.env.E2E_BACKEND_PORT ?? '8100'}`,
    secure: false,
    changeOrigin: false,
    logLevel: 'warn',
    configure(proxy) {
      proxy.on('proxyRes', (response) => {
        const date = Date.parse(response.headers.date ?? '');
        // The header is truncated to whole seconds: its middle is half a second later.
        if (Number.isFinite(date)) backendAheadMs = date + 500 - Date.now();
      });
      // Runs before Vite's own handler, which logs the error and answers only if nobody did.
      proxy.on('error', (_error, _request, response) => {
        if (!('req' in response) || response.headersSent || response.writableEnded) return;
        const date = new Date(Date.now() + backendAheadMs).toUTCString();
        response.writeHead(500, { 'Content-Type': 'text/plain', Date: date }).end();
      });
    },
  },
};
