import { inject } from '@angular/core';
import { createEffect } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { EMPTY, distinctUntilChanged, filter, finalize, interval, map, switchMap, tap } from 'rxjs';

import { SessionActions } from '../auth/state/auth.actions';
import { authFeature } from '../auth/state/auth.feature';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { LogoutLensIntl } from '../intl/logout-lens-intl';
import { ActivityClock } from '../platform/activity-clock';
import { CLOCK } from '../platform/browser.tokens';
import { LogoutLensUi, ShownUi } from '../platform/logout-lens-ui';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { IdleActions } from './idle.actions';
import { IdlePhase, idlePhase } from './idle-phase';

/**
 * The optional idle-timeout policy (off unless `idleTimeoutMinutes` is set). Idle time is
 * measured from the last activity in any tab and checked every second against absolute times,
 * so a sleeping laptop is judged on wake. A warning dialog comes first; any activity closes it.
 */
export const enforceIdlePolicy = createEffect(
  (
    store = inject(Store),
    config = inject(LOGOUT_LENS_CONFIG),
    activity = inject(ActivityClock),
    ui = inject(LogoutLensUi),
    scheduler = inject(SESSION_SCHEDULER),
    clock = inject(CLOCK),
    intl = inject(LogoutLensIntl),
  ) => {
    if (config.idleTimeoutMinutes === null || config.idleTimeoutMinutes <= 0) return EMPTY;
    const limitMs = config.idleTimeoutMinutes * 60_000;
    const warningMs = Math.min(config.idleWarningSeconds * 1000, limitMs);
    let warning: ShownUi | null = null;
    const closeWarning = () => {
      warning?.close();
      warning = null;
    };
    return store.select(authFeature.selectIsSignedIn).pipe(
      switchMap((signedIn) =>
        signedIn
          ? interval(1000, scheduler).pipe(
              map((): IdlePhase => idlePhase(activity.idleMs(), limitMs, warningMs)),
              distinctUntilChanged(),
              tap((phase) => {
                if (phase === 'warning') {
                  warning = ui.warnIdle(limitMs);
                } else {
                  closeWarning();
                }
              }),
              filter((phase) => phase !== 'active'),
              map((phase) =>
                phase === 'warning'
                  ? IdleActions.warned({ limitMs, at: clock() })
                  : SessionActions.ended({
                      logoutType: 'IDLE_TIMEOUT',
                      message: intl.idleSignedOutMessage(config.idleTimeoutMinutes!),
                      at: clock(),
                    }),
              ),
              finalize(closeWarning),
            )
          : EMPTY,
      ),
    );
  },
  { functional: true },
);
