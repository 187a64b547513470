import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, catchError, map, of, throwError } from 'rxjs';

import {
  LOGOUT_EVENTS_URL,
  LogoutLensFeature,
  RefreshContext,
  RefreshFailure,
  SESSION_BACKEND,
  ServerClock,
  SessionBackend,
  SessionGrant,
  SessionPolicy,
  SessionUser,
  SignInRequest,
  logoutLensFeature,
  newDeviceId,
  readCode,
  sessionCall,
} from '@logout-lens/angular';

/** Where a stock djangorestframework-simplejwt project serves its views, and how its tokens name things. */
export interface StockSimpleJwtOptions {
  /** `TokenObtainPairView`: `/api/token/`. */
  obtainUrl: string;
  /** `TokenRefreshView`: `/api/token/refresh/`. */
  refreshUrl: string;
  /**
   * `TokenBlacklistView` (`/api/token/blacklist/`, with `rest_framework_simplejwt.token_blacklist`
   * installed): a sign-out blacklists the refresh token there, so the session ends on the server
   * too. Without it a sign-out forgets the token in every tab, and the server still takes it until
   * its `exp`.
   */
  blacklistUrl?: string;
  /** The field of the obtain body that names the account: the user model's USERNAME_FIELD (`'username'`). */
  usernameField?: string;
  /** simplejwt's `USER_ID_CLAIM` (`'user_id'`). */
  userIdClaim?: string;
}

export const STOCK_SIMPLE_JWT_OPTIONS = new InjectionToken<StockSimpleJwtOptions>('LOGOUT_LENS_STOCK_SIMPLE_JWT');

/** A refresh was due, but this tab holds no refresh token: it lived in a tab's memory, and no open tab had it. */
export class RefreshTokenNotKept extends Error {
  constructor() {
    super('No open tab holds the refresh token (it is kept in memory only).');
    this.name = 'RefreshTokenNotKept';
  }
}

/** simplejwt refused the refresh token (401), with whether its own `exp` had passed on the server's clock. */
export class StockRefreshRefused extends Error {
  constructor(
    readonly answer: HttpErrorResponse,
    readonly expired: boolean,
  ) {
    super(`simplejwt refused the refresh token (${readCode(answer.error) ?? `HTTP ${answer.status}`}).`);
    this.name = 'StockRefreshRefused';
  }
}

/**
 * Sessions from a stock djangorestframework-simplejwt project that cannot change: its
 * `TokenObtainPairView` and `TokenRefreshView` answer the refresh token in the body. Logout Lens
 * keeps it in memory only (never in web storage), hands it between tabs over BroadcastChannel,
 * and serialises refreshes across tabs, so rotation with `BLACKLIST_AFTER_ROTATION` never meets a
 * used token on a race. simplejwt answers every refusal with `token_not_valid`, so an expiry is
 * told from the token's own `exp` against the estimated server time; a reload with no other tab
 * open cannot keep the session and ends it as SESSION_NOT_KEPT.
 */
@Injectable()
export class StockSimpleJwtBackend implements SessionBackend {
  private readonly http = inject(HttpClient);
  private readonly options = inject(STOCK_SIMPLE_JWT_OPTIONS);
  private readonly serverClock = inject(ServerClock);

  signIn({ email, password, rememberMe }: SignInRequest): Observable<SessionGrant> {
    const body = { [this.options.usernameField ?? 'username']: email, password };
    return this.http.post(this.options.obtainUrl, body, { context: sessionCall('sign-in') }).pipe(
      map((answer) => {
        const { access, refresh } = readPair(answer);
        if (!refresh) throw new Error('Malformed token response');
        const claims = jwtClaims(refresh);
        const sessionId = typeof claims['jti'] === 'string' && claims['jti'].length <= 64 ? claims['jti'] : newDeviceId();
        const id = claims[this.options.userIdClaim ?? 'user_id'];
        const user: SessionUser = { id: typeof id === 'number' || typeof id === 'string' ? id : '', email, name: email };
        // What the person asked for: stock simplejwt has no "Remember me" (the diagnosis says so).
        return this.grant(access, refresh, sessionId, user, rememberMe);
      }),
    );
  }

