import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { firstValueFrom } from 'rxjs';

import { provideLogoutLensConfig } from '../config/logout-lens.config';
import { ApiCallLog } from '../diagnostics/api-call-log';
import { apiCallLogInterceptor } from '../diagnostics/api-call-log.interceptor';
import { SessionInfo } from '../model/session.model';
import { AccessTokenStore } from './access-token.store';
import { AuthApi } from './auth-api';
import { authInterceptor } from './auth.interceptor';
import { initialAuthState } from './state/auth.feature';

/** A sign-in or refresh answer of Logout Lens's own shape, with this access token. */
export const grantBody = (access: string) => ({
  access,
  access_expires_at: '2030-01-01T01:00:00Z',
  refresh_expires_at: '2030-01-20T00:00:00Z',
  session_id: 'session-1',
  remember_me: true,
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  session_policy: { access_seconds: 3600, remember_me_seconds: 1_728_000, standard_seconds: 604_800 },
});

let controller: HttpTestingController | null = null;

/**
 * `AuthApi` over a testing backend, with the interceptors and `apiBase: '/api/v2'`, plus these
 * providers (a session backend feature's). Register `verifySessionBackend` as `afterEach`.
 */
export function setUpSessionBackend(...providers: Provider[]) {
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

/** No request left unanswered, and nothing left in storage. */
export function verifySessionBackend(): void {
  controller?.verify();
  controller = null;
  localStorage.clear();
}

/** Signs Dana in (remember me on). */
export const signIn = (api: AuthApi): Promise<SessionInfo> =>
  firstValueFrom(api.login({ email: 'dana@example.com', password: 'pw', rememberMe: true }));
