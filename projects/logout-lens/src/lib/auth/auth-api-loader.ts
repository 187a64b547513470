import { EnvironmentInjector, InjectionToken, inject } from '@angular/core';
import { Observable, defer, from, map, shareReplay } from 'rxjs';

import type { AuthApi } from './auth-api';

/**
 * The session calls (`AuthApi`, and Logout Lens's own backend behind it), loaded when first
 * needed — the sign-in page's policy, a sign-in, the revoke after a sign-out, a password change,
 * the refresh engine — rather than with the app. A failed load is tried again at the next call.
 */
export const AUTH_API = new InjectionToken<Observable<AuthApi>>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_AUTH_API' : '',
  {
    providedIn: 'root',
    factory: () => {
      const injector = inject(EnvironmentInjector);
      return defer(() => from(import('./auth-api'))).pipe(
        map((module) => injector.get(module.AuthApi)),
        shareReplay(1),
      );
    },
  },
);
