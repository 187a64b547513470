import { Action } from '@ngrx/store';
import { Subject, VirtualTimeScheduler } from 'rxjs';

import { advanceBy } from '../../../testing/virtual-time';
import { AuthApiActions, SessionActions } from '../../auth/state/auth.actions';
import { ChangePasswordPageActions } from '../../auth/state/change-password-page.actions';
import { DEFAULT_LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LateTimer } from '../../diagnosis/evidence';
import { SessionInfo } from '../../model/session.model';
import { ConsoleLog } from '../../platform/console-log';
import { TokenMonitor } from '../token-monitor';
import { TokenStatus, computeTokenStatus } from '../token-status';
import { TokenMonitorActions } from './diagnostics.actions';
import { monitorTokens } from './token-monitoring';

const BASE = Date.UTC(2030, 0, 1);
const PERIOD = 30_000;

const session: SessionInfo = {
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  sessionId: 'session-1',
  rememberMe: false,
  issuedAt: BASE,
  accessExpiresAt: BASE + 15 * 60_000,
  refreshExpiresAt: BASE + 7 * 24 * 3_600_000,
};

const signedOut: TokenStatus = computeTokenStatus({
  session: null,
  lastRefresh: null,
  localNow: BASE,
  serverNow: BASE,
  clockSkewMs: 0,
  nextRefreshAt: null,
  lateTimers: [],
});

function fakeWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
  return Object.assign(new EventTarget(), { document });
}

describe('monitorTokens', () => {
  let scheduler: VirtualTimeScheduler;
  /** Local time that passed with no timer firing (a laptop asleep, a throttled tab). */
  let slept: number;
  let level: TokenStatus['level'];
  let actions$: Subject<Action>;
  let win: ReturnType<typeof fakeWindow>;
  let monitor: { status: jest.Mock<TokenStatus, [LateTimer | null]> };
  let log: { write: jest.Mock };
  let checks: ReturnType<typeof TokenMonitorActions.checked>[];

  /** Moves virtual time forward by `ms`, firing only the timers due by then. */
  const advance = (ms: number): void => advanceBy(scheduler, ms);

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    slept = 0;
    level = 'ok';
    actions$ = new Subject<Action>();
    win = fakeWindow();
    monitor = { status: jest.fn((_late: LateTimer | null): TokenStatus => ({ ...signedOut, level })) };
    log = { write: jest.fn() };
    checks = [];
    monitorTokens(
      actions$,
      monitor as unknown as TokenMonitor,
      log as unknown as ConsoleLog,
      { ...DEFAULT_LOGOUT_LENS_CONFIG, tokenMonitorIntervalMs: PERIOD },
      scheduler,
      () => BASE + scheduler.frame + slept,
      win as unknown as Window,
    ).subscribe((action) => checks.push(action));
  });

  it('announces itself and checks at once', () => {
    expect(log.write).toHaveBeenCalledWith('info', '[TokenMonitor]', 'Starting token expiry monitoring (every 30 s)…');
    expect(checks).toEqual([TokenMonitorActions.checked({ status: { ...signedOut, level: 'ok' }, late: null })]);
  });

  it('checks again every interval, not before', () => {
    advance(PERIOD - 1);
    expect(checks).toHaveLength(1);

    advance(1);
    expect(checks).toHaveLength(2);
    advance(2 * PERIOD);
    expect(checks).toHaveLength(4);
    expect(checks.every((check) => check.late === null)).toBe(true);
  });

  it('records a check that ran late after a sleep, and measures the next one from then', () => {
    advance(PERIOD - 1000);
    slept = 20_000;
    advance(1000);

    const late = { expectedAt: BASE + PERIOD, firedAt: BASE + PERIOD + 20_000, delayMs: 20_000 };
    expect(checks[1]!.late).toEqual(late);
    expect(monitor.status).toHaveBeenLastCalledWith(late);
    expect(log.write).toHaveBeenCalledWith('warn', '[TokenMonitor]', 'Check ran 20 s late (sleep or throttling).');

    advance(PERIOD);
    expect(checks[2]!.late).toBeNull();
  });

  it('does not call a check 4.999 s late a late timer', () => {
    advance(PERIOD - 1000);
    slept = 4999;
    advance(1000);

    expect(checks[1]!.late).toBeNull();
  });

  it('checks when the tab becomes visible, not when it is hidden', () => {
    win.document.dispatchEvent(new Event('visibilitychange'));
    expect(checks).toHaveLength(1);

    win.document.visibilityState = 'visible';
    win.document.dispatchEvent(new Event('visibilitychange'));
    expect(checks).toHaveLength(2);
  });

  it.each([
    ['a sign-in', AuthApiActions.signInSucceeded({ session })],
    ['a refresh', AuthApiActions.tokenRefreshed({ session, at: BASE })],
    ['a password change', ChangePasswordPageActions.passwordChanged({ session, at: BASE })],
    ['a deferred restore', AuthApiActions.restoreDeferred({ session, status: 0, reason: 'network', at: BASE })],
    ['a transient refresh failure', AuthApiActions.refreshFailedTransiently({ status: 503, reason: 'x', at: BASE })],
    ['the end of the session', SessionActions.ended({ logoutType: 'USER_INITIATED', message: 'Bye.', at: BASE })],
  ])('checks after %s', (_case, action) => {
    actions$.next(action);

    expect(checks).toHaveLength(2);
    expect(checks[1]!.late).toBeNull();
  });

  it('does not check after an unrelated action', () => {
    actions$.next(AuthApiActions.signInFailed({ error: { kind: 'invalid-credentials' } }));

    expect(checks).toHaveLength(1);
  });

  it.each([
    ['critical', 'error'],
    ['warning', 'warn'],
    ['ok', 'info'],
  ] as const)('logs a %s status at the %s level, with the status', (statusLevel, logLevel) => {
    level = statusLevel;
    log.write.mockClear();

    advance(PERIOD);

    expect(log.write).toHaveBeenCalledTimes(1);
    expect(log.write).toHaveBeenCalledWith(logLevel, '[TokenMonitor]', 'Not signed in.', { ...signedOut, level });
  });
});
