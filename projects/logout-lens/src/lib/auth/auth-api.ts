import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { LOGOUT_LENS_CONFIG, authBase } from '../config/logout-lens.config';
import { Credentials, SessionInfo, SessionPolicy } from '../model/session.model';
import { AccessTokenStore } from './access-token.store';
import { SILENT_ERRORS } from './api-request';
import { AuthStorage } from './auth-storage';
import type { RefreshFailure } from './refresh-outcome';
import { ServerClock } from './server-clock';
import { LogoutLensBackend, parseGrant } from './logout-lens-backend';
import { SESSION_BACKEND, SessionBackend, SessionGrant } from './session-backend';
import { SessionPolicyStore } from './session-policy';

/**
 * The session calls, through the backend in use (`SESSION_BACKEND`). Grants are unpacked here:
 * the access token goes to the in-memory AccessTokenStore, and callers get only the non-secret
 * SessionInfo.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly backend: SessionBackend = inject(SESSION_BACKEND, { optional: true }) ?? inject(LogoutLensBackend);
  private readonly tokens = inject(AccessTokenStore);
  private readonly clock = inject(ServerClock);
  private readonly storage = inject(AuthStorage);
  private readonly policies = inject(SessionPolicyStore);
  private readonly base = `${authBase(inject(LOGOUT_LENS_CONFIG))}`;

  login(credentials: Credentials): Observable<SessionInfo> {
    const request = { ...credentials, deviceId: this.storage.deviceId() };
    return this.backend.signIn(request).pipe(map((grant) => this.accept(grant)));
  }

  /** Rotates the refresh token and returns a fresh access token's session (`previous`: the one it renews). */
  refresh(previous: SessionInfo | null = null): Observable<SessionInfo> {
    return this.backend
      .refresh({ carried: this.tokens.carried(), previous })
      .pipe(map((grant) => this.accept(grant)));
  }

  /**
   * Changes the password (Logout Lens's own backend: `{authBase}/change-password/`). The server
   * ends every session of the user as PASSWORD_CHANGED and answers like a sign-in with a fresh
   * session for this browser (its cookie and access token). Failures are the caller's to show:
   * 400 carries Django's messages per field.
   */
  changePassword(currentPassword: string, newPassword: string): Observable<SessionInfo> {
    const body = { current_password: currentPassword, new_password: newPassword };
    return this.http
      .post(`${this.base}/change-password/`, body, { context: new HttpContext().set(SILENT_ERRORS, true) })
      .pipe(map((answer) => this.accept(parseGrant(answer))));
  }

  /** The session policy, as the server states it to anyone (for a sign-in page). */
  policy(): Observable<SessionPolicy | null> {
    return this.backend.policy();
  }

  /** Ends this session on the server (and the refresh token with it). */
  logout(): Observable<unknown> {
    // The session has been forgotten here by now: its carried credential is the one set aside.
    return this.backend.signOut({ carried: this.tokens.carried() ?? this.tokens.takeRetired(), previous: null });
  }

  /** How the backend in use reads a failed refresh (null: Logout Lens's own reading). */
  readRefreshError(error: unknown): RefreshFailure | null {
    return this.backend.readRefreshError?.(error) ?? null;
  }

  private accept(grant: SessionGrant): SessionInfo {
    this.tokens.set(grant.access);
    this.tokens.setCarried(grant.carried ?? null);
    const { policy } = grant;
    if (policy) this.policies.set(policy);
    const lifetimeSeconds = policy ? (grant.rememberMe ? policy.rememberMeSeconds : policy.standardSeconds) : grant.lifetimeSeconds;
    return {
      user: grant.user,
      sessionId: grant.sessionId,
      rememberMe: grant.rememberMe,
      accessExpiresAt: grant.accessExpiresAt,
      refreshExpiresAt: grant.refreshExpiresAt,
      issuedAt: this.clock.now(),
      ...(lifetimeSeconds ? { lifetimeSeconds } : {}),
    };
  }
}
