import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { catchError, throwError } from 'rxjs';

import { SILENT_ERRORS, isApiRequest } from '../auth/api-request';
import { ERROR_POLICY, decide } from '../auth/error-policy';
import { readCode } from '../auth/read-code';
import { SessionActions } from '../auth/state/auth.actions';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { LogoutLensIntl } from '../intl/logout-lens-intl';
import { CLOCK, WINDOW } from '../platform/browser.tokens';
import { LogoutLensUi } from '../platform/logout-lens-ui';
import { ApiErrorActions } from './api-error.actions';
import { describeHttpError } from './http-error-message';

/**
 * Tells the user, in a notice (a snack bar with `withMaterialUi()`), when an API call fails in a
 * way that does not end the session: network errors, 402, 403, 429 and 5xx. 401s are the
 * session's business, not the user's. The app's error policy (`withErrorPolicy()`) may keep a
 * failure quiet or end the session for it.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const config = inject(LOGOUT_LENS_CONFIG);
  const origin = inject(WINDOW)?.location.origin ?? null;
  if (req.context.get(SILENT_ERRORS) || !isApiRequest(req.url, config, origin)) {
    return next(req);
  }
  const ui = inject(LogoutLensUi);
  const intl = inject(LogoutLensIntl);
  const store = inject(Store);
  const clock = inject(CLOCK);
  const policy = inject(ERROR_POLICY, { optional: true });
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status !== 401 && error.status !== 400) {
        const url = req.url.split(/[?#]/)[0]!;
        const code = readCode(error.error);
        const decision = decide(policy, { kind: 'api', status: error.status, code, method: req.method, url });
        if (typeof decision === 'object' && decision.endSession) {
          store.dispatch(
            SessionActions.ended({
              logoutType: decision.endSession,
              message: decision.message ?? `${req.method} ${url} answered ${error.status}; the app's error policy ended the session.`,
              code: code ?? undefined,
              at: clock(),
            }),
          );
          return throwError(() => error);
        }
        if (decision !== 'keep') ui.notify(describeHttpError(error, intl), config.noticeDurationMs);
        store.dispatch(ApiErrorActions.failedSessionKept({ status: error.status, method: req.method, url, at: clock() }));
      }
      return throwError(() => error);
    }),
  );
};