  refresh({ carried, previous }: RefreshContext): Observable<SessionGrant> {
    if (!carried) return throwError(() => new RefreshTokenNotKept());
    return this.http.post(this.options.refreshUrl, { refresh: carried }, { context: sessionCall('refresh') }).pipe(
      map((answer) => {
        const { access, refresh } = readPair(answer);
        // Without ROTATE_REFRESH_TOKENS the same refresh token goes on until its exp.
        const next = refresh ?? carried;
        const user = previous?.user ?? { id: '', email: '', name: '' };
        return this.grant(access, next, previous?.sessionId || newDeviceId(), user, previous?.rememberMe ?? false);
      }),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof HttpErrorResponse && error.status === 401
            ? new StockRefreshRefused(error, expiresAt(jwtClaims(carried)) <= this.serverClock.now())
            : error,
        ),
      ),
    );
  }

  /** Blacklists the refresh token where the project serves `TokenBlacklistView`. */
  signOut(context?: RefreshContext): Observable<unknown> {
    const { blacklistUrl } = this.options;
    if (!blacklistUrl || !context?.carried) return of(null);
    return this.http.post(blacklistUrl, { refresh: context.carried }, { context: sessionCall('sign-out') });
  }

  /** Stock simplejwt states no policy: the session lasts as long as its refresh token says. */
  policy(): Observable<SessionPolicy | null> {
    return of(null);
  }

  readRefreshError(error: unknown): RefreshFailure | null {
    if (error instanceof RefreshTokenNotKept) {
      return {
        kind: 'session-over',
        logoutType: 'SESSION_NOT_KEPT',
        code: 'refresh_not_kept',
        message: 'The refresh token lived in memory only, and no open tab held it after the reload.',
      };
    }
    if (!(error instanceof StockRefreshRefused)) return null;
    if (error.expired) {
      return {
        kind: 'session-over',
        logoutType: 'TOKEN_EXPIRED',
        // simplejwt's own code: the rules that know simplejwt read it.
        code: readCode(error.answer.error) ?? 'token_not_valid',
        message: "The refresh token passed its own expiry (exp) on the server's clock.",
      };
    }
    const code = readCode(error.answer.error) ?? `HTTP ${error.answer.status}`;
    if (code === 'no_active_account') {
      return { kind: 'session-over', logoutType: 'ACCOUNT_DISABLED', code, message: 'simplejwt found no active account for the token.' };
    }
    return {
      kind: 'session-over',
      logoutType: 'SESSION_REVOKED',
      code,
      message:
        'simplejwt refused the refresh token before its expiry (blacklisted, or signed with another key); stock simplejwt does not say which.',
    };
  }

  private grant(access: string, refresh: string, sessionId: string, user: SessionUser, rememberMe: boolean): SessionGrant {
    const claims = jwtClaims(refresh);
    const accessExpiresAt = expiresAt(jwtClaims(access));
    const refreshExpiresAt = expiresAt(claims);
    if (!Number.isFinite(accessExpiresAt) || !Number.isFinite(refreshExpiresAt)) throw new Error('Malformed token response');
    const iat = claims['iat'];
    const lifetimeSeconds = typeof iat === 'number' && iat * 1000 < refreshExpiresAt ? refreshExpiresAt / 1000 - iat : undefined;
    return { access, accessExpiresAt, refreshExpiresAt, sessionId, rememberMe, user, policy: null, carried: refresh, lifetimeSeconds };
  }
}

/** `{access, refresh?}` from an answer, or an error for anything else. */
function readPair(answer: unknown): { access: string; refresh: string | null } {
  const body = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  if (typeof body['access'] !== 'string') throw new Error('Malformed token response');
  return { access: body['access'], refresh: typeof body['refresh'] === 'string' ? body['refresh'] : null };
}

/** A JWT's claims, read without verifying it (the server verifies; this only reads `exp`, `jti` and the user id). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part || part.length > 8192) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const value: unknown = JSON.parse(atob(base64));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The `exp` of a JWT's claims in epoch ms, or NaN. */
function expiresAt(claims: Record<string, unknown>): number {
  const exp = claims['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : NaN;
}

/**
 * Sessions from a stock djangorestframework-simplejwt project (`TokenObtainPairView`,
 * `TokenRefreshView`, optionally `TokenBlacklistView`), as well as can be had without changing it:
 * the refresh token in memory only, handed between tabs; refreshes serialised across tabs;
 * expiry told from the token's `exp`. A reload with no other tab open ends the session
 * (SESSION_NOT_KEPT), and there is no audit trail on the server. To keep sessions across reloads,
 * with every end told by its own code, mount `logout_lens.contrib.simplejwt` and use
 * `withSimpleJwt()`.
 *
 * ```ts
 * provideLogoutLens(
 *   { appName: 'Acme', apiBase: '/api' },
 *   withStockSimpleJwt({ obtainUrl: '/api/token/', refreshUrl: '/api/token/refresh/', blacklistUrl: '/api/token/blacklist/' }),
 * )
 * ```
 */
export function withStockSimpleJwt(options: StockSimpleJwtOptions): LogoutLensFeature<'SessionBackend'> {
  return logoutLensFeature('SessionBackend', [
    { provide: STOCK_SIMPLE_JWT_OPTIONS, useValue: options },
    StockSimpleJwtBackend,
    { provide: SESSION_BACKEND, useExisting: StockSimpleJwtBackend },
    { provide: LOGOUT_EVENTS_URL, useValue: null },
  ]);
}
