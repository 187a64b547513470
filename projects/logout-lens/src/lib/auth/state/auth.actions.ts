import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { AppDetails, ReuseVerdict } from '../../model/logout-record';
import { LogoutType } from '../../model/logout-type';
import { Credentials, SessionInfo, SignInError } from '../../model/session.model';

/** The application shell. */
export const AppActions = createActionGroup({
  source: 'App',
  events: {
    Started: emptyProps(),
  },
});

/** The sign-in page. The password in `credentials` is redacted from store devtools. */
export const SignInPageActions = createActionGroup({
  source: 'Sign-in Page',
  events: {
    'Sign In Submitted': props<{ credentials: Credentials }>(),
  },
});

/** The signed-in user's menu. */
export const UserMenuActions = createActionGroup({
  source: 'User Menu',
  events: {
    'Sign Out Clicked': emptyProps(),
  },
});

/** Answers from the session endpoints. `at` is local epoch ms, so reducers stay pure. */
export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    'Sign In Succeeded': props<{ session: SessionInfo }>(),
    'Sign In Failed': props<{ error: SignInError }>(),
    'Token Refreshed': props<{ session: SessionInfo; at: number }>(),
    'Refresh Failed Transiently': props<{ status: number; reason: string; at: number }>(),
    'No Session To Restore': emptyProps(),
    /** The server could not be reached on reload; the stored session is kept and retried. */
    'Restore Deferred': props<{ session: SessionInfo; status: number; reason: string; at: number }>(),
  },
});

/**
 * The one way a session ends. Every path — the sign-out button, a refresh answered session-over,
 * a 401 a refresh cannot cure, revocation, the idle policy, another tab — dispatches `Ended`.
 */
export const SessionActions = createActionGroup({
  source: 'Session',
  events: {
    Ended: props<{
      logoutType: LogoutType;
      message: string;
      /** Local epoch ms. */
      at: number;
      code?: string;
      fromOtherTab?: boolean;
      /**
       * The session as this tab last knew it, for the record when the store holds none yet (a
       * reload that learns from the server that the session is over).
       */
      lastKnownSession?: SessionInfo;
      /** For a token reuse: the server's reading of its evidence. */
      reuse?: ReuseVerdict;
      /** What the app said about a sign-out it ended itself (`LogoutLens.endSession`). */
      details?: AppDetails;
    }>(),
  },
});
