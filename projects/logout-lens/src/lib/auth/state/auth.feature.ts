import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { AppDetails, ReuseVerdict } from '../../model/logout-record';
import { LogoutType } from '../../model/logout-type';
import { SessionInfo, SignInError } from '../../model/session.model';
import { TabSyncActions } from '../../tabs/state/tab-sync.actions';
import { AppActions, AuthApiActions, SessionActions, SignInPageActions } from './auth.actions';
import { ChangePasswordPageActions } from './change-password-page.actions';

export type AuthStatus = 'unknown' | 'restoring' | 'signing-in' | 'signed-in' | 'signed-out';

/** The last refresh attempt and how it went. */
export interface RefreshAttempt {
  at: number;
  outcome: 'success' | 'transient-failure';
  status: number | null;
  reason: string | null;
}

/** The session that just ended, as it stood at that moment. */
export interface EndedSession {
  logoutType: LogoutType;
  message: string;
  code: string | null;
  fromOtherTab: boolean;
  /** Local epoch ms. */
  at: number;
  /** For a token reuse: the server's reading (a race between this browser's requests, or theft). */
  reuse: ReuseVerdict | null;
  /** What the app said about a sign-out it ended itself. */
  details?: AppDetails;
  session: SessionInfo | null;
  lastRefresh: RefreshAttempt | null;
}

export interface AuthState {
  status: AuthStatus;
  session: SessionInfo | null;
  signInError: SignInError | null;
  lastRefresh: RefreshAttempt | null;
  /** Set once per real sign-out (a repeated `Ended` for an ended session changes nothing). */
  lastLogout: EndedSession | null;
}

export const initialAuthState: AuthState = {
  status: 'unknown',
  session: null,
  signInError: null,
  lastRefresh: null,
  lastLogout: null,
};

export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialAuthState,
    on(AppActions.started, (state) => ({ ...state, status: 'restoring' as const })),
    on(SignInPageActions.signInSubmitted, (state) => ({
      ...state,
      status: 'signing-in' as const,
      signInError: null,
    })),
    on(AuthApiActions.signInSucceeded, TabSyncActions.sessionShared, (state, { session }) => ({
      ...state,
      status: 'signed-in' as const,
      session,
      signInError: null,
      lastLogout: null,
    })),
    on(AuthApiActions.signInFailed, (state, { error }) => ({
      ...state,
      status: 'signed-out' as const,
      signInError: error,
    })),
    // A password change answers with a fresh session for this browser: taken like a refresh.
    on(AuthApiActions.tokenRefreshed, ChangePasswordPageActions.passwordChanged, (state, { session, at }) => ({
      ...state,
      status: 'signed-in' as const,
      session,
      lastRefresh: { at, outcome: 'success' as const, status: 200, reason: null },
    })),
    on(AuthApiActions.refreshFailedTransiently, (state, { status, reason, at }) => ({
      ...state,
      lastRefresh: { at, outcome: 'transient-failure' as const, status, reason },
    })),
    on(AuthApiActions.restoreDeferred, (state, { session, status, reason, at }) => ({
      ...state,
      status: 'signed-in' as const,
      session,
      lastRefresh: { at, outcome: 'transient-failure' as const, status, reason },
    })),
    on(AuthApiActions.noSessionToRestore, (state) => ({ ...state, status: 'signed-out' as const })),
    on(SessionActions.ended, (state, { logoutType, message, code, fromOtherTab, at, lastKnownSession, reuse, details }) =>
      state.status === 'signed-out'
        ? state
        : {
            ...state,
            status: 'signed-out' as const,
            session: null,
            lastLogout: {
              logoutType,
              message,
              code: code ?? null,
              fromOtherTab: fromOtherTab ?? false,
              at,
              reuse: reuse ?? null,
              ...(details ? { details } : {}),
              session: state.session ?? lastKnownSession ?? null,
              lastRefresh: state.lastRefresh,
            },
          },
    ),
  ),
  extraSelectors: ({ selectStatus, selectSession }) => ({
    selectIsSignedIn: createSelector(selectStatus, (status) => status === 'signed-in'),
    selectIsSettled: createSelector(
      selectStatus,
      (status) => status !== 'unknown' && status !== 'restoring',
    ),
    selectUser: createSelector(selectSession, (session) => session?.user ?? null),
    selectIsSigningIn: createSelector(selectStatus, (status) => status === 'signing-in'),
  }),
});
