import { InjectionToken, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { Observable, filter } from 'rxjs';

import { EndedSession, authFeature } from '../../auth/state/auth.feature';
import { onDemand } from '../../platform/on-demand';

/** The code that runs when a session ends (`sign-out.effects.ts`). */
export type SignOutPath = typeof import('./sign-out.effects');

/**
 * Loads the sign-out path once — while a session is live, or when a session ends or an
 * undelivered event waits, whichever comes first — so none of it is in an app's initial bundle.
 */
export const SIGN_OUT_PATH = new InjectionToken<Observable<SignOutPath>>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_SIGN_OUT_PATH' : '',
  {
    providedIn: 'root',
    factory: () => onDemand(() => import('./sign-out.effects')),
  },
);

/** Each real sign-out, once (repeated `Ended` actions for an ended session do not re-emit). */
export function endedSessions(): Observable<EndedSession> {
  return inject(Store)
    .select(authFeature.selectLastLogout)
    .pipe(filter((ended): ended is EndedSession => ended !== null));
}
