import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { VirtualTimeScheduler } from 'rxjs';

import { provideRefreshEngineNow } from '../../testing/load-now';
import { provideLogoutLensConfig } from '../config/logout-lens.config';
import { SessionInfo } from '../model/session.model';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { AccessTokenStore } from './access-token.store';
import { AuthStorage } from './auth-storage';
import { authInterceptor } from './auth.interceptor';
import { grantBody } from './session-backend.fixture';
import { AuthApiActions, SessionActions } from './state/auth.actions';
import { authFeature, initialAuthState } from './state/auth.feature';

/** How long a call with a token known to have expired waits for the refresh, in these specs. */
const HOLD_MS = 3000;

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let tokens: AccessTokenStore;
  let store: MockStore;
  let scheduler: VirtualTimeScheduler;
  let dispatched: string[];

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideRefreshEngineNow(),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideMockStore({ initialState: { auth: initialAuthState } }),
        provideLogoutLensConfig({ expiredTokenWaitMs: HOLD_MS }),
        { provide: SESSION_SCHEDULER, useValue: scheduler },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(AccessTokenStore);
    store = TestBed.inject(MockStore);
    dispatched = [];
    jest.spyOn(store, 'dispatch').mockImplementation(((action: Action) => {
      dispatched.push(action.type);
    }) as unknown as MockStore['dispatch']);
    tokens.set('old-token');
  });

  afterEach(() => {
    backend.verify();
    store.resetSelectors();
    localStorage.clear();
  });

  /**
   * Puts a session in the store (and auth-storage) whose access token expires `inMs` from now,
   * received `ageMs` ago.
   */
  function sessionExpiring(inMs: number, ageMs = 3_600_000 - inMs): SessionInfo {
    const now = Date.now();
    const session: SessionInfo = {
      user: { id: 1, email: 'dana@example.com', name: 'Dana' },
      sessionId: 'session-1',
      rememberMe: true,
      issuedAt: now - ageMs,
      accessExpiresAt: now + inMs,
      refreshExpiresAt: now + 86_400_000,
    };
    store.overrideSelector(authFeature.selectSession, session);
    store.refreshState();
    TestBed.inject(AuthStorage).saveSession(session);
    return session;
  }

  const dataCalls = () => backend.match((r) => r.url.startsWith('/v1/demo/data/'));

  /** Moves virtual time forward by `ms`, firing only the timers due by then. */
  function advance(ms: number): void {
    const target = scheduler.frame + ms;
    scheduler.maxFrames = target;
    scheduler.flush();
    // flush() leaves the frame at the last timer it fired; time has passed all the same, and a
    // bound counted from now must see it (else a timeout never fires in the spec).
    scheduler.frame = target;
  }

  it('attaches the token and the client header to API calls only', () => {
    http.get('/v1/demo/data/').subscribe();
    http.get('https://cdn.example.net/lib.js').subscribe();

    const api = backend.expectOne('/v1/demo/data/');
    expect(api.request.headers.get('Authorization')).toBe('Bearer old-token');
    expect(api.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    const foreign = backend.expectOne('https://cdn.example.net/lib.js');
    expect(foreign.request.headers.has('Authorization')).toBe(false);
    api.flush({});
    foreign.flush({});
  });

  it('turns any number of concurrent 401s into exactly one refresh and retries each once', () => {
    const results: unknown[] = [];
    for (let i = 0; i < 20; i++) http.get(`/v1/demo/data/?n=${i}`).subscribe((r) => results.push(r));

    const first = backend.match((r) => r.url.startsWith('/v1/demo/data/'));
    expect(first).toHaveLength(20);
    first.forEach((r) => r.flush({ code: 'token_not_valid' }, { status: 401, statusText: 'Unauthorized' }));

    const refresh = backend.match('/v1/auth/refresh/');
    expect(refresh).toHaveLength(1);
    expect(refresh[0].request.headers.has('Authorization')).toBe(false);
    refresh[0].flush(grantBody('new-token'));

    const retries = backend.match((r) => r.url.startsWith('/v1/demo/data/'));
    expect(retries).toHaveLength(20);
    retries.forEach((r) => {
      expect(r.request.headers.get('Authorization')).toBe('Bearer new-token');
      r.flush({ ok: true });
    });
    expect(results).toHaveLength(20);
    expect(dispatched).toEqual([AuthApiActions.tokenRefreshed.type]);
  });

  it.each([403, 402, 500, 502, 503, 0])('passes a %s through without refreshing or signing out', (status) => {
    let error: HttpErrorResponse | undefined;
    http.get('/v1/demo/data/').subscribe({ error: (e) => (error = e) });

    const request = backend.expectOne('/v1/demo/data/');
    if (status === 0) request.error(new ProgressEvent('error'));
    else request.flush({}, { status, statusText: 'x' });

    expect(error?.status).toBe(status);
    backend.expectNone('/v1/auth/refresh/');
    expect(dispatched).toEqual([]);
  });

  it('retries a refresh that fails transiently with backoff, and keeps the session', () => {
    let result: unknown;
    http.get('/v1/demo/data/').subscribe((r) => (result = r));
    backend.expectOne('/v1/demo/data/').flush({}, { status: 401, statusText: 'Unauthorized' });

    for (let attempt = 0; attempt < 3; attempt++) {
      backend.expectOne('/v1/auth/refresh/').flush({}, { status: 503, statusText: 'Unavailable' });
      backend.expectNone('/v1/auth/refresh/');
      advance(1000 * 2 ** attempt);
    }
    backend.expectOne('/v1/auth/refresh/').flush(grantBody('new-token'));
    backend.expectOne('/v1/demo/data/').flush({ ok: true });

    expect(result).toEqual({ ok: true });
    expect(dispatched).toEqual([AuthApiActions.tokenRefreshed.type]);
  });

  it('reports a refresh that keeps failing transiently without signing out', () => {
    let error: HttpErrorResponse | undefined;
    http.get('/v1/demo/data/').subscribe({ error: (e) => (error = e) });
    backend.expectOne('/v1/demo/data/').flush({}, { status: 401, statusText: 'Unauthorized' });

    for (let attempt = 0; attempt < 5; attempt++) {
      backend.expectOne('/v1/auth/refresh/').error(new ProgressEvent('error'));
      advance(1000 * 2 ** attempt);
    }

    expect(error?.status).toBe(0);
    expect(dispatched).toEqual([AuthApiActions.refreshFailedTransiently.type]);
  });

  it('ends the session when the refresh answers session-over', () => {
    http.get('/v1/demo/data/').subscribe({ error: () => undefined });
    backend.expectOne('/v1/demo/data/').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne('/v1/auth/refresh/')
      .flush({ code: 'refresh_revoked' }, { status: 401, statusText: 'Unauthorized' });
    // First it listens briefly for another tab that already signed out.
    expect(store.dispatch).not.toHaveBeenCalled();
    advance(300);

    expect(store.dispatch).toHaveBeenCalledWith(
      expect.objectContaining({ type: SessionActions.ended.type, logoutType: 'SESSION_REVOKED' }),
    );
  });

  it('ends the session as AUTH_ERROR when the retry is refused after a good refresh', () => {
    http.get('/v1/demo/data/').subscribe({ error: () => undefined });
    backend.expectOne('/v1/demo/data/').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/v1/auth/refresh/').flush(grantBody('new-token'));
    backend.expectOne('/v1/demo/data/').flush({}, { status: 401, statusText: 'Unauthorized' });

    expect(store.dispatch).toHaveBeenCalledWith(
      expect.objectContaining({ type: SessionActions.ended.type, logoutType: 'AUTH_ERROR' }),
    );
  });

  describe('a token this tab knows has expired (a laptop that slept)', () => {
    it('holds the calls for the one shared refresh and sends each once, with the new token: no 401', () => {
      sessionExpiring(-1000);
      const results: unknown[] = [];
      for (let i = 0; i < 20; i++) http.get(`/v1/demo/data/?n=${i}`).subscribe((r) => results.push(r));

      expect(dataCalls()).toHaveLength(0);
      backend.expectOne('/v1/auth/refresh/').flush(grantBody('new-token'));

      const calls = dataCalls();
      expect(calls).toHaveLength(20);
      calls.forEach((r) => {
        expect(r.request.headers.get('Authorization')).toBe('Bearer new-token');
        r.flush({ ok: true });
      });
      expect(results).toHaveLength(20);
      backend.expectNone('/v1/auth/refresh/');
      expect(dispatched).toEqual([AuthApiActions.tokenRefreshed.type]);
    });

    it('sends the call with the old token once the bound is reached while the refresh hangs, and surfaces its error', () => {
      sessionExpiring(-1000);
      let error: HttpErrorResponse | undefined;
      http.get('/v1/demo/data/').subscribe({ error: (e) => (error = e) });
      const refresh = backend.expectOne('/v1/auth/refresh/');

      advance(HOLD_MS - 1);
      expect(dataCalls()).toHaveLength(0);
      advance(1);
      const [call] = dataCalls();
      expect(call.request.headers.get('Authorization')).toBe('Bearer old-token');
      call.error(new ProgressEvent('error'));

      expect(error?.status).toBe(0);
      expect(dispatched).toEqual([]);
      // The call was the refresh's only listener: giving up let the refresh go.
      expect(refresh.cancelled).toBe(true);
    });

    it('sends the call after the bound while the refresh keeps failing, and never signs out', () => {
      sessionExpiring(-1000);
      let error: HttpErrorResponse | undefined;
      http.get('/v1/demo/data/').subscribe({ error: (e) => (error = e) });

      backend.expectOne('/v1/auth/refresh/').flush({}, { status: 503, statusText: 'Unavailable' });
      advance(1000);
      backend.expectOne('/v1/auth/refresh/').flush({}, { status: 503, statusText: 'Unavailable' });
      advance(HOLD_MS - 1000 - 1);
      expect(dataCalls()).toHaveLength(0);
      advance(1);
      const [call] = dataCalls();
      expect(call.request.headers.get('Authorization')).toBe('Bearer old-token');
      call.flush({}, { status: 503, statusText: 'Unavailable' });
      expect(error?.status).toBe(503);

      advance(60_000);
      expect(store.dispatch).not.toHaveBeenCalledWith(expect.objectContaining({ type: SessionActions.ended.type }));
    });

    it('fails the call without sending it when the refresh says the session is over', () => {
      sessionExpiring(-1000);
      let error: HttpErrorResponse | undefined;
      http.get('/v1/demo/data/').subscribe({ error: (e) => (error = e) });
      backend
        .expectOne('/v1/auth/refresh/')
        .flush({ code: 'refresh_revoked' }, { status: 401, statusText: 'Unauthorized' });
      advance(HOLD_MS);

      expect(dataCalls()).toHaveLength(0);
      expect(error?.status).toBe(401);
      expect(store.dispatch).toHaveBeenCalledWith(
        expect.objectContaining({ type: SessionActions.ended.type, logoutType: 'SESSION_REVOKED' }),
      );
    });

    it('sends the call straight away when even the token just received looks expired (a clock estimate that is off)', () => {
      sessionExpiring(-1000, 500);
      http.get('/v1/demo/data/').subscribe();

      const [call] = dataCalls();
      expect(call.request.headers.get('Authorization')).toBe('Bearer old-token');
      backend.expectNone('/v1/auth/refresh/');
      call.flush({ ok: true });
    });

    it('sends a call with a token that is still valid straight away', () => {
      sessionExpiring(60_000);
      http.get('/v1/demo/data/').subscribe();

      const [call] = dataCalls();
      expect(call.request.headers.get('Authorization')).toBe('Bearer old-token');
      backend.expectNone('/v1/auth/refresh/');
      call.flush({ ok: true });
    });
  });
});
