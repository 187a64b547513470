import { HttpErrorResponse } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { Observable, Subject, VirtualTimeScheduler, defer, of, throwError } from 'rxjs';

import { advanceBy } from '../../testing/virtual-time';
import { SessionInfo } from '../model/session.model';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { REFRESH_ENGINE_LOADER, RefreshCoordinator, RefreshEngineModule } from './refresh-coordinator';
import { classifyRefreshError } from './refresh-outcome';
import { initialAuthState } from './state/auth.feature';

/** Stands in for the refresh engine: each refresh answers when the test says. */
@Injectable({ providedIn: 'root' })
class FakeEngine {
  readonly flights: Subject<SessionInfo>[] = [];
  refresh(): Observable<SessionInfo> {
    const flight = new Subject<SessionInfo>();
    this.flights.push(flight);
    return flight;
  }
  retryNow = jest.fn();
  classify(error: unknown) {
    return classifyRefreshError(error, 0, null);
  }
}

describe('RefreshCoordinator', () => {
  let scheduler: VirtualTimeScheduler;
  let loads: number;
  /** How many loads fail first, as with the network gone. */
  let failing: number;

  function coordinator(): RefreshCoordinator {
    const module = { RefreshEngine: FakeEngine } as unknown as RefreshEngineModule;
    TestBed.configureTestingModule({
      providers: [
        provideMockStore({ initialState: { auth: initialAuthState } }),
        { provide: SESSION_SCHEDULER, useValue: scheduler },
        {
          provide: REFRESH_ENGINE_LOADER,
          useValue: () => defer(() => (++loads <= failing ? throwError(() => new TypeError('Failed to fetch')) : of(module))),
        },
      ],
    });
    return TestBed.inject(RefreshCoordinator);
  }

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    loads = 0;
    failing = 0;
  });

  it('loads the engine only when first asked, once, and refreshes through it', () => {
    const refresh = coordinator();
    expect(loads).toBe(0);

    const outcomes: SessionInfo[] = [];
    refresh.refresh().subscribe((session) => outcomes.push(session));
    refresh.refresh().subscribe();
    refresh.preload();

    expect(loads).toBe(1);
    const engine = TestBed.inject(FakeEngine);
    expect(engine.flights).toHaveLength(2);
    engine.flights[0]!.next({ sessionId: 'session-1' } as SessionInfo);
    expect(outcomes).toEqual([{ sessionId: 'session-1' }]);

    refresh.retryNow();
    expect(engine.retryNow).toHaveBeenCalledTimes(1);
  });

  it('reads a failed load as a network failure that keeps the session, and loads again next time', () => {
    failing = 1;
    const refresh = coordinator();

    const errors: unknown[] = [];
    refresh.refresh().subscribe({ error: (error) => errors.push(error) });
    expect(errors).toHaveLength(1);
    expect(refresh.classify(errors[0])).toEqual({ kind: 'transient', status: 0, reason: 'network error' });
    // Nothing is under way, so "Retry" has nothing to send.
    expect(() => refresh.retryNow()).not.toThrow();

    const waited: string[] = [];
    refresh.refreshWithin(3000).subscribe((outcome) => waited.push(outcome));
    expect(loads).toBe(2);
    TestBed.inject(FakeEngine).flights[0]!.error(new HttpErrorResponse({ status: 503 }));
    expect(waited).toEqual(['gave-up']);
  });

  it('lets a call wait at most its bound for the refresh, and ends the wait for a session found over', () => {
    const refresh = coordinator();
    const waited: string[] = [];
    refresh.refreshWithin(3000).subscribe((outcome) => waited.push(outcome));
    advanceBy(scheduler, 2999);
    expect(waited).toEqual([]);
    advanceBy(scheduler, 1);
    expect(waited).toEqual(['gave-up']);

    const errors: unknown[] = [];
    refresh.refreshWithin(3000).subscribe({ error: (error) => errors.push(error) });
    const over = new HttpErrorResponse({ status: 401, error: { code: 'refresh_revoked' } });
    TestBed.inject(FakeEngine).flights[1]!.error(over);
    expect(errors).toEqual([over]);
  });

  it('swallows a failed preload: the next refresh tries again', () => {
    failing = 1;
    const refresh = coordinator();
    expect(() => refresh.preload()).not.toThrow();
    expect(loads).toBe(1);
    refresh.refresh().subscribe();
    expect(loads).toBe(2);
    expect(TestBed.inject(FakeEngine).flights).toHaveLength(1);
  });
});
