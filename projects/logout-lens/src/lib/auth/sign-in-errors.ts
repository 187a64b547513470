import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';

import { SignInError } from '../model/session.model';
import { onDemand } from '../platform/on-demand';

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
    factory: () => onDemand(() => import('./sign-in-error').then((module) => module.toSignInError)),
  },
);
