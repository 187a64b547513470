import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { EMPTY, filter, fromEvent, map, mergeMap, of, tap } from 'rxjs';

import { AccessTokenStore } from '../auth/access-token.store';
import { AuthApiActions, SessionActions } from '../auth/state/auth.actions';
import { authFeature } from '../auth/state/auth.feature';
import { afterSignInUrl, onSignInPage } from '../auth/routes';
import { ChangePasswordPageActions } from '../auth/state/change-password-page.actions';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { ActivityActions } from '../diagnostics/state/diagnostics.actions';
import { ActivityClock } from '../platform/activity-clock';
import { CLOCK, WINDOW } from '../platform/browser.tokens';
import { TAB_ID } from '../platform/tab-id';
import { TabSyncActions } from '../tabs/state/tab-sync.actions';
import { TabChannel } from '../tabs/tab-channel';
import { TabRegistry } from '../tabs/tab-registry';

/** Turns other tabs' messages into this tab's state: sessions, sign-outs, activity, presence. */
export const receiveFromOtherTabs = createEffect(
  (
    channel = inject(TabChannel),
    tokens = inject(AccessTokenStore),
    activity = inject(ActivityClock),
    registry = inject(TabRegistry),
    store = inject(Store),
    clock = inject(CLOCK),
    tabId = inject(TAB_ID),
  ) => {
    const session = store.selectSignal(authFeature.selectSession);
    return channel.messages$.pipe(
      mergeMap((message) => {
        switch (message.kind) {
          case 'session': {
            const current = session();
            if (message.access) {
              tokens.set(message.access);
              tokens.setCarried(message.carried);
            }
            // Without a token (the storage fallback): a token of another session — another user
            // may have signed in — must not go on with it; the next call refreshes with the cookie.
            else if (current && current.sessionId !== message.session.sessionId) tokens.clear();
            return of(TabSyncActions.sessionShared({ session: message.session, at: clock() }));
          }
          case 'signed-out': {
            const { logoutType, message: text, code } = message;
            return of(SessionActions.ended({ logoutType, message: text, code: code ?? undefined, fromOtherTab: true, at: clock() }));
          }
          case 'session-request': {
            const current = session();
            const access = tokens.get();
            if (current && access) {
              channel.post({ kind: 'session', from: tabId, session: current, access, carried: tokens.carried(), at: clock() });
            }
            return EMPTY;
          }
          case 'activity':
            activity.noteRemote(message.at);
            return EMPTY;
          case 'hello':
            if (registry.add(message.from)) channel.post({ kind: 'hello', from: tabId });
            return EMPTY;
          case 'bye':
            registry.remove(message.from);
            return EMPTY;
        }
      }),
    );
  },
  { functional: true },
);

/** Shares this tab's fresh session (and token, where the channel allows) with the other tabs. */
export const shareSession = createEffect(
  (
    actions$ = inject(Actions),
    channel = inject(TabChannel),
    tokens = inject(AccessTokenStore),
    tabId = inject(TAB_ID),
    clock = inject(CLOCK),
  ) =>
    actions$.pipe(
      ofType(AuthApiActions.signInSucceeded, AuthApiActions.tokenRefreshed, ChangePasswordPageActions.passwordChanged),
      tap(({ session }) =>
        channel.post({ kind: 'session', from: tabId, session, access: tokens.get(), carried: tokens.carried(), at: clock() }),
      ),
    ),
  { functional: true, dispatch: false },
);

/** Tells the other tabs when this tab's session ended, so they end theirs with the same type. */
export const shareSignOut = createEffect(
  (store = inject(Store), channel = inject(TabChannel), tabId = inject(TAB_ID)) =>
    store.select(authFeature.selectLastLogout).pipe(
      filter((ended) => ended !== null && !ended.fromOtherTab),
      tap((ended) =>
        channel.post({
          kind: 'signed-out',
          from: tabId,
          logoutType: ended!.logoutType,
          message: ended!.message,
          code: ended!.code,
        }),
      ),
    ),
  { functional: true, dispatch: false },
);

/** Shares activity, so idle time and the idle policy count every tab of the browser. */
export const shareActivity = createEffect(
  (actions$ = inject(Actions), channel = inject(TabChannel), tabId = inject(TAB_ID)) =>
    actions$.pipe(
      ofType(ActivityActions.detected),
      tap(({ at }) => channel.post({ kind: 'activity', from: tabId, at })),
    ),
  { functional: true, dispatch: false },
);

/** Says hello on start and goodbye on unload, so each tab knows the others (the drawer's "tabs seen"). */
export const announcePresence = createEffect(
  (channel = inject(TabChannel), tabId = inject(TAB_ID), win = inject(WINDOW)) => {
    channel.post({ kind: 'hello', from: tabId });
    return (win ? fromEvent(win, 'pagehide') : EMPTY).pipe(tap(() => channel.post({ kind: 'bye', from: tabId })));
  },
  { functional: true, dispatch: false },
);

/** A sign-in in another tab takes a tab on the sign-in page home. */
export const followSignInElsewhere = createEffect(
  (actions$ = inject(Actions), router = inject(Router), config = inject(LOGOUT_LENS_CONFIG)) =>
    actions$.pipe(
      ofType(TabSyncActions.sessionShared),
      filter(() => onSignInPage(router, config)),
      map(() => void router.navigateByUrl(afterSignInUrl(router, config))),
    ),
  { functional: true, dispatch: false },
);
