import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { firstValueFrom } from 'rxjs';

import { provideLogoutLensConfig } from '../../src/lib/config/logout-lens.config';
import { apiCallLogInterceptor } from '../../src/lib/diagnostics/api-call-log.interceptor';
import { ApiCallLog } from '../../src/lib/diagnostics/api-call-log';
import { isRefreshCall } from '../../src/lib/diagnosis/refresh-calls';
import { SessionInfo } from '../../src/lib/model/session.model';
import { AccessTokenStore } from '../../src/lib/auth/access-token.store';
import { AuthApi } from '../../src/lib/auth/auth-api';
import { authInterceptor } from '../../src/lib/auth/auth.interceptor';
import { initialAuthState } from '../../src/lib/auth/state/auth.feature';
import { withSimpleJwt } from './with-simple-jwt';

const grantBody = (access: string) => ({
  access,
  access_expires_at: '2030-01-01T01:00:00Z',
  refresh_expires_at: '2030-01-20T00:00:00Z',
  session_id: 'session-1',
  remember_me: true,
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  session_policy: { access_seconds: 3600, remember_me_seconds: 1_728_000, standard_seconds: 604_800 },
});

let controller: HttpTestingController | null = null;

function setUp(...providers: Provider[]) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor, apiCallLogInterceptor])),
      provideHttpClientTesting(),
      provideMockStore({ initialState: { auth: initialAuthState } }),
      provideLogoutLensConfig({ apiBase: '/api/v2' }),
      ...providers,
    ],
  });
  controller = TestBed.inject(HttpTestingController);
  return {
    api: TestBed.inject(AuthApi),
    http: controller,
    tokens: TestBed.inject(AccessTokenStore),
    log: TestBed.inject(ApiCallLog),
  };
}

const signIn = (api: AuthApi): Promise<SessionInfo> =>
  firstValueFrom(api.login({ email: 'dana@example.com', password: 'pw', rememberMe: true }));

afterEach(() => {
  controller?.verify();
  controller = null;
  localStorage.clear();
});

const SIMPLE_JWT = withSimpleJwt({
  obtainUrl: '/api/token/',
  refreshUrl: '/api/token/refresh/',
  logoutUrl: '/api/token/logout/',
  policyUrl: '/api/token/policy/',
});

describe('withSimpleJwt()', () => {
  it('signs in at the obtain URL with the account under the USERNAME_FIELD', async () => {
    const { api, http, tokens } = setUp(SIMPLE_JWT.ɵproviders);

    const signedIn = signIn(api);
    const obtain = http.expectOne('/api/token/');
    expect(obtain.request.method).toBe('POST');
    expect(obtain.request.body).toEqual({
      username: 'dana@example.com',
      password: 'pw',
      remember_me: true,
      device_id: expect.any(String),
    });
    obtain.flush(grantBody('simplejwt-access'));
    await signedIn;

    expect(tokens.get()).toBe('simplejwt-access');
  });

  it('refreshes and signs out at its URLs, with the CSRF header and no token, though they are outside apiBase', async () => {
    const { api, http, tokens, log } = setUp(SIMPLE_JWT.ɵproviders);
    tokens.set('old-access');

    const refreshed = firstValueFrom(api.refresh());
    const refresh = http.expectOne('/api/token/refresh/');
    expect(refresh.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(grantBody('new-access'));
    await refreshed;
    expect(tokens.get()).toBe('new-access');

    const signedOut = firstValueFrom(api.logout());
    const logout = http.expectOne('/api/token/logout/');
    expect(logout.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    logout.flush({ detail: 'Signed out.' });
    await signedOut;

    // The diagnosis knows the refresh for one by its mark, not by Logout Lens's own path.
    const [refreshCall, logoutCall] = log.recentCalls();
    expect(refreshCall).toMatchObject({ path: '/api/token/refresh/', status: 200, refresh: true });
    expect(isRefreshCall(refreshCall!)).toBe(true);
    expect(isRefreshCall(logoutCall!)).toBe(false);
  });

  it('reads the policy from policyUrl, and says none without one', async () => {
    const { api, http } = setUp(SIMPLE_JWT.ɵproviders);
    const policy = firstValueFrom(api.policy());
    http.expectOne('/api/token/policy/').flush(grantBody('x').session_policy);
    expect(await policy).toEqual({ accessSeconds: 3600, rememberMeSeconds: 1_728_000, standardSeconds: 604_800 });

    TestBed.resetTestingModule();
    const without = setUp(withSimpleJwt({ obtainUrl: '/t/', refreshUrl: '/t/r/', logoutUrl: '/t/l/' }).ɵproviders);
    expect(await firstValueFrom(without.api.policy())).toBeNull();
  });
});
