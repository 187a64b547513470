import { EnvironmentInjector, inject, runInInjectionContext } from '@angular/core';
import { createEffect } from '@ngrx/effects';
import { EMPTY, catchError, defer, switchMap } from 'rxjs';

import { ConsoleLog } from '../../platform/console-log';

/**
 * The token monitor (`window.__tokenMonitor`, the `[TokenMonitor]` lines, late checks): fetched
 * as soon as the app starts, beside it rather than in its initial bundle, then run. A monitor
 * that cannot be fetched (the app was redeployed under it) is said once; the session goes on.
 */
export const monitorTokens = createEffect(
  (injector = inject(EnvironmentInjector), log = inject(ConsoleLog)) =>
    defer(() => import('./token-monitoring')).pipe(
      switchMap((monitoring) => runInInjectionContext(injector, () => monitoring.startTokenMonitor())),
      catchError(() => {
        log.write('warn', '[TokenMonitor]', 'The token monitor could not be loaded; the session is not affected.');
        return EMPTY;
      }),
    ),
  { functional: true },
);
