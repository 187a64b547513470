import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { VirtualTimeScheduler, map, of, timer } from 'rxjs';

import { advanceBy } from '../../testing/virtual-time';
import { provideLogoutLensConfig } from '../config/logout-lens.config';
import { SessionInfo } from '../model/session.model';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { SharedSessionWaiter } from '../tabs/shared-session';
import { AuthStorage } from './auth-storage';
import { RefreshEngine, SHARED_TOKEN_WAIT_MS } from './refresh-engine';
import { grantBody } from './session-backend.fixture';
import { AuthApiActions } from './state/auth.actions';
import { initialAuthState } from './state/auth.feature';

const tokenBody = grantBody('fresh-token');

describe('RefreshEngine.retryNow', () => {
  let coordinator: RefreshEngine;
  let backend: HttpTestingController;
  let scheduler: VirtualTimeScheduler;
  let dispatched: string[];

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideMockStore({ initialState: { auth: { ...initialAuthState, status: 'restoring' } } }),
        provideLogoutLensConfig({ refreshRetries: 2, refreshRetryBaseDelayMs: 1000, refreshTimeoutMs: 15_000 }),
        { provide: SESSION_SCHEDULER, useValue: scheduler },
        // Tabs that can share tokens, none of which answers.
        {
          provide: SharedSessionWaiter,
          useValue: {
            next: (ms: number) => timer(ms, scheduler).pipe(map(() => null)),
            signedOutElsewhere: () => of(false),
          },
        },
      ],
    });
    coordinator = TestBed.inject(RefreshEngine);
    backend = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(MockStore);
    dispatched = [];
    jest.spyOn(store, 'dispatch').mockImplementation(((action: Action) => {
      dispatched.push(action.type);
    }) as unknown as MockStore['dispatch']);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  /** Moves virtual time forward by `ms`, firing only the timers due by then. */
  const advance = (ms: number): void => advanceBy(scheduler, ms);

  function refresh() {
    const outcome: { session?: SessionInfo; error?: unknown } = {};
    coordinator.refresh().subscribe({ next: (s) => (outcome.session = s), error: (e) => (outcome.error = e) });
    return outcome;
  }

  const unavailable = { status: 503, statusText: 'Unavailable' };

  /** A reload: auth-storage names a session this tab does not hold yet. */
  function storeSessionOfAnEarlierPage(): void {
    TestBed.inject(AuthStorage).saveSession({
      user: tokenBody.user,
      sessionId: 'session-1',
      rememberMe: true,
      issuedAt: Date.now(),
      accessExpiresAt: Date.now() + 60_000,
      refreshExpiresAt: Date.now() + 86_400_000,
    });
  }

  it('ends the wait before the next attempt: the refresh is sent again at once', () => {
    const outcome = refresh();
    backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);
    backend.expectNone('/v1/auth/refresh/');

    coordinator.retryNow();

    backend.expectOne('/v1/auth/refresh/').flush(tokenBody);
    expect(outcome.session?.sessionId).toBe('session-1');
    expect(dispatched).toEqual([AuthApiActions.tokenRefreshed.type]);
  });

  it('gives up an attempt still unanswered and sends it again, as the same attempt', () => {
    const outcome = refresh();
    const held = backend.expectOne('/v1/auth/refresh/');

    coordinator.retryNow();

    expect(held.cancelled).toBe(true);
    const again = backend.expectOne('/v1/auth/refresh/');
    again.flush({}, unavailable);
    // Still the policy's attempts: two retries after the first, with backoff, then it reports.
    advance(1000);
    backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);
    advance(2000);
    backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);
    expect((outcome.error as HttpErrorResponse).status).toBe(503);
    expect(dispatched).toEqual([AuthApiActions.refreshFailedTransiently.type]);
  });

  it('never ends the session, however often it is asked: the policy\'s attempts decide', () => {
    const outcome = refresh();
    for (let attempt = 0; attempt < 3; attempt++) {
      backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);
      coordinator.retryNow();
    }
    backend.expectNone('/v1/auth/refresh/');
    expect((outcome.error as HttpErrorResponse).status).toBe(503);
    expect(dispatched).toEqual([AuthApiActions.refreshFailedTransiently.type]);
  });

  it('stops waiting for another tab\'s token and sends the refresh', () => {
    // A reload: auth-storage names a session this tab does not hold yet, so the refresh first gives
    // a token another tab may just have fetched a moment to arrive.
    storeSessionOfAnEarlierPage();
    refresh();
    backend.expectNone('/v1/auth/refresh/');

    coordinator.retryNow();

    backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);
    // The retry after this failure, asked for at once, does not wait for another tab either.
    coordinator.retryNow();
    backend.expectOne('/v1/auth/refresh/').flush(tokenBody);
    advance(SHARED_TOKEN_WAIT_MS);
    backend.expectNone('/v1/auth/refresh/');
  });

  it("waits for another tab's token on the first attempt only, not before each retry", () => {
    // A reload with no other tab open and the server unavailable.
    storeSessionOfAnEarlierPage();
    refresh();
    advance(SHARED_TOKEN_WAIT_MS);
    backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);

    // The retry goes out when its backoff (1 s) is over, without another wait for a token.
    advance(1000);
    backend.expectOne('/v1/auth/refresh/').flush({}, unavailable);
    advance(2000);
    backend.expectOne('/v1/auth/refresh/').flush(tokenBody);
    expect(dispatched).toContain(AuthApiActions.tokenRefreshed.type);
  });

  it('does nothing when no refresh is under way', () => {
    coordinator.retryNow();
    backend.expectNone('/v1/auth/refresh/');
    expect(dispatched).toEqual([]);
  });
});
