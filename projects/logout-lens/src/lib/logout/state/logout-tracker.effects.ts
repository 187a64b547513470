import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import {
  EMPTY,
  Observable,
  catchError,
  exhaustMap,
  filter,
  fromEvent,
  interval,
  merge,
  switchMap,
  take,
} from 'rxjs';

import { AUTH_API } from '../../auth/auth-api-loader';
import { AppActions } from '../../auth/state/auth.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LOCAL_STORAGE, WINDOW } from '../../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { LOGOUT_EVENT_QUEUE_KEY } from '../logout-event-queue';
import { LogoutTrackerActions } from './logout-tracker.actions';
import { SIGN_OUT_PATH, SignOutPath, endedSessions } from './sign-out-path';

/** Runs one of the sign-out path's functions once it is loaded, in the injection context. */
function onSignOutPath<T>(run: (path: SignOutPath) => Observable<T>): Observable<T> {
  const injector = inject(EnvironmentInjector);
  return inject(SIGN_OUT_PATH).pipe(switchMap((path) => runInInjectionContext(injector, () => run(path))));
}

/**
 * Loads the sign-out path at the first sign-out of this page; the path's own effects then see
 * every sign-out, this one included (the state still holds it).
 */
function firstSignOut<T>(run: (path: SignOutPath) => Observable<T>): Observable<T> {
  const path$ = onSignOutPath(run);
  return endedSessions().pipe(
    take(1),
    switchMap(() => path$),
  );
}

/**
 * Writes every sign-out down: `logout_history`, `last_logout_reason`, a `[LogoutTracker]` line,
 * and the backend's audit trail (through the outbox, so an unreachable backend loses nothing).
 */
export const recordLogout = createEffect(() => firstSignOut((path) => path.recordLogout()), { functional: true });

/** Says why before the redirect (a dialog when the user did not choose it), then the sign-in page. */
export const alertBeforeRedirect = createEffect(() => firstSignOut((path) => path.alertBeforeRedirect()), {
  functional: true,
  dispatch: false,
});

/**
 * Loads the sign-out path while a session is live, off the start-up's way, so that a sign-out
 * with the network gone (the outbox keeps its event) still has its code.
 */
export const preloadSignOutPath = createEffect(
  (session$ = inject(Store).select(authFeature.selectSession), path$ = inject(SIGN_OUT_PATH)) =>
    session$.pipe(
      filter((session) => session !== null),
      take(1),
      switchMap(() => path$.pipe(catchError(() => EMPTY))),
    ),
  { functional: true, dispatch: false },
);

/** Retries undelivered events: on start, when the browser is back online, and periodically. */
export const flushLogoutEvents = createEffect(
  (
    actions$ = inject(Actions),
    storage = inject(LOCAL_STORAGE),
    win = inject(WINDOW),
    config = inject(LOGOUT_LENS_CONFIG),
    scheduler = inject(SESSION_SCHEDULER),
    flush$ = onSignOutPath((path) => path.flushLogoutEvents()),
  ) =>
    merge(
      actions$.pipe(ofType(AppActions.started)),
      win ? fromEvent(win, 'online') : EMPTY,
      interval(config.sessionCheckIntervalMs, scheduler),
    ).pipe(
      filter(() => hasItem(storage, LOGOUT_EVENT_QUEUE_KEY)),
      exhaustMap(() => flush$),
    ),
  { functional: true, dispatch: false },
);

function hasItem(storage: Storage | null, key: string): boolean {
  try {
    return storage?.getItem(key) != null;
  } catch {
    return false;
  }
}

/**
 * Clears the refresh cookie after the user signs out. The session itself is revoked on the
 * server by the logout event, whatever the type (the outbox keeps the event, and so the revoke,
 * until the backend can be reached); this waits for the event to be posted first, so it still
 * carries the cookie that ties it to the user.
 */
export const revokeOnServer = createEffect(
  (actions$ = inject(Actions), api$ = inject(AUTH_API)) =>
    actions$.pipe(
      ofType(LogoutTrackerActions.recorded),
      filter(({ record }) => record.type === 'USER_INITIATED' && !record.from_other_tab),
      exhaustMap(() =>
        api$.pipe(
          switchMap((api) => api.logout()),
          catchError(() => EMPTY),
        ),
      ),
    ),
  { functional: true, dispatch: false },
);
