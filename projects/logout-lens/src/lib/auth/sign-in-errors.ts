import { InjectionToken } from '@angular/core';
import { Observable, defer, from, map, shareReplay } from 'rxjs';

import { SignInError } from '../model/session.model';

/** Reads a refused sign-in into a `SignInError` a page can put into words. */
export type SignInErrorReader = (error: unknown) => SignInError;

/**
 * The sign-in error reader (`sign-in-error.ts`), loaded at the first refused sign-in rather
 * than with the app. A failed load is tried again at the next refusal.
 */
export const SIGN_IN_ERRORS = new InjectionToken<Observable<SignInErrorReader>>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_SIGN_IN_ERRORS' : '',
  {
    providedIn: 'root',
    factory: () =>
      defer(() => from(import('./sign-in-error'))).pipe(
        map((module) => module.toSignInError),
        shareReplay(1),
      ),
  },
);
