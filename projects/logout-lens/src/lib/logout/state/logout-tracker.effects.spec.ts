import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { Store, provideState, provideStore } from '@ngrx/store';
import { Observable, VirtualTimeScheduler, defer, filter, map, of } from 'rxjs';

import { AppActions, AuthApiActions, SessionActions } from '../../auth/state/auth.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { DEFAULT_LOGOUT_LENS_CONFIG, LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { sessionAt } from '../../model/session.fixture';
import { LOCAL_STORAGE, WINDOW } from '../../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { advanceBy } from '../../../testing/virtual-time';
import { LOGOUT_EVENT_QUEUE_KEY } from '../logout-event-queue';
import { alertBeforeRedirect, flushLogoutEvents, preloadSignOutPath, recordLogout } from './logout-tracker.effects';
import { SIGN_OUT_PATH, SignOutPath } from './sign-out-path';

const NOW = Date.UTC(2030, 0, 1);
const session = sessionAt(NOW);

/** A sign-out path that says what it was asked: each ended session it sees, each flush. */
function fakePath() {
  const seen: string[] = [];
  const endedTypes = () =>
    inject(Store)
      .select(authFeature.selectLastLogout)
      .pipe(
        filter((ended) => ended !== null),
        map((ended) => ended.logoutType),
      );
  const path = {
    recordLogout: () => endedTypes().pipe(map((type) => ({ type: `recorded ${type}` }))),
    alertBeforeRedirect: () => endedTypes().pipe(map((type) => seen.push(`alerted ${type}`))),
    flushLogoutEvents: () => defer(() => of(seen.push('flushed'))),
  } as unknown as SignOutPath;
  return { path, seen };
}

function setUp(queued: string | null = null) {
  const { path, seen } = fakePath();
  let loads = 0;
  const scheduler = new VirtualTimeScheduler();
  const storage = { getItem: (key: string) => (key === LOGOUT_EVENT_QUEUE_KEY ? queued : null) };
  TestBed.configureTestingModule({
    providers: [
      provideStore(),
      provideState(authFeature),
      provideEffects(),
      { provide: SIGN_OUT_PATH, useValue: defer(() => (loads++, of(path))) },
      { provide: LOCAL_STORAGE, useValue: storage },
      { provide: WINDOW, useValue: null },
      { provide: SESSION_SCHEDULER, useValue: scheduler },
      { provide: LOGOUT_LENS_CONFIG, useValue: DEFAULT_LOGOUT_LENS_CONFIG },
    ],
  });
  const store = TestBed.inject(Store);
  const run = <T>(effect: () => Observable<T>) => runInInjectionContext(TestBed.inject(EnvironmentInjector), effect);
  return { store, seen, run, scheduler, loads: () => loads };
}

const ended = (logoutType: 'USER_INITIATED' | 'SESSION_REVOKED') =>
  SessionActions.ended({ logoutType, message: 'The session ended.', at: NOW });

describe('the sign-out path, loaded on demand', () => {
  it('is not loaded while nothing has ended; the first sign-out loads it, and it sees that one and every later one', () => {
    const { store, seen, run, loads } = setUp();
    const recorded: unknown[] = [];
    run(() => recordLogout()).subscribe((action) => recorded.push(action));
    run(() => alertBeforeRedirect()).subscribe();
    store.dispatch(AuthApiActions.signInSucceeded({ session }));

    expect(loads()).toBe(0);

    store.dispatch(ended('SESSION_REVOKED'));
    store.dispatch(AuthApiActions.signInSucceeded({ session }));
    store.dispatch(ended('USER_INITIATED'));

    expect(recorded).toEqual([{ type: 'recorded SESSION_REVOKED' }, { type: 'recorded USER_INITIATED' }]);
    expect(seen).toEqual(['alerted SESSION_REVOKED', 'alerted USER_INITIATED']);
  });

  it('is loaded ahead once a session is live, so that a sign-out needs no download', () => {
    const { store, run, loads } = setUp();
    run(() => preloadSignOutPath()).subscribe();
    expect(loads()).toBe(0);

    store.dispatch(AuthApiActions.signInSucceeded({ session }));

    expect(loads()).toBe(1);
  });

  it('flushes the outbox on start only when an undelivered event waits', () => {
    const empty = setUp(null);
    empty.run(() => flushLogoutEvents()).subscribe();
    empty.store.dispatch(AppActions.started());
    advanceBy(empty.scheduler, DEFAULT_LOGOUT_LENS_CONFIG.sessionCheckIntervalMs);
    expect(empty.loads()).toBe(0);
    expect(empty.seen).toEqual([]);

    TestBed.resetTestingModule();
    const waiting = setUp('[{"type":"USER_INITIATED"}]');
    waiting.run(() => flushLogoutEvents()).subscribe();
    waiting.store.dispatch(AppActions.started());
    expect(waiting.seen).toEqual(['flushed']);
  });
});
