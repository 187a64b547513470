import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map, of } from 'rxjs';

import { SessionPolicy, SessionUser, parseSessionPolicy } from '../model/session.model';
import { SILENT_ERRORS } from './api-request';
import { SESSION_URLS, SessionBackend, SessionGrant, SignInRequest, sessionCall } from './session-backend';

/**
 * Reads a grant in the shape Logout Lens's views answer (and those of its simplejwt views):
 * `{access, access_expires_at, refresh_expires_at, session_id, remember_me, user, session_policy}`.
 */
export function parseGrant(body: unknown): SessionGrant {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const accessExpiresAt = typeof b['access_expires_at'] === 'string' ? Date.parse(b['access_expires_at']) : NaN;
  const refreshExpiresAt = typeof b['refresh_expires_at'] === 'string' ? Date.parse(b['refresh_expires_at']) : NaN;
  if (typeof b['access'] !== 'string' || Number.isNaN(accessExpiresAt) || Number.isNaN(refreshExpiresAt)) {
    throw new Error('Malformed token response');
  }
  return {
    access: b['access'],
    accessExpiresAt,
    refreshExpiresAt,
    sessionId: typeof b['session_id'] === 'string' ? b['session_id'] : '',
    rememberMe: b['remember_me'] === true,
    user: (b['user'] ?? { id: '', email: '', name: '' }) as SessionUser,
    policy: parseSessionPolicy(b['session_policy']),
  };
}

/** A backend that answers grants in Logout Lens's shape at `SESSION_URLS`: its own, or the Django package's simplejwt views. */
@Injectable({ providedIn: 'root' })
export class LogoutLensBackend implements SessionBackend {
  private readonly http = inject(HttpClient);
  private readonly urls = inject(SESSION_URLS);

  signIn({ email, password, rememberMe, deviceId }: SignInRequest): Observable<SessionGrant> {
    const body = { [this.urls.accountField]: email, password, remember_me: rememberMe, device_id: deviceId };
    return this.http.post(this.urls.signIn, body, { context: sessionCall('sign-in') }).pipe(map(parseGrant));
  }

  refresh(): Observable<SessionGrant> {
    return this.http.post(this.urls.refresh, {}, { context: sessionCall('refresh') }).pipe(map(parseGrant));
  }

  signOut(): Observable<unknown> {
    return this.http.post(this.urls.signOut, {}, { context: sessionCall('sign-out') });
  }

  policy(): Observable<SessionPolicy | null> {
    if (!this.urls.policy) return of(null);
    return this.http
      .get<unknown>(this.urls.policy, { context: new HttpContext().set(SILENT_ERRORS, true) })
      .pipe(map(parseSessionPolicy));
  }
}
