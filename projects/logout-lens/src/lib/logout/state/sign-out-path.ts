import { InjectionToken } from '@angular/core';
import { Observable, defer, from, shareReplay } from 'rxjs';

/** The code that runs when a session ends (`sign-out.effects.ts`). */
export type SignOutPath = typeof import('./sign-out.effects');

/**
 * Loads the sign-out path once — while a session is live, or when a session ends or an
 * undelivered event waits, whichever comes first — so none of it is in an app's initial bundle.
 */
export const SIGN_OUT_PATH = new InjectionToken<Observable<SignOutPath>>('LOGOUT_LENS_SIGN_OUT_PATH', {
  providedIn: 'root',
  factory: () => defer(() => from(import('./sign-out.effects'))).pipe(shareReplay(1)),
});

