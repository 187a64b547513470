import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { EMPTY, catchError, exhaustMap, ignoreElements, of, switchMap } from 'rxjs';

import { CLOCK } from '../../platform/browser.tokens';
import { TAB_ID } from '../../platform/tab-id';
import { SESSION_HANDOVER_WAIT_MS, SharedSessionWaiter } from '../../tabs/shared-session';
import { TabSyncActions } from '../../tabs/state/tab-sync.actions';
import { TabChannel } from '../../tabs/tab-channel';
import { AccessTokenStore } from '../access-token.store';
import { AuthStorage, storedSession } from '../auth-storage';
import { RefreshCoordinator, SessionEndedElsewhere } from '../refresh-coordinator';
import { AppActions, AuthApiActions } from './auth.actions';

/**
 * Restores the session on start (run by `startRestore` once the refresh engine, which holds this
 * module, is loaded), silently: from another open tab when one answers (no refresh,
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
