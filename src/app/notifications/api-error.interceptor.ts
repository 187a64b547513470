import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { catchError, throwError } from 'rxjs';

import { SILENT_ERRORS, isApiRequest } from '../auth/api-request';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { WINDOW } from '../platform/browser.tokens';
import { describeHttpError } from './http-error-message';

/**
 * Tells the user, in a snack bar, when an API call fails in a way that does not end the session:
 * network errors, 402, 403, 429 and 5xx. 401s are the session's business, not the user's.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const config = inject(LOGOUT_LENS_CONFIG);
  const origin = inject(WINDOW)?.location.origin ?? null;
  if (req.context.get(SILENT_ERRORS) || !isApiRequest(req.url, config.apiBase, origin)) {
    return next(req);
  }
  const snackBar = inject(MatSnackBar);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status !== 401 && error.status !== 400) {
        snackBar.open(describeHttpError(error), 'Dismiss', { duration: config.noticeDurationMs });
      }
      return throwError(() => error);
    }),
  );
};
