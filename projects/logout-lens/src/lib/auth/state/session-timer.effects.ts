import { inject } from '@angular/core';
import { createEffect } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import {
  EMPTY,
  catchError,
  distinctUntilChanged,
  exhaustMap,
  filter,
  fromEvent,
  interval,
  map,
  merge,
  switchMap,
  timer,
} from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { CLOCK, WINDOW } from '../../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { RefreshCoordinator } from '../refresh-coordinator';
import { refreshDueAt } from '../refresh-schedule';
import { ServerClock } from '../server-clock';
import { authFeature } from './auth.feature';

/**
 * Refreshes ahead of expiry. The due time is absolute, and it is re-checked on a timer, on a
 * periodic tick, and whenever the tab becomes visible, regains focus or comes back online — so a
 * laptop that slept or a throttled background tab catches up as soon as it runs again.
 */
export const proactiveRefresh = createEffect(
  (
    store = inject(Store),
    coordinator = inject(RefreshCoordinator),
    config = inject(LOGOUT_LENS_CONFIG),
    serverClock = inject(ServerClock),
    clock = inject(CLOCK),
    scheduler = inject(SESSION_SCHEDULER),
    win = inject(WINDOW),
  ) =>
    store.select(authFeature.selectSession).pipe(
      map((session) => (session ? refreshDueAt(session, config.refreshLeadSeconds * 1000) : null)),
      distinctUntilChanged(),
      switchMap((dueAt) => {
        if (dueAt === null) return EMPTY;
        const delay = Math.max(0, serverClock.toLocal(dueAt) - clock());
        const wakeUps = win
          ? merge(
              fromEvent(win.document, 'visibilitychange').pipe(
                filter(() => win.document.visibilityState === 'visible'),
              ),
              fromEvent(win, 'focus'),
              fromEvent(win, 'online'),
            )
          : EMPTY;
        return merge(
          timer(delay, scheduler),
          interval(config.sessionCheckIntervalMs, scheduler),
          wakeUps,
        ).pipe(
          filter(() => serverClock.now() >= dueAt),
          exhaustMap(() => coordinator.refresh().pipe(catchError(() => EMPTY))),
        );
      }),
    ),
  { functional: true, dispatch: false },
);
