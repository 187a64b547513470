import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, defer, exhaustMap, from, map, of, switchMap, tap } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LogoutLensIntl } from '../../intl/logout-lens-intl';
import { SignInError } from '../../model/session.model';
import { CLOCK } from '../../platform/browser.tokens';
import { LogoutLensUi } from '../../platform/logout-lens-ui';
import { AccessTokenStore } from '../access-token.store';
import { AUTH_API } from '../auth-api-loader';
import { AuthStorage, storedSession } from '../auth-storage';
import { REFRESH_ENGINE_LOADER, RefreshCoordinator } from '../refresh-coordinator';
import { afterSignInUrl } from '../routes';
import { SIGN_IN_ERRORS } from '../sign-in-errors';
import {
  AppActions,
  AuthApiActions,
  SessionActions,
  SignInPageActions,
  UserMenuActions,
} from './auth.actions';
import { ChangePasswordPageActions } from './change-password-page.actions';
import { RestoringSessionActions } from './restoring-session.actions';

/**
 * On start, with a session in `auth-storage`, loads the refresh engine and restores the session
 * through it (`restoreSession`); with none, says so at once, and a page that is never signed in
 * loads no engine. An engine that cannot be loaded (the network gone) keeps the stored session,
 * as a refresh that cannot reach the server does.
 */
export const startRestore = createEffect(
  (
    actions$ = inject(Actions),
    storage = inject(AuthStorage),
    clock = inject(CLOCK),
    load = inject(REFRESH_ENGINE_LOADER),
    injector = inject(EnvironmentInjector),
  ) =>
    actions$.pipe(
      ofType(AppActions.started),
      exhaustMap((started) => {
        const session = storedSession(storage.read(), clock());
        if (!session) return of(AuthApiActions.noSessionToRestore());
        return defer(() => from(load())).pipe(
          map((engine) => engine.restoreSession),
          catchError(() => of(null)),
          switchMap((restore) =>
            restore
              ? runInInjectionContext(injector, () => restore(of(started) as Actions))
              : of(AuthApiActions.restoreDeferred({ session, status: 0, reason: 'network error', at: clock() })),
          ),
        );
      }),
    ),
  { functional: true },
);

/**
 * "Retry" on the restoring screen sends the refresh under way again at once. The refresh's own
 * retry policy still decides what its answers mean, so this never ends a session.
 */
export const retryRestoreNow = createEffect(
  (actions$ = inject(Actions), coordinator = inject(RefreshCoordinator)) =>
    actions$.pipe(
      ofType(RestoringSessionActions.retryClicked),
      tap(() => coordinator.retryNow()),
    ),
  { functional: true, dispatch: false },
);

export const signIn = createEffect(
  (actions$ = inject(Actions), api$ = inject(AUTH_API), readers$ = inject(SIGN_IN_ERRORS)) =>
    actions$.pipe(
      ofType(SignInPageActions.signInSubmitted),
      exhaustMap(({ credentials }) =>
        api$.pipe(
          switchMap((api) => api.login(credentials)),
          map((session) => AuthApiActions.signInSucceeded({ session })),
          catchError((error: unknown) =>
            readers$.pipe(
              map((read) => read(error)),
              // The reader could not be loaded: the network is gone, so the server is out of reach.
              catchError(() => of<SignInError>({ kind: 'unreachable' })),
              map((reason) => AuthApiActions.signInFailed({ error: reason })),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** After a sign-in: back to the page the session ended on, else `routes.afterSignIn`. */
export const navigateHomeAfterSignIn = createEffect(
  (actions$ = inject(Actions), router = inject(Router), config = inject(LOGOUT_LENS_CONFIG)) =>
    actions$.pipe(
      ofType(AuthApiActions.signInSucceeded),
      tap(() => void router.navigateByUrl(afterSignInUrl(router, config))),
    ),
  { functional: true, dispatch: false },
);

/** Keeps the non-secret session metadata in `auth-storage` for reloads and support. */
export const persistSession = createEffect(
  (actions$ = inject(Actions), storage = inject(AuthStorage)) =>
    actions$.pipe(
      ofType(AuthApiActions.signInSucceeded, AuthApiActions.tokenRefreshed, ChangePasswordPageActions.passwordChanged),
      tap(({ session }) => storage.saveSession(session)),
    ),
  { functional: true, dispatch: false },
);

/** The sign-out button ends the session here at once; the server is told once it is recorded. */
export const signOut = createEffect(
  (actions$ = inject(Actions), clock = inject(CLOCK)) =>
    actions$.pipe(
      ofType(UserMenuActions.signOutClicked),
      map(() =>
        SessionActions.ended({ logoutType: 'USER_INITIATED', message: 'You signed out.', at: clock() }),
      ),
    ),
  { functional: true },
);

/** Forgets the session locally once it has ended, whatever ended it. */
export const forgetSession = createEffect(
  (actions$ = inject(Actions), tokens = inject(AccessTokenStore), storage = inject(AuthStorage)) =>
    actions$.pipe(
      ofType(SessionActions.ended),
      tap(() => {
        tokens.clear();
        storage.clearSession();
      }),
    ),
  { functional: true, dispatch: false },
);

/** Tells the user a renewal failed for now, and that they are still signed in. */
export const reportTransientRefreshFailure = createEffect(
  (actions$ = inject(Actions), ui = inject(LogoutLensUi), intl = inject(LogoutLensIntl)) =>
    actions$.pipe(
      ofType(AuthApiActions.refreshFailedTransiently, AuthApiActions.restoreDeferred),
      tap(({ status }) => ui.notify(intl.refreshRetrying(status), 8000)),
    ),
  { functional: true, dispatch: false },
);
