// ng serve's proxy for the e2e run: /v1 goes to the e2e backend (port from E2E_BACKEND_PORT).
export default {
  '/v1': {
    target: `http://127.0.0.1:${process.env.E2E_BACKEND_PORT ?? '8100'}`,
    secure: false,
    changeOrigin: false,
    logLevel: 'warn',
  },
};
