import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, map, of } from 'rxjs';

import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { SessionPolicy, parseSessionPolicy } from '../model/session.model';
import { SILENT_ERRORS } from './api-request';
import { SESSION_BACKEND, SessionBackend, SessionGrant, SignInRequest, parseGrant, sessionCall } from './session-backend';

/** Where a project on djangorestframework-simplejwt mounts `logout_lens.contrib.simplejwt`. */
export interface SimpleJwtUrls {
  /** The obtain view (simplejwt's `TokenObtainPairView` was here): `/api/token/`. */
  obtainUrl: string;
  /** `/api/token/refresh/`. */
  refreshUrl: string;
  /** `/api/token/logout/`. */
  logoutUrl: string;
  /** The session policy, for the sign-in page (`/api/token/policy/`); none: the page says no lifetime before sign-in. */
  policyUrl?: string;
  /** The field of the obtain body that names the account: the user model's USERNAME_FIELD (`'username'`). */
  usernameField?: string;
}

const SIMPLE_JWT_URLS = new InjectionToken<SimpleJwtUrls>('LOGOUT_LENS_SIMPLE_JWT_URLS');

/** The simplejwt views of the Django package: its answers are Logout Lens's own, at the project's URLs. */
@Injectable()
export class SimpleJwtBackend implements SessionBackend {
  private readonly http = inject(HttpClient);
  private readonly urls = inject(SIMPLE_JWT_URLS);

  signIn({ email, password, rememberMe, deviceId }: SignInRequest): Observable<SessionGrant> {
    const body = { [this.urls.usernameField ?? 'username']: email, password, remember_me: rememberMe, device_id: deviceId };
    return this.http.post(this.urls.obtainUrl, body, { context: sessionCall('sign-in') }).pipe(map(parseGrant));
  }

  refresh(): Observable<SessionGrant> {
    return this.http.post(this.urls.refreshUrl, {}, { context: sessionCall('refresh') }).pipe(map(parseGrant));
  }

  signOut(): Observable<unknown> {
    return this.http.post(this.urls.logoutUrl, {}, { context: sessionCall('sign-out') });
  }

  policy(): Observable<SessionPolicy | null> {
    if (!this.urls.policyUrl) return of(null);
    return this.http
      .get<unknown>(this.urls.policyUrl, { context: new HttpContext().set(SILENT_ERRORS, true) })
      .pipe(map(parseSessionPolicy));
  }
}

/**
 * Sessions from a Django project on djangorestframework-simplejwt that mounts the package's
 * `logout_lens.contrib.simplejwt` views: simplejwt access tokens for the project's API, and the
 * refresh token in Logout Lens's HttpOnly cookie, with its codes for every end.
 *
 * ```ts
 * provideLogoutLens(
 *   { appName: 'Acme', apiBase: '/api', authPath: '/auth' },
 *   withSimpleJwt({ obtainUrl: '/api/token/', refreshUrl: '/api/token/refresh/', logoutUrl: '/api/token/logout/' }),
 * )
 * ```
 */
export function withSimpleJwt(urls: SimpleJwtUrls): LogoutLensFeature<'SessionBackend'> {
  return logoutLensFeature('SessionBackend', [
    { provide: SIMPLE_JWT_URLS, useValue: urls },
    SimpleJwtBackend,
    { provide: SESSION_BACKEND, useExisting: SimpleJwtBackend },
  ]);
}
