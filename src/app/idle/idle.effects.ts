import { inject } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { createEffect } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { EMPTY, distinctUntilChanged, filter, finalize, interval, map, switchMap, tap } from 'rxjs';

import { SessionActions } from '../auth/state/auth.actions';
import { authFeature } from '../auth/state/auth.feature';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { ActivityClock } from '../platform/activity-clock';
import { CLOCK } from '../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { IdlePhase, idlePhase } from './idle-phase';
import { IdleWarningDialog } from './idle-warning-dialog';

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
    dialog = inject(MatDialog),
    scheduler = inject(SESSION_SCHEDULER),
    clock = inject(CLOCK),
  ) => {
    if (config.idleTimeoutMinutes === null || config.idleTimeoutMinutes <= 0) return EMPTY;
    const limitMs = config.idleTimeoutMinutes * 60_000;
    const warningMs = Math.min(config.idleWarningSeconds * 1000, limitMs);
    let warning: MatDialogRef<IdleWarningDialog> | null = null;
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
                  warning = dialog.open(IdleWarningDialog, {
                    data: { limitMs },
                    width: '400px',
                    maxWidth: '92vw',
                    ariaDescribedBy: 'idle-warning-description',
                  });
                } else {
                  closeWarning();
                }
              }),
              filter((phase) => phase === 'expired'),
              map(() =>
                SessionActions.ended({
                  logoutType: 'IDLE_TIMEOUT',
                  message: `Signed out after ${config.idleTimeoutMinutes} min without activity.`,
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
