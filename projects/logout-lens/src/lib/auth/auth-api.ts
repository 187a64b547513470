import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { LOGOUT_LENS_CONFIG, authBase } from '../config/logout-lens.config';
import { Credentials, SessionInfo, SessionPolicy, SessionUser, parseSessionPolicy } from '../model/session.model';
import { AccessTokenStore } from './access-token.store';
import { SILENT_ERRORS } from './api-request';
import { AuthStorage } from './auth-storage';
import { ServerClock } from './server-clock';
import { SessionPolicyStore } from './session-policy';

/** The body of a login or refresh answer. */
interface TokenResponse {
  access: string;
  access_expires_at: string;
  refresh_expires_at: string;
  session_id: string;
  remember_me: boolean;
  user: SessionUser;
  session_policy?: unknown;
}

/**
 * The session endpoints. Token answers are unpacked here: the access token goes to the in-memory
 * AccessTokenStore, and callers get only the non-secret SessionInfo.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly tokens = inject(AccessTokenStore);
  private readonly clock = inject(ServerClock);
  private readonly storage = inject(AuthStorage);
  private readonly policies = inject(SessionPolicyStore);
  private readonly base = `${authBase(inject(LOGOUT_LENS_CONFIG))}`;

  login(credentials: Credentials): Observable<SessionInfo> {
    const body = {
      email: credentials.email,
      password: credentials.password,
      remember_me: credentials.rememberMe,
      device_id: this.storage.deviceId(),
    };
    return this.http
      .post<TokenResponse>(`${this.base}/login/`, body, { observe: 'response', context: silent() })
      .pipe(map((response) => this.acceptTokens(response)));
  }

  /** Rotates the refresh cookie and returns a fresh access token's session. */
  refresh(): Observable<SessionInfo> {
    return this.http
      .post<TokenResponse>(`${this.base}/refresh/`, {}, { observe: 'response', context: silent() })
      .pipe(map((response) => this.acceptTokens(response)));
  }

  /**
   * Changes the password. The server ends every session of the user as PASSWORD_CHANGED and
   * answers like a sign-in with a fresh session for this browser (its cookie and access token).
   * Failures are the caller's to show: 400 carries Django's messages per field.
   */
  changePassword(currentPassword: string, newPassword: string): Observable<SessionInfo> {
    const body = { current_password: currentPassword, new_password: newPassword };
    return this.http
      .post<TokenResponse>(`${this.base}/change-password/`, body, { observe: 'response', context: silent() })
      .pipe(map((response) => this.acceptTokens(response)));
  }

  /** The session policy, as the server states it to anyone (for a sign-in page). */
  policy(): Observable<SessionPolicy | null> {
    return this.http.get<unknown>(`${this.base}/policy/`, { context: silent() }).pipe(map(parseSessionPolicy));
  }

  /** Revokes this session on the server and clears the refresh cookie. */
  logout(): Observable<unknown> {
    return this.http.post(`${this.base}/logout/`, {}, { context: silent() });
  }

  private acceptTokens(response: HttpResponse<TokenResponse>): SessionInfo {
    const body = response.body;
    if (!body || typeof body.access !== 'string') throw new Error('Malformed token response');
    this.tokens.set(body.access);
    const policy = parseSessionPolicy(body.session_policy);
    if (policy) this.policies.set(policy);
    return {
      user: body.user,
      sessionId: body.session_id,
      rememberMe: body.remember_me,
      accessExpiresAt: Date.parse(body.access_expires_at),
      refreshExpiresAt: Date.parse(body.refresh_expires_at),
      issuedAt: this.clock.now(),
      ...(policy ? { lifetimeSeconds: body.remember_me ? policy.rememberMeSeconds : policy.standardSeconds } : {}),
    };
  }
}

/** Session calls report their own failures: the sign-in and change-password pages inline, refresh through the store. */
function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
