import { HttpContext, HttpContextToken } from '@angular/common/http';
import { InjectionToken, Type, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { LOGOUT_LENS_CONFIG, authBase } from '../config/logout-lens.config';
import { SessionInfo, SessionPolicy, SessionUser } from '../model/session.model';
import { SILENT_ERRORS } from './api-request';
import type { RefreshFailure } from './refresh-outcome';

/** A sign-in as the backend gets it: the form's fields and this browser's device id. */
export interface SignInRequest {
  /** What the person typed to name their account (an email address, or a username). */
  email: string;
  password: string;
  rememberMe: boolean;
  deviceId: string;
}

/** A backend's answer to a sign-in or refresh: the access token and the session it belongs to. */
export interface SessionGrant {
  /** The access token. Logout Lens keeps it in memory only. */
  access: string;
  /** Server epoch ms. */
  accessExpiresAt: number;
  /** Server epoch ms: the session's end, which rotation does not move. */
  refreshExpiresAt: number;
  sessionId: string;
  rememberMe: boolean;
  user: SessionUser;
  /** The session policy, when the backend states it with the grant. */
  policy: SessionPolicy | null;
  /**
   * The credential the next refresh needs when no HttpOnly cookie keeps it (stock simplejwt's
   * refresh token). Logout Lens keeps it in memory only, beside the access token, hands it to
   * the other tabs over BroadcastChannel only, and gives it back to `refresh()`. Leave it out
   * when a cookie keeps the session.
   */
  carried?: string;
  /**
   * The session's whole lifetime in seconds, when the backend states no policy but knows it
   * (stock simplejwt: the refresh token's `exp − iat`, REFRESH_TOKEN_LIFETIME).
   */
  lifetimeSeconds?: number;
}

/** What a refresh has to go on besides a cookie: the carried credential and the session it renews. */
export interface RefreshContext {
  /** The `carried` credential of the last grant (this tab's, or one another tab handed over); null if none. */
  carried: string | null;
  /** The session being renewed (on a reload, the one `auth-storage` names); null if none is known. */
  previous: SessionInfo | null;
}

/**
 * Where sessions come from: Logout Lens's own backend by default, the simplejwt views with
 * `withSimpleJwt()`, anything else with `withSessionBackend()`. Errors are the HTTP client's own
 * (`HttpErrorResponse`); a backend whose refusals carry other codes reads them itself.
 */
export interface SessionBackend {
  /** Signs in. A refusal is read as on the sign-in form (401 `invalid_credentials`, 429…). */
  signIn(request: SignInRequest): Observable<SessionGrant>;
  /** Renews the session and rotates the refresh token (in a cookie the browser keeps, or `context.carried`). */
  refresh(context: RefreshContext): Observable<SessionGrant>;
  /** Ends the session on the server (`context.carried`: the credential the session last carried, if any). */
  signOut(context: RefreshContext): Observable<unknown>;
  /** The session policy, for a sign-in page to state before anyone signs in; null if unknown. */
  policy(): Observable<SessionPolicy | null>;
  /**
   * Reads a failed refresh: whether the session is over (and why) or the failure is transient.
   * Return null for Logout Lens's own reading (401 with `refresh_expired`, `refresh_revoked`,
   * `refresh_reused`, `password_changed`, `account_disabled` or `refresh_missing` ends the
   * session; everything else is retried). The app's `withErrorPolicy()` still has the last word.
   */
  readRefreshError?(error: unknown): RefreshFailure | null;
}

/** Which session call a request is, for the interceptors: they leave these alone, and the log marks refreshes. */
export const SESSION_CALL = new HttpContextToken<'sign-in' | 'refresh' | 'sign-out' | null>(() => null);

/** The request context of a session call: its failures are its caller's to show. */
export function sessionCall(kind: 'sign-in' | 'refresh' | 'sign-out'): HttpContext {
  return new HttpContext().set(SESSION_CALL, kind).set(SILENT_ERRORS, true);
}

/**
 * Where a backend that answers in Logout Lens's shape serves its calls, and the field of the
 * sign-in body that names the account. Logout Lens's own: `{apiBase}{authPath}/login/`,
 * `refresh/`, `logout/`, `policy/`, by email; `withSimpleJwt()` gives its own.
 */
export interface SessionUrls {
  signIn: string;
  refresh: string;
  signOut: string;
  /** null: the backend states no policy before sign-in. */
  policy: string | null;
  accountField: string;
}

export const SESSION_URLS = new InjectionToken<SessionUrls>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_SESSION_URLS' : '',
  {
    providedIn: 'root',
    factory: () => {
      const base = authBase(inject(LOGOUT_LENS_CONFIG));
      return {
        signIn: `${base}/login/`,
        refresh: `${base}/refresh/`,
        signOut: `${base}/logout/`,
        policy: `${base}/policy/`,
        accountField: 'email',
      };
    },
  },
);

/** The backend in use, when the app gives one; without it, Logout Lens's own (`LogoutLensBackend`). */
export const SESSION_BACKEND = new InjectionToken<SessionBackend>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_SESSION_BACKEND' : '',
);

/**
 * Signs in, refreshes and signs out through the app's own backend, a class implementing
 * `SessionBackend` (injected, so it may inject HttpClient and the configuration).
 *
 * ```ts
 * provideLogoutLens({ appName: 'Acme' }, withSessionBackend(AcmeSessions))
 * ```
 */
export function withSessionBackend(backend: Type<SessionBackend>): LogoutLensFeature<'SessionBackend'> {
  return logoutLensFeature('SessionBackend', [backend, { provide: SESSION_BACKEND, useExisting: backend }]);
}
