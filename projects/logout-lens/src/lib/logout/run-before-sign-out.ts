import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { Observable, SchedulerLike, catchError, defaultIfEmpty, defer, from, isObservable, last, map, of, timeout } from 'rxjs';

import { BEFORE_SIGN_OUT, BeforeSignOut, SigningOut } from './before-sign-out';

/** How long the redirect waits for a before-sign-out hook at most. */
export const BEFORE_SIGN_OUT_TIMEOUT_MS = 5000;

/** Runs the hook; emits once and completes when it is done, failed or timed out. */
export function runBeforeSignOut(
  hook: BeforeSignOut | null,
  signingOut: SigningOut,
  injector: EnvironmentInjector,
  scheduler: SchedulerLike,
): Observable<void> {
  if (!hook) return of(undefined);
  return defer(() => {
    const result = runInInjectionContext(injector, () => hook(signingOut));
    const done$: Observable<unknown> = isObservable(result) ? result : result instanceof Promise ? from(result) : of(undefined);
    return done$.pipe(last(null, null));
  }).pipe(
    timeout({ first: BEFORE_SIGN_OUT_TIMEOUT_MS, with: () => of(undefined), scheduler }),
    catchError(() => of(undefined)),
    defaultIfEmpty(undefined),
    map(() => undefined),
  );
}

/** The hook the app gave, if any. */
export function beforeSignOutHook(): BeforeSignOut | null {
  return inject(BEFORE_SIGN_OUT, { optional: true });
}
