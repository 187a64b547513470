import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { catchError, map, of, switchMap, throwError } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { CLOCK, WINDOW } from '../platform/browser.tokens';
import { AccessTokenStore } from './access-token.store';
import { REFRESH_ON_401, isApiRequest, isCookieEndpoint } from './api-request';
import { SESSION_CALL } from './session-backend';
import { RefreshCoordinator } from './refresh-coordinator';
import { SessionActions } from './state/auth.actions';

/**
 * Attaches the access token to API calls. A call whose token this tab knows has expired waits
 * (for a bounded time) for the shared refresh instead of earning a 401. A 401 leads to one shared
 * refresh and one retry; a refresh that fails transiently surfaces its error without ending the
 * session. Only a retry that is still refused after a successful refresh ends the session, as
 * AUTH_ERROR.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const config = inject(LOGOUT_LENS_CONFIG);
  const csrf = { [config.csrfHeader.name]: config.csrfHeader.value };
  // The session backend's own calls (sign-in, refresh, sign-out) carry the header, wherever they go, and no token.
  if (req.context.get(SESSION_CALL)) return next(req.clone({ setHeaders: csrf }));
  const origin = inject(WINDOW)?.location.origin ?? null;
  if (!isApiRequest(req.url, config, origin)) return next(req);

  // Every API call carries the header; the backend requires it on the cookie-only endpoints.
  const request = req.clone({ setHeaders: csrf });
  if (isCookieEndpoint(request.url, config)) return next(request);

  const tokens = inject(AccessTokenStore);
  const coordinator = inject(RefreshCoordinator);
  const store = inject(Store);
  const clock = inject(CLOCK);
  const retryOn401 = request.context.get(REFRESH_ON_401);

  /** Sends the call with `sentWith`; a 401 leads to the shared refresh and one retry. */
  const send = (sentWith: string | null) =>
    next(withToken(request, sentWith)).pipe(
      catchError((error: unknown) => {
        if (!isUnauthorized(error) || !retryOn401) {
          return throwError(() => error);
        }
        // Another call may have refreshed while this one was under way: use its token.
        const current = tokens.get();
        const fresh$ =
          current && current !== sentWith
            ? of(current)
            : coordinator.refresh().pipe(map(() => tokens.get()));
        return fresh$.pipe(
          switchMap((token) =>
            next(withToken(request, token)).pipe(
              catchError((retryError: unknown) => {
                if (isUnauthorized(retryError)) {
                  store.dispatch(
                    SessionActions.ended({
                      logoutType: 'AUTH_ERROR',
                      message: 'The server refused this session even after it was renewed.',
                      at: clock(),
                    }),
                  );
                }
                return throwError(() => retryError);
              }),
            ),
          ),
        );
      }),
    );

  // A laptop that woke (or a throttled tab) knows its token is dead: one shared refresh instead
  // of a 401 and a second round trip per call. The wait is bounded, so a refresh that hangs or
  // keeps retrying (the backend is down) never holds a call: it then goes out with the token it
  // has and meets its own fate, as any call does.
  if (!retryOn401 || !coordinator.tokenKnownExpired()) return send(tokens.get());
  return coordinator.refreshWithin(config.expiredTokenWaitMs).pipe(switchMap(() => send(tokens.get())));
};

function withToken<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
