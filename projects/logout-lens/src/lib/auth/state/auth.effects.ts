import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { EMPTY, catchError, exhaustMap, ignoreElements, map, of, switchMap, tap } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LogoutLensIntl } from '../../intl/logout-lens-intl';
import { SignInError } from '../../model/session.model';
import { CLOCK } from '../../platform/browser.tokens';
import { LogoutLensUi } from '../../platform/logout-lens-ui';
import { TAB_ID } from '../../platform/tab-id';
import { SESSION_HANDOVER_WAIT_MS, SharedSessionWaiter } from '../../tabs/shared-session';
import { TabSyncActions } from '../../tabs/state/tab-sync.actions';
import { TabChannel } from '../../tabs/tab-channel';
import { AccessTokenStore } from '../access-token.store';
import { AuthApi } from '../auth-api';
import { AuthStorage, storedSession } from '../auth-storage';
import { RefreshCoordinator, SessionEndedElsewhere } from '../refresh-coordinator';
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
 * On start, restores the session silently: from another open tab when one answers (no refresh,
 * so opening tabs never rotates the cookie), else through the refresh cookie. Whenever
 * `auth-storage` names a session the server is asked, whatever its stored expiry says: that time
 * is on the server's clock, this computer's may be minutes off, and a session found over must end
 * the normal way — recorded, explained and reported — never by a silent "nothing to restore".
 */
export const restoreSession = createEffect(
  (
    actions$ = inject(Actions),
    storage = inject(AuthStorage),
    coordinator = inject(RefreshCoordinator),
    channel = inject(TabChannel),
    shared = inject(SharedSessionWaiter),
    tokens = inject(AccessTokenStore),
    clock = inject(CLOCK),
    tabId = inject(TAB_ID),
  ) =>
    actions$.pipe(
      ofType(AppActions.started),
      exhaustMap(() => {
        const stored = storage.read();
        const session = storedSession(stored, clock());
        if (!session) return of(AuthApiActions.noSessionToRestore());
        // The refresh engine loads while another tab is asked for the session.
        coordinator.preload();
        const handover = shared.next(SESSION_HANDOVER_WAIT_MS);
        channel.post({ kind: 'session-request', from: tabId });
        return handover.pipe(
          switchMap((fromTab) => {
            if (fromTab) {
              tokens.set(fromTab.access);
              tokens.setCarried(fromTab.carried);
              return of(TabSyncActions.sessionShared({ session: fromTab.session, at: clock() }));
            }
            return coordinator.refresh().pipe(
              // Success is reported by the coordinator, like every refresh.
              ignoreElements(),
              catchError((error: unknown) => {
                // Only whether the session is over matters here (its type was the coordinator's
                // to work out, and to report) — or whether another tab ended it meanwhile, whose
                // sign-out has ended this tab's session already: a deferred restore would revive it.
                if (error instanceof SessionEndedElsewhere) return EMPTY;
                const failure = coordinator.classify(error);
                if (failure.kind === 'session-over') return EMPTY;
                const { status, reason } = failure;
                return of(AuthApiActions.restoreDeferred({ session, status, reason, at: clock() }));
              }),
            );
          }),
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
  (actions$ = inject(Actions), api = inject(AuthApi), readers$ = inject(SIGN_IN_ERRORS)) =>
    actions$.pipe(
      ofType(SignInPageActions.signInSubmitted),
      exhaustMap(({ credentials }) =>
        api.login(credentials).pipe(
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
