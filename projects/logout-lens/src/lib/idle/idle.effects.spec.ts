import { Action, Store } from '@ngrx/store';
import { BehaviorSubject, VirtualTimeScheduler } from 'rxjs';

import { advanceBy } from '../../testing/virtual-time';
import { SessionActions } from '../auth/state/auth.actions';
import { DEFAULT_LOGOUT_LENS_CONFIG, LogoutLensConfig } from '../config/logout-lens.config';
import { ActivityClock } from '../platform/activity-clock';
import { enforceIdlePolicy } from './idle.effects';
import { LogoutLensIntl } from '../intl/logout-lens-intl';
import { LogoutLensUi } from '../platform/logout-lens-ui';
import { IdleActions } from './idle.actions';

const BASE = Date.UTC(2030, 0, 1);
const SECOND = 1000;
/** A 2 min limit with the warning 30 s before it. */
const LIMIT_MS = 120 * SECOND;
const WARNING_AT_MS = 90 * SECOND;

describe('enforceIdlePolicy', () => {
  let scheduler: VirtualTimeScheduler;
  let idleMs: number;
  let signedIn$: BehaviorSubject<boolean>;
  let warning: { close: jest.Mock };
  let ui: { warnIdle: jest.Mock };
  let emitted: Action[];
  let completed: boolean;

  /** Moves virtual time forward by `ms`, firing only the timers due by then. */
  const advance = (ms: number): void => advanceBy(scheduler, ms);

  /** Runs the effect; by default signed in, with the policy at 2 min and a 30 s warning. */
  function start(overrides: Partial<LogoutLensConfig> = {}, signedIn = true): void {
    signedIn$ = new BehaviorSubject(signedIn);
    enforceIdlePolicy(
      { select: () => signedIn$ } as unknown as Store,
      { ...DEFAULT_LOGOUT_LENS_CONFIG, idleTimeoutMinutes: 2, idleWarningSeconds: 30, ...overrides },
      { idleMs: () => idleMs } as unknown as ActivityClock,
      ui as unknown as LogoutLensUi,
      scheduler,
      () => BASE + scheduler.frame,
      new LogoutLensIntl(),
    ).subscribe({ next: (action) => emitted.push(action), complete: () => (completed = true) });
  }

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    idleMs = 0;
    warning = { close: jest.fn() };
    ui = { warnIdle: jest.fn(() => warning) };
    emitted = [];
    completed = false;
  });

  it.each([
    ['unset', null],
    ['zero', 0],
  ])('does nothing when the limit is %s (the policy is off)', (_case, idleTimeoutMinutes) => {
    start({ idleTimeoutMinutes });
    idleMs = 24 * 3_600_000;

    advance(60 * SECOND);

    expect(completed).toBe(true);
    expect(ui.warnIdle).not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
  });

  it('opens the warning when the idle time reaches the limit minus the warning, not before', () => {
    start();
    idleMs = WARNING_AT_MS - 1;
    advance(SECOND);
    expect(ui.warnIdle).not.toHaveBeenCalled();

    idleMs = WARNING_AT_MS;
    advance(SECOND);
    expect(ui.warnIdle).toHaveBeenCalledTimes(1);
    expect(ui.warnIdle).toHaveBeenCalledWith(LIMIT_MS);
    expect(emitted).toEqual([IdleActions.warned({ limitMs: LIMIT_MS, at: BASE + 2 * SECOND })]);

    idleMs += 5 * SECOND;
    advance(5 * SECOND);
    expect(ui.warnIdle).toHaveBeenCalledTimes(1);
    expect(warning.close).not.toHaveBeenCalled();
  });

  it('closes the warning on any activity, and keeps the session', () => {
    start();
    idleMs = WARNING_AT_MS;
    advance(SECOND);

    idleMs = 0;
    advance(SECOND);

    expect(warning.close).toHaveBeenCalledTimes(1);
    expect(emitted.filter((action) => action.type === SessionActions.ended.type)).toEqual([]);
  });

  it('ends the session as IDLE_TIMEOUT at the limit, closing the warning', () => {
    start();
    idleMs = WARNING_AT_MS;
    advance(SECOND);
    idleMs = LIMIT_MS - 1;
    advance(SECOND);
    expect(emitted).toEqual([IdleActions.warned({ limitMs: LIMIT_MS, at: BASE + SECOND })]);

    idleMs = LIMIT_MS;
    advance(SECOND);

    expect(warning.close).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([
      IdleActions.warned({ limitMs: LIMIT_MS, at: BASE + SECOND }),
      SessionActions.ended({
        logoutType: 'IDLE_TIMEOUT',
        message: 'Signed out after 2 min without activity.',
        at: BASE + 3 * SECOND,
      }),
    ]);
  });

  it('signs out on the first check after a sleep past the limit, with no warning first', () => {
    start();
    advance(SECOND);
    idleMs = 3 * 3_600_000;

    advance(SECOND);

    expect(ui.warnIdle).not.toHaveBeenCalled();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ logoutType: 'IDLE_TIMEOUT' });
  });

  it('does not check while signed out', () => {
    start({}, false);
    idleMs = LIMIT_MS * 10;

    advance(60 * SECOND);

    expect(ui.warnIdle).not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
  });

  it('closes the warning and stops checking when the session ends another way', () => {
    start();
    idleMs = WARNING_AT_MS;
    advance(SECOND);

    signedIn$.next(false);
    expect(warning.close).toHaveBeenCalledTimes(1);

    idleMs = LIMIT_MS;
    advance(60 * SECOND);
    expect(emitted).toEqual([IdleActions.warned({ limitMs: LIMIT_MS, at: BASE + SECOND })]);
  });

  it('starts checking again at the next sign-in', () => {
    start({}, false);
    signedIn$.next(true);
    idleMs = LIMIT_MS;

    advance(SECOND);

    expect(emitted).toHaveLength(1);
  });
});
