import { HttpErrorResponse, HttpEventType, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';

import { isApiRequest } from '../auth/api-request';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { CLOCK, WINDOW } from '../platform/browser.tokens';
import { ApiCallLog, redactUrl } from './api-call-log';

/** Records every API call's method, path, status and duration — the support "network tab". */
export const apiCallLogInterceptor: HttpInterceptorFn = (req, next) => {
  const config = inject(LOGOUT_LENS_CONFIG);
  if (!isApiRequest(req.url, config.apiBase, inject(WINDOW)?.location.origin ?? null)) return next(req);
  const log = inject(ApiCallLog);
  const clock = inject(CLOCK);
  const started = clock();
  const entry = (status: number) => ({
    method: req.method,
    path: redactUrl(req.url),
    status,
    at: started,
    durationMs: Math.max(0, clock() - started),
  });
  return next(req).pipe(
    tap({
      next: (event) => event.type === HttpEventType.Response && log.record(entry(event.status)),
      error: (error: unknown) =>
        log.record(entry(error instanceof HttpErrorResponse ? error.status : 0)),
    }),
  );
};
