import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Action } from '@ngrx/store';
import { BehaviorSubject, Observable, Subject, VirtualTimeScheduler, defer, of, shareReplay, throwError } from 'rxjs';

import { advanceBy } from '../../testing/virtual-time';
import { RefreshCoordinator } from '../auth/refresh-coordinator';
import { SessionActions } from '../auth/state/auth.actions';
import { sessionAt } from '../model/session.fixture';
import { SessionInfo } from '../model/session.model';
import { runLiveSession } from './live-session';
import { LIVE_SESSION_RETRY_MS, LiveSessionEffects } from './live-session-loader';

describe('runLiveSession', () => {
  let scheduler: VirtualTimeScheduler;
  let session$: BehaviorSubject<SessionInfo | null>;
  let loads: number;
  let failFirst: number;
  let idleActions: Subject<Action>;
  let refreshes: Subject<SessionInfo>;
  let dispatched: Action[];
  let coordinator: RefreshCoordinator & { preload: jest.Mock };

  function run(): void {
    const effects = { proactiveRefresh: () => refreshes, enforceIdlePolicy: () => idleActions } as unknown as LiveSessionEffects;
    const effects$: Observable<LiveSessionEffects> = defer(() => {
      loads++;
      return loads <= failFirst ? throwError(() => new TypeError('Failed to fetch dynamically imported module')) : of(effects);
    }).pipe(shareReplay(1));
    runLiveSession(session$, effects$, TestBed.inject(EnvironmentInjector), scheduler, coordinator).subscribe((action) =>
      dispatched.push(action),
    );
  }

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    session$ = new BehaviorSubject<SessionInfo | null>(null);
    loads = 0;
    failFirst = 0;
    idleActions = new Subject<Action>();
    refreshes = new Subject<SessionInfo>();
    dispatched = [];
    coordinator = { preload: jest.fn() } as unknown as RefreshCoordinator & { preload: jest.Mock };
  });

  it('loads nothing while no session is live, then loads once and runs the idle policy and the timer, with the refresh engine', () => {
    run();
    expect(loads).toBe(0);
    expect(coordinator.preload).not.toHaveBeenCalled();

    session$.next(sessionAt(Date.UTC(2030, 0, 1)));
    session$.next(null);
    session$.next(sessionAt(Date.UTC(2030, 0, 2)));
    expect(loads).toBe(1);
    // The refresh engine is loaded too, ahead of the first refresh.
    expect(coordinator.preload).toHaveBeenCalledTimes(1);

    // The idle policy's actions are dispatched; the refreshes the timer starts are not actions.
    const ended = SessionActions.ended({ logoutType: 'IDLE_TIMEOUT', message: 'Idle.', at: 1 });
    idleActions.next(ended);
    refreshes.next(sessionAt(Date.UTC(2030, 0, 3)));
    expect(dispatched).toEqual([ended]);
  });

  it('tries a failed load again until it succeeds', () => {
    failFirst = 2;
    run();
    session$.next(sessionAt(Date.UTC(2030, 0, 1)));
    expect(loads).toBe(1);

    advanceBy(scheduler, LIVE_SESSION_RETRY_MS - 1);
    expect(loads).toBe(1);
    advanceBy(scheduler, 1);
    expect(loads).toBe(2);
    advanceBy(scheduler, LIVE_SESSION_RETRY_MS);
    expect(loads).toBe(3);

    const warned = { type: '[Idle] Warned' };
    idleActions.next(warned);
    expect(dispatched).toEqual([warned]);
  });
});
