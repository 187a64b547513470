import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { isRefreshCall } from '../../src/lib/diagnosis/refresh-calls';
import { grantBody, setUpSessionBackend, signIn, verifySessionBackend } from '../../src/lib/auth/session-backend.fixture';
import { withSimpleJwt } from './with-simple-jwt';

afterEach(verifySessionBackend);

const SIMPLE_JWT = withSimpleJwt({
  obtainUrl: '/api/token/',
  refreshUrl: '/api/token/refresh/',
  logoutUrl: '/api/token/logout/',
  policyUrl: '/api/token/policy/',
});

describe('withSimpleJwt()', () => {
  it('signs in at the obtain URL with the account under the USERNAME_FIELD', async () => {
    const { api, http, tokens } = setUpSessionBackend(SIMPLE_JWT.ɵproviders);

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
    const { api, http, tokens, log } = setUpSessionBackend(SIMPLE_JWT.ɵproviders);
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
    const { api, http } = setUpSessionBackend(SIMPLE_JWT.ɵproviders);
    const policy = firstValueFrom(api.policy());
    http.expectOne('/api/token/policy/').flush(grantBody('x').session_policy);
    expect(await policy).toEqual({ accessSeconds: 3600, rememberMeSeconds: 1_728_000, standardSeconds: 604_800 });

    TestBed.resetTestingModule();
    const without = setUpSessionBackend(withSimpleJwt({ obtainUrl: '/t/', refreshUrl: '/t/r/', logoutUrl: '/t/l/' }).ɵproviders);
    expect(await firstValueFrom(without.api.policy())).toBeNull();
  });
});
