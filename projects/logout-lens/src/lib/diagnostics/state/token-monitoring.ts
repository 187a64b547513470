import { inject } from '@angular/core';
import { Actions, ofType } from '@ngrx/effects';
import { EMPTY, Observable, defer, filter, fromEvent, interval, map, merge, startWith, tap } from 'rxjs';

import { AuthApiActions, SessionActions } from '../../auth/state/auth.actions';
import { ChangePasswordPageActions } from '../../auth/state/change-password-page.actions';
import { LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LateTimer } from '../../diagnosis/evidence';
import { CLOCK, WINDOW } from '../../platform/browser.tokens';
import { ConsoleLog } from '../../platform/console-log';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { TokenMonitor } from '../token-monitor';
import { LATE_TIMER_MS, describeTokenStatus } from '../token-status';
import { TokenMonitorActions } from './diagnostics.actions';

// The token monitor, loaded just after start (token-monitor.effects.ts): its functions run in
// the injection context, with what they need injected as defaults.

/** One check's action. */
type TokenMonitorChecked = ReturnType<typeof TokenMonitorActions.checked>;

/** Exposes `window.__tokenMonitor` and starts the checks. */
export function startTokenMonitor(monitor = inject(TokenMonitor)): Observable<TokenMonitorChecked> {
  monitor.install();
  return monitorTokens();
}

/**
 * The token expiry monitor: checks every 30 s (configurable), when the tab becomes visible, and
 * after every sign-in or refresh; logs a colour-coded `[TokenMonitor]` line at the configured
 * level and records checks that fired late (sleep, background-tab throttling).
 */
export function monitorTokens(
  actions$ = inject(Actions),
  monitor = inject(TokenMonitor),
  log = inject(ConsoleLog),
  config = inject(LOGOUT_LENS_CONFIG),
  scheduler = inject(SESSION_SCHEDULER),
  clock = inject(CLOCK),
  win = inject(WINDOW),
): Observable<TokenMonitorChecked> {
  const period = config.tokenMonitorIntervalMs;
  const ticks = defer(() => {
    let expected = clock() + period;
    return interval(period, scheduler).pipe(
      map((): LateTimer | null => {
        const firedAt = clock();
        const delayMs = firedAt - expected;
        const late = delayMs >= LATE_TIMER_MS ? { expectedAt: expected, firedAt, delayMs } : null;
        expected = firedAt + period;
        return late;
      }),
    );
  });
  const shown = win
    ? fromEvent(win.document, 'visibilitychange').pipe(filter(() => win.document.visibilityState === 'visible'))
    : EMPTY;
  const sessionChanges = actions$.pipe(
    ofType(
      AuthApiActions.signInSucceeded,
      AuthApiActions.tokenRefreshed,
      ChangePasswordPageActions.passwordChanged,
      AuthApiActions.restoreDeferred,
      AuthApiActions.refreshFailedTransiently,
      SessionActions.ended,
    ),
  );
  log.write('info', '[TokenMonitor]', `Starting token expiry monitoring (every ${period / 1000} s)…`);
  return merge(ticks, merge(shown, sessionChanges).pipe(map(() => null))).pipe(
    startWith(null),
    map((late) => ({ status: monitor.status(late), late })),
    tap(({ status, late }) => {
      if (late) {
        log.write('warn', '[TokenMonitor]', `Check ran ${Math.round(late.delayMs / 1000)} s late (sleep or throttling).`);
      }
      const level = status.level === 'critical' ? 'error' : status.level === 'warning' ? 'warn' : 'info';
      log.write(level, '[TokenMonitor]', describeTokenStatus(status), status);
    }),
    map(({ status, late }) => TokenMonitorActions.checked({ status, late })),
  );
}
