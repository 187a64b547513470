import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { createEffect } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { filter, ignoreElements, merge, retry, switchMap, take, tap, timer } from 'rxjs';

import { RefreshCoordinator } from '../auth/refresh-coordinator';
import { authFeature } from '../auth/state/auth.feature';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { LIVE_SESSION_EFFECTS, LIVE_SESSION_RETRY_MS } from './live-session-loader';

/**
 * Once a session is live — signed in, restored, or handed over by another tab — loads and runs
 * the refresh ahead of expiry and the idle policy, and the refresh engine, so a page that is
 * never signed in loads none of them. A load that fails (the network gone) is retried until it
 * succeeds: the refresh on a 401 keeps the session meanwhile.
 */
export const runLiveSession = createEffect(
  (
    session$ = inject(Store).select(authFeature.selectSession),
    effects$ = inject(LIVE_SESSION_EFFECTS),
    injector = inject(EnvironmentInjector),
    scheduler = inject(SESSION_SCHEDULER),
    coordinator = inject(RefreshCoordinator),
  ) =>
    session$.pipe(
      filter((session) => session !== null),
      take(1),
      // The refresh engine too, so the first refresh does not wait for it.
      tap(() => coordinator.preload()),
      switchMap(() => effects$.pipe(retry({ delay: () => timer(LIVE_SESSION_RETRY_MS, scheduler) }))),
      switchMap((effects) =>
        runInInjectionContext(injector, () => merge(effects.proactiveRefresh().pipe(ignoreElements()), effects.enforceIdlePolicy())),
      ),
    ),
  { functional: true },
);
