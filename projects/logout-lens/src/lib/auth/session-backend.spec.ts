import { HttpErrorResponse } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, firstValueFrom, of, throwError } from 'rxjs';

import { classifyRefreshError } from './refresh-outcome';
import { parseGrant } from './logout-lens-backend';
import { SESSION_BACKEND, SessionBackend, SessionGrant, withSessionBackend } from './session-backend';
import { grantBody, setUpSessionBackend, signIn, verifySessionBackend } from './session-backend.fixture';

afterEach(verifySessionBackend);

describe("Logout Lens's own backend (the default)", () => {
  it('signs in at {apiBase}{authPath}/login/ and keeps the access token in memory only', async () => {
    const { api, http, tokens } = setUpSessionBackend();

    const signedIn = signIn(api);
    const login = http.expectOne('/api/v2/auth/login/');
    expect(login.request.body).toEqual({
      email: 'dana@example.com',
      password: 'pw',
      remember_me: true,
      device_id: expect.any(String),
    });
    login.flush(grantBody('access-1'));
    const session = await signedIn;

    expect(tokens.get()).toBe('access-1');
    expect(session).toMatchObject({ sessionId: 'session-1', rememberMe: true, lifetimeSeconds: 1_728_000 });
    expect(JSON.stringify(session)).not.toContain('access-1');
  });
});

/** A backend of an app's own, whose refusals say `token_not_valid` for an expired session. */
@Injectable()
class OwnBackend implements SessionBackend {
  readonly grant: SessionGrant = parseGrant(grantBody('own-access'));
  signIn(): Observable<SessionGrant> {
    return of(this.grant);
  }
  refresh(): Observable<SessionGrant> {
    return throwError(() => new HttpErrorResponse({ status: 401, error: { code: 'token_not_valid' } }));
  }
  signOut(): Observable<unknown> {
    return of(null);
  }
  policy() {
    return of(null);
  }
  readRefreshError(error: unknown) {
    return error instanceof HttpErrorResponse && error.status === 401
      ? { kind: 'session-over' as const, logoutType: 'TOKEN_EXPIRED', code: 'token_not_valid', message: 'Expired.' }
      : null;
  }
}

describe('withSessionBackend()', () => {
  it("signs in through the app's backend", async () => {
    const { api, http, tokens } = setUpSessionBackend(withSessionBackend(OwnBackend).ɵproviders);

    await signIn(api);

    http.expectNone(() => true);
    expect(tokens.get()).toBe('own-access');
    expect(TestBed.inject(SESSION_BACKEND)).toBeInstanceOf(OwnBackend);
  });

  it("reads a failed refresh the backend's way, and Logout Lens's way where it has no reading", async () => {
    const { api } = setUpSessionBackend(withSessionBackend(OwnBackend).ɵproviders);
    const error = await firstValueFrom(api.refresh()).catch((e: unknown) => e);
    const read = (e: unknown) => api.readRefreshError(e);

    expect(classifyRefreshError(error, 0, null, null, read)).toMatchObject({ kind: 'session-over', logoutType: 'TOKEN_EXPIRED' });
    expect(classifyRefreshError(error, 0, null, null, null)).toMatchObject({ kind: 'transient', status: 401 });
    const unavailable = new HttpErrorResponse({ status: 503 });
    expect(classifyRefreshError(unavailable, 0, null, null, read)).toMatchObject({ kind: 'transient', status: 503 });
  });
});

describe('parseGrant', () => {
  it.each([null, {}, { access: 'a' }, { access: 'a', access_expires_at: 'soon', refresh_expires_at: '2030-01-20T00:00:00Z' }])(
    'refuses a malformed answer (%j)',
    (body) => {
      expect(() => parseGrant(body)).toThrow('Malformed token response');
    },
  );
});
