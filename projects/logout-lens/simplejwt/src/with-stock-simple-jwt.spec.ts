import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { firstValueFrom } from 'rxjs';

import { LOGOUT_EVENTS_URL, provideLogoutLensConfig } from '../../src/lib/config/logout-lens.config';
import { CLOCK } from '../../src/lib/platform/browser.tokens';
import { AccessTokenStore } from '../../src/lib/auth/access-token.store';
import { AuthApi } from '../../src/lib/auth/auth-api';
import { authInterceptor } from '../../src/lib/auth/auth.interceptor';
import { classifyRefreshError } from '../../src/lib/auth/refresh-outcome';
import { initialAuthState } from '../../src/lib/auth/state/auth.feature';
import { RefreshTokenNotKept, StockRefreshRefused, jwtClaims, withStockSimpleJwt } from './with-stock-simple-jwt';

const NOW = Date.UTC(2030, 0, 1);

/** An unsigned JWT with these claims (the browser only reads them; the server verifies). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

const access = (n: number, expInS = 300) => jwt({ token_type: 'access', exp: NOW / 1000 + expInS, jti: `a${n}`, user_id: 7 });
const refresh = (n: number, expInS = 86_400) =>
  jwt({ token_type: 'refresh', iat: NOW / 1000, exp: NOW / 1000 + expInS, jti: `r${n}`, user_id: 7 });

function setUp(options: { blacklistUrl?: string } = {}) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideMockStore({ initialState: { auth: initialAuthState } }),
      provideLogoutLensConfig({ apiBase: '/api' }),
      { provide: CLOCK, useValue: () => NOW },
      ...withStockSimpleJwt({ obtainUrl: '/api/token/', refreshUrl: '/api/token/refresh/', ...options }).ɵproviders,
    ],
  });
  return {
    api: TestBed.inject(AuthApi),
    http: TestBed.inject(HttpTestingController),
    tokens: TestBed.inject(AccessTokenStore),
  };
}

async function signedIn(setup: ReturnType<typeof setUp>) {
  const session = firstValueFrom(setup.api.login({ email: 'dana', password: 'pw', rememberMe: true }));
  const request = setup.http.expectOne('/api/token/');
  expect(request.request.body).toEqual({ username: 'dana', password: 'pw' });
  request.flush({ access: access(1), refresh: refresh(1) });
  return session;
}

async function refreshFails(setup: ReturnType<typeof setUp>, status: number, body: object | null): Promise<unknown> {
  const failed = firstValueFrom(setup.api.refresh(null)).catch((error: unknown) => error);
  setup.http.expectOne('/api/token/refresh/').flush(body, { status, statusText: 'Refused' });
  return failed;
}

describe('withStockSimpleJwt', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs in with the username and keeps both tokens in memory, the session named by the refresh token', async () => {
    const setup = setUp();
    const session = await signedIn(setup);

    expect(session).toMatchObject({
      sessionId: 'r1',
      // What the person asked for (stock simplejwt ignores it), and REFRESH_TOKEN_LIFETIME from the token.
      rememberMe: true,
      lifetimeSeconds: 86_400,
      user: { id: 7, email: 'dana', name: 'dana' },
      accessExpiresAt: NOW + 300_000,
      refreshExpiresAt: NOW + 86_400_000,
    });
    expect(setup.tokens.get()).toBe(access(1));
    expect(setup.tokens.carried()).toBe(refresh(1));
    expect(JSON.stringify(localStorage)).not.toContain(refresh(1));
  });

  it('refreshes with the refresh token in the body, and keeps the rotated one; the session keeps its id and user', async () => {
    const setup = setUp();
    const first = await signedIn(setup);

    const renewed = firstValueFrom(setup.api.refresh(first));
    const request = setup.http.expectOne('/api/token/refresh/');
    expect(request.request.body).toEqual({ refresh: refresh(1) });
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({ access: access(2), refresh: refresh(2, 90_000) });

    expect(await renewed).toMatchObject({ sessionId: 'r1', user: first.user, refreshExpiresAt: NOW + 90_000_000 });
    expect(setup.tokens.get()).toBe(access(2));
    expect(setup.tokens.carried()).toBe(refresh(2, 90_000));
  });

  it('keeps the same refresh token when the project does not rotate', async () => {
    const setup = setUp();
    const first = await signedIn(setup);
    const renewed = firstValueFrom(setup.api.refresh(first));
    setup.http.expectOne('/api/token/refresh/').flush({ access: access(2) });
    await renewed;
    expect(setup.tokens.carried()).toBe(refresh(1));
  });

  it('ends the session as SESSION_NOT_KEPT when no tab holds the refresh token (a reload with no other tab open)', async () => {
    const { api } = setUp();
    const error = await firstValueFrom(api.refresh(null)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RefreshTokenNotKept);
    expect(classifyRefreshError(error, NOW, null, null, (e) => api.readRefreshError(e))).toMatchObject({
      kind: 'session-over',
      logoutType: 'SESSION_NOT_KEPT',
      code: 'refresh_not_kept',
    });
  });

  it("tells an expiry from the token's own exp on the server's clock, since simplejwt's code cannot", async () => {
    const setup = setUp();
    setup.tokens.setCarried(refresh(1, -5));
    const error = await refreshFails(setup, 401, { detail: 'Token is invalid', code: 'token_not_valid' });

    expect(error).toBeInstanceOf(StockRefreshRefused);
    expect(setup.api.readRefreshError(error)).toMatchObject({ logoutType: 'TOKEN_EXPIRED', code: 'token_not_valid' });
  });

  it('reads a refusal before exp as SESSION_REVOKED with simplejwt\'s code, and no_active_account as ACCOUNT_DISABLED', async () => {
    const setup = setUp();
    setup.tokens.setCarried(refresh(1));
    const blacklisted = await refreshFails(setup, 401, { detail: 'Token is blacklisted', code: 'token_not_valid' });
    expect(setup.api.readRefreshError(blacklisted)).toMatchObject({ logoutType: 'SESSION_REVOKED', code: 'token_not_valid' });

    const inactive = await refreshFails(setup, 401, { detail: 'No active account', code: 'no_active_account' });
    expect(setup.api.readRefreshError(inactive)).toMatchObject({ logoutType: 'ACCOUNT_DISABLED', code: 'no_active_account' });
  });

  it('leaves 5xx and network failures transient: they never end the session', async () => {
    const setup = setUp();
    setup.tokens.setCarried(refresh(1));
    const unavailable = await refreshFails(setup, 503, null);
    expect(setup.api.readRefreshError(unavailable)).toBeNull();
    expect(classifyRefreshError(unavailable, NOW, null, null, (e) => setup.api.readRefreshError(e)).kind).toBe('transient');
  });

  it('blacklists the refresh token at sign-out where the project serves TokenBlacklistView, after the session was forgotten', async () => {
    const setup = setUp({ blacklistUrl: '/api/token/blacklist/' });
    await signedIn(setup);
    setup.tokens.clear();

    const done = firstValueFrom(setup.api.logout());
    const request = setup.http.expectOne('/api/token/blacklist/');
    expect(request.request.body).toEqual({ refresh: refresh(1) });
    request.flush({});
    await done;
    expect(setup.tokens.takeRetired()).toBeNull();
  });

  it('signs out here only without a blacklist view, and keeps no audit trail URL', async () => {
    const setup = setUp();
    await signedIn(setup);
    setup.tokens.clear();
    await firstValueFrom(setup.api.logout());
    expect(TestBed.inject(LOGOUT_EVENTS_URL)).toBeNull();
  });
});

describe('jwtClaims', () => {
  it('reads a JWT\'s claims, and those of a malformed token as none', () => {
    expect(jwtClaims('not-a-jwt')).toEqual({});
    expect(jwtClaims('a.###.c')).toEqual({});
    expect(jwtClaims(refresh(3))).toMatchObject({ jti: 'r3', user_id: 7 });
  });
});
