import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { Store, provideState, provideStore } from '@ngrx/store';

import { provideAuthApiNow } from '../../testing/load-now';
import { AppActions, AuthApiActions, SessionActions, SignInPageActions, UserMenuActions } from '../auth/state/auth.actions';
import { authFeature } from '../auth/state/auth.feature';
import { TokenMonitorActions } from '../diagnostics/state/diagnostics.actions';
import { IdleActions } from '../idle/idle.actions';
import { LogoutTrackerActions } from '../logout/state/logout-tracker.actions';
import { record } from '../model/logout-record.fixture';
import { sessionAt } from '../model/session.fixture';
import { ApiErrorActions } from '../notifications/api-error.actions';
import { CLOCK, SESSION_STORAGE } from '../platform/browser.tokens';
import { TabSyncActions } from '../tabs/state/tab-sync.actions';
import { LogoutLens, SignInFailedError } from './logout-lens';
import { LogoutLensEvent } from './logout-lens-events';

const NOW = Date.UTC(2030, 0, 1);
const session = sessionAt(NOW);

function setUp(stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [['last_logout_reason', stored]] : []);
  TestBed.configureTestingModule({
    providers: [
      provideStore(),
      provideState(authFeature),
      provideEffects(),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideAuthApiNow(),
      { provide: CLOCK, useValue: () => NOW },
      {
        provide: SESSION_STORAGE,
        useValue: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) },
      },
    ],
  });
  const lens = TestBed.inject(LogoutLens);
  const store = TestBed.inject(Store);
  const events: LogoutLensEvent[] = [];
  lens.events$.subscribe((event) => events.push(event));
  return { lens, store, events, http: TestBed.inject(HttpTestingController) };
}

describe('LogoutLens', () => {
  it('emits one typed event per occurrence, in order, never merged', () => {
    const { store, events } = setUp();

    store.dispatch(AppActions.started());
    store.dispatch(AuthApiActions.tokenRefreshed({ session, at: NOW }));
    store.dispatch(AuthApiActions.tokenRefreshed({ session, at: NOW + 1 }));
    store.dispatch(TabSyncActions.sessionShared({ session, at: NOW + 2 }));
    store.dispatch(AuthApiActions.refreshFailedTransiently({ status: 503, reason: 'HTTP 503', at: NOW + 3 }));
    store.dispatch(ApiErrorActions.failedSessionKept({ status: 403, method: 'GET', url: '/v1/x/', at: NOW + 4 }));
    store.dispatch(IdleActions.warned({ limitMs: 60_000, at: NOW + 5 }));
    store.dispatch(TokenMonitorActions.checked({ status: {} as never, late: { expectedAt: NOW, firedAt: NOW + 6, delayMs: 90_000 } }));
    store.dispatch(SessionActions.ended({ logoutType: 'LICENSE_EXPIRED', message: 'Expired.', at: NOW + 7 }));
    store.dispatch(LogoutTrackerActions.recorded({ record: record({ type: 'LICENSE_EXPIRED' }), delivered: true }));

    expect(events.map((e) => e.type)).toEqual([
      'session-restored',
      'token-refreshed',
      'token-refreshed',
      'refresh-retrying',
      'api-error-kept-session',
      'idle-warning',
      'late-timer',
      'signing-out',
      'signed-out',
    ]);
    expect(events[0]).toEqual({ type: 'session-restored', at: NOW, session, by: 'this-tab' });
    expect(events[2]).toMatchObject({ type: 'token-refreshed', by: 'other-tab' });
    expect(events[7]).toEqual({ type: 'signing-out', at: NOW + 7, logoutType: 'LICENSE_EXPIRED', message: 'Expired.', fromOtherTab: false });
    // Nothing secret: no token value, no password, no cookie.
    expect(JSON.stringify(events)).not.toMatch(/eyJ|"(access|refresh|password|token)":/);
  });

  it('tells a session started here from one handed over by another tab', () => {
    const { store, events } = setUp();

    store.dispatch(TabSyncActions.sessionShared({ session, at: NOW }));
    store.dispatch(UserMenuActions.signOutClicked());
    store.dispatch(SessionActions.ended({ logoutType: 'USER_INITIATED', message: 'You signed out.', at: NOW + 1 }));
    store.dispatch(AuthApiActions.signInSucceeded({ session }));

    expect(events.map((e) => e.type)).toEqual(['session-handed-over', 'signing-out', 'session-started']);
  });

  it('keeps the last sign-out, from before a reload and from each new record', () => {
    const before = record({ type: 'TOKEN_EXPIRED' });
    const { lens, store } = setUp(JSON.stringify(before));
    expect(lens.lastSignOut()).toEqual(before);

    const next = record({ id: 'rec-2', type: 'SESSION_REVOKED' });
    store.dispatch(LogoutTrackerActions.recorded({ record: next, delivered: false }));

    expect(lens.lastSignOut()).toEqual(next);
  });

  it('signs in through the store and resolves with the session, or rejects with the reason', async () => {
    const { lens, store } = setUp();
    const dispatch = jest.spyOn(store, 'dispatch');

    const signedIn = lens.signIn({ email: 'dana@example.com', password: 'x', rememberMe: true });
    expect(dispatch).toHaveBeenCalledWith(
      SignInPageActions.signInSubmitted({ credentials: { email: 'dana@example.com', password: 'x', rememberMe: true } }),
    );
    store.dispatch(AuthApiActions.signInSucceeded({ session }));
    await expect(signedIn).resolves.toEqual(session);
    expect(lens.state()).toBe('signed-in');
    expect(lens.session()).toEqual(session);

    const refused = lens.signIn({ email: 'dana@example.com', password: 'y', rememberMe: false });
    store.dispatch(AuthApiActions.signInFailed({ error: { kind: 'invalid-credentials' } }));
    await expect(refused).rejects.toEqual(new SignInFailedError({ kind: 'invalid-credentials' }));
  });

  it("ends the session for the app's own reason", () => {
    const { lens, store } = setUp();
    store.dispatch(AuthApiActions.signInSucceeded({ session }));

    lens.endSession('TENANT_SWITCHED', 'Switched to Acme EU.', {
      tenant: 'acme-eu',
      seats: 12,
      'not a key': 'dropped',
      nested: { no: 1 } as never,
      note: 'x'.repeat(300),
    });

    expect(store.selectSignal(authFeature.selectLastLogout)()).toMatchObject({
      logoutType: 'TENANT_SWITCHED',
      message: 'Switched to Acme EU.',
      at: NOW,
      // Only short, simple facts are kept.
      details: { tenant: 'acme-eu', seats: 12, note: 'x'.repeat(200) },
    });
  });

  it('asks the server for its policy once, and holds what it says', () => {
    const { lens, http } = setUp();

    lens.loadPolicy();
    lens.loadPolicy();
    http.expectOne('/v1/auth/policy/').flush({ access_seconds: 3600, remember_me_seconds: 1_728_000, standard_seconds: 604_800 });

    expect(lens.policy()).toEqual({ accessSeconds: 3600, rememberMeSeconds: 1_728_000, standardSeconds: 604_800 });
    lens.loadPolicy();
    http.verify();
  });
});
