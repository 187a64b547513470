import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector, InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { onDemand } from '../platform/on-demand';
import type { AuthApi } from './auth-api';

/** The module that holds the session calls (`auth-api.ts`). */
export type AuthApiModule = typeof import('./auth-api');

/**
 * `AuthApi` from `load`, on demand. A load that fails answers as a call that cannot reach the
 * server does (an `HttpErrorResponse` with status 0), so every caller reads it as "unreachable";
 * the next call loads again.
 */
export function authApiOnDemand(
  injector: EnvironmentInjector,
  load: () => Promise<AuthApiModule> = () => import('./auth-api'),
): Observable<AuthApi> {
  return onDemand(() =>
    load().then(
      (module) => injector.get(module.AuthApi),
      () => {
        throw new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' });
      },
    ),
  );
}

/**
 * The session calls (`AuthApi`, and Logout Lens's own backend behind it), loaded when first
 * needed — the sign-in page's policy, a sign-in, the revoke after a sign-out, a password change,
 * the refresh engine — rather than with the app.
 */
export const AUTH_API = new InjectionToken<Observable<AuthApi>>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_AUTH_API' : '',
  { providedIn: 'root', factory: () => authApiOnDemand(inject(EnvironmentInjector)) },
);
