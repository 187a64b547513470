import { HttpErrorResponse, HttpEventType, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';

import { isApiRequest } from '../auth/api-request';
import { SESSION_CALL } from '../auth/session-backend';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { CLOCK, WINDOW } from '../platform/browser.tokens';
import { ServerClock } from '../auth/server-clock';
import { ApiCallLog, redactUrl } from './api-call-log';

/**
 * Records every API call's method, path, status and duration — the support "network tab" — and
 * feeds each response's `Date` header to the clock-skew estimate.
 */
export const apiCallLogInterceptor: HttpInterceptorFn = (req, next) => {
  const config = inject(LOGOUT_LENS_CONFIG);
  const session = req.context.get(SESSION_CALL);
  if (!session && !isApiRequest(req.url, config, inject(WINDOW)?.location.origin ?? null)) return next(req);
  const log = inject(ApiCallLog);
  const serverClock = inject(ServerClock);
  const clock = inject(CLOCK);
  const started = clock();
  const entry = (status: number) => ({
    method: req.method,
    path: redactUrl(req.url),
    status,
    at: started,
    durationMs: Math.max(0, clock() - started),
    ...(session === 'refresh' ? { refresh: true as const } : {}),
  });
  return next(req).pipe(
    tap({
      next: (event) => {
        if (event.type !== HttpEventType.Response) return;
        serverClock.observeResponse(event.headers.get('Date'), started);
        log.record(entry(event.status));
      },
      error: (error: unknown) => {
        const response = error instanceof HttpErrorResponse ? error : null;
        if (response?.status) serverClock.observeResponse(response.headers.get('Date'), started);
        log.record(entry(response?.status ?? 0));
      },
    }),
  );
};
