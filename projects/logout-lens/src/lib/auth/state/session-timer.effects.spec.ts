import { Store } from '@ngrx/store';
import { BehaviorSubject, Observable, Subject, VirtualTimeScheduler, of, tap, throwError } from 'rxjs';

import { advanceBy } from '../../../testing/virtual-time';
import { DEFAULT_LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { SessionInfo } from '../../model/session.model';
import { RefreshCoordinator } from '../refresh-coordinator';
import { ServerClock } from '../server-clock';
import { proactiveRefresh } from './session-timer.effects';

const MIN = 60_000;
const BASE = Date.UTC(2030, 0, 1);

/** A token issued at BASE that expires 10 min 10 s later: with a 60 s lead it is due at 9 min 10 s. */
function session(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    user: { id: 1, email: 'dana@example.com', name: 'Dana' },
    sessionId: 'session-1',
    rememberMe: true,
    issuedAt: BASE,
    accessExpiresAt: BASE + 10 * MIN + 10_000,
    refreshExpiresAt: BASE + 7 * 24 * 60 * MIN,
    ...overrides,
  };
}
const DUE_MS = 9 * MIN + 10_000;

function fakeWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
  return Object.assign(new EventTarget(), { document });
}

describe('proactiveRefresh', () => {
  let scheduler: VirtualTimeScheduler;
  /** Local time the laptop slept through: the clock moves on, no timer fires. */
  let slept: number;
  /** Server time minus local time. */
  let skewMs: number;
  let session$: BehaviorSubject<SessionInfo | null>;
  let win: ReturnType<typeof fakeWindow>;
  let coordinator: { refresh: jest.Mock<Observable<SessionInfo>, []> };

  /** Moves virtual time forward by `ms`, firing only the timers due by then. */
  const advance = (ms: number): void => advanceBy(scheduler, ms);

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    slept = 0;
    skewMs = 0;
    session$ = new BehaviorSubject<SessionInfo | null>(null);
    win = fakeWindow();
    // A refresh in flight that has not answered yet.
    coordinator = { refresh: jest.fn(() => new Subject<SessionInfo>()) };
    const clock = () => BASE + scheduler.frame + slept;
    const serverClock = { now: () => clock() + skewMs, toLocal: (t: number) => t - skewMs };
    proactiveRefresh(
      { select: () => session$ } as unknown as Store,
      coordinator as unknown as RefreshCoordinator,
      { ...DEFAULT_LOGOUT_LENS_CONFIG, refreshLeadSeconds: 60, sessionCheckIntervalMs: 30_000 },
      serverClock as unknown as ServerClock,
      clock,
      scheduler,
      win as unknown as Window,
    ).subscribe();
  });

  it('asks for a refresh at the due time (lead before expiry), not before', () => {
    session$.next(session());

    advance(DUE_MS - 1);
    expect(coordinator.refresh).not.toHaveBeenCalled();

    advance(1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it('schedules on the server clock: a computer 20 s behind refreshes 20 s earlier locally', () => {
    skewMs = 20_000;
    session$.next(session());

    advance(DUE_MS - 20_001);
    expect(coordinator.refresh).not.toHaveBeenCalled();

    advance(1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes at once a token that is already due', () => {
    session$.next(session({ issuedAt: BASE - 20 * MIN, accessExpiresAt: BASE + 30_000 }));

    advance(0);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing while signed out, whatever wakes it', () => {
    advance(60 * MIN);
    slept = 60 * MIN;
    win.document.visibilityState = 'visible';
    win.document.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('focus'));
    win.dispatchEvent(new Event('online'));

    expect(coordinator.refresh).not.toHaveBeenCalled();
  });

  it('drops the pending refresh when the session ends before it is due', () => {
    session$.next(session());
    advance(5 * MIN);
    session$.next(null);

    advance(60 * MIN);
    expect(coordinator.refresh).not.toHaveBeenCalled();
  });

  it('re-checks on the periodic tick when the timer fired early on the server clock', () => {
    session$.next(session());
    skewMs = -10_000; // a new estimate: the server is 10 s behind this computer after all

    advance(DUE_MS);
    expect(coordinator.refresh).not.toHaveBeenCalled();

    advance(30_000 - 10_001); // the next tick is at 9 min 30 s
    expect(coordinator.refresh).not.toHaveBeenCalled();
    advance(1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it.each(['visibilitychange', 'focus', 'online'])('catches up at once after a sleep past the due time on %s', (event) => {
    session$.next(session());
    advance(MIN);
    slept = 20 * MIN;

    win.document.visibilityState = 'visible';
    (event === 'visibilitychange' ? win.document : win).dispatchEvent(new Event(event));
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it('ignores a visibility change to hidden, and wake-ups before the due time', () => {
    session$.next(session());
    advance(MIN);
    win.dispatchEvent(new Event('focus'));
    slept = 20 * MIN;
    win.document.dispatchEvent(new Event('visibilitychange')); // still hidden

    expect(coordinator.refresh).not.toHaveBeenCalled();
  });

  it('asks once while a refresh is in flight, however many re-checks come', () => {
    session$.next(session());
    advance(DUE_MS);
    win.dispatchEvent(new Event('focus'));
    session$.next(session()); // the same due time: the schedule is kept
    advance(2 * MIN);

    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it('schedules the next refresh for the renewed token', () => {
    const renewed = session({ issuedAt: BASE + DUE_MS, accessExpiresAt: BASE + DUE_MS + 10 * MIN + 10_000 });
    coordinator.refresh.mockImplementation(() => of(renewed).pipe(tap((s) => session$.next(s))));
    session$.next(session());

    advance(DUE_MS);
    advance(DUE_MS - 1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
    advance(1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(2);
  });

  it('keeps re-checking after a refresh fails', () => {
    coordinator.refresh.mockImplementationOnce(() => throwError(() => new Error('offline')));
    session$.next(session());

    advance(DUE_MS);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
    advance(20_000); // the tick at 9 min 30 s
    expect(coordinator.refresh).toHaveBeenCalledTimes(2);
  });
});
