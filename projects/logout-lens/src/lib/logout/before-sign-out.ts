import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';

import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { LogoutType } from '../model/logout-type';

/** The sign-out under way, as a before-sign-out hook sees it. */
export interface SigningOut {
  type: LogoutType;
  message: string;
  /** Whether it began in another tab of this browser. */
  fromOtherTab: boolean;
}

/** What the app does before the redirect to the sign-in page; may return a Promise or an Observable. */
export type BeforeSignOut = (signingOut: SigningOut) => void | Promise<unknown> | Observable<unknown>;

export const BEFORE_SIGN_OUT = new InjectionToken<BeforeSignOut>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_BEFORE_SIGN_OUT' : '',
);

/**
 * Runs `hook` (in an injection context: it may `inject()`) when a session ends, before the
 * redirect to the sign-in page: save a draft locally, close a websocket, clear the app's own
 * caches. The session is already over when it runs — the access token is gone — so it must not
 * need the API. The redirect waits for it (and for the sign-out dialog) up to 5 s; a hook that
 * fails or takes longer does not hold the sign-out.
 */
export function withBeforeSignOut(hook: BeforeSignOut): LogoutLensFeature<'BeforeSignOut'> {
  return logoutLensFeature('BeforeSignOut', [{ provide: BEFORE_SIGN_OUT, useValue: hook }]);
}
