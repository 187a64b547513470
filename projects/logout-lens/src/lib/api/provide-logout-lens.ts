import {
  EnvironmentProviders,
  ErrorHandler,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { Store, provideState, provideStore } from '@ngrx/store';

import { AppActions } from '../auth/state/auth.actions';
import * as authEffects from '../auth/state/auth.effects';
import { authFeature } from '../auth/state/auth.feature';
import { LogoutLensConfig, provideLogoutLensConfig } from '../config/logout-lens.config';
import { ErrorLog, recordErrorsOf } from '../diagnostics/error-log';
import * as activityEffects from '../diagnostics/state/activity.effects';
import { diagnosticsFeature } from '../diagnostics/state/diagnostics.feature';
import * as tokenMonitorEffects from '../diagnostics/state/token-monitor.effects';
import * as logoutTrackerEffects from '../logout/state/logout-tracker.effects';
import * as liveSessionEffects from '../session/live-session';
import * as tabSyncEffects from '../sync/tab-sync.effects';
import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { LogoutLens } from './logout-lens';

/**
 * Everything Logout Lens needs, in one call: the configuration, its state and effects, the
 * error recorder (around the app's own ErrorHandler) and the start-up (restoring the session; `window.__tokenMonitor` just after). Add
 * `logoutLensInterceptor` to `provideHttpClient(withInterceptors([...]))` next to it.
 *
 * ```ts
 * providers: [
 *   provideRouter(routes),
 *   provideHttpClient(withInterceptors([logoutLensInterceptor])),
 *   provideLogoutLens({ appName: 'Acme', apiBase: '/api' }, withMaterialUi()),
 * ]
 * ```
 *
 * Without `withAppStore()` it makes its own NgRx root store; an app with one of its own passes
 * `withAppStore()` and finds Logout Lens's `auth` and `diagnostics` features in it.
 * Each kind of feature may be given once.
 */
export function provideLogoutLens(
  config: Partial<LogoutLensConfig> = {},
  ...features: LogoutLensFeature[]
): EnvironmentProviders {
  const kinds = features.map((feature) => feature.ɵkind);
  const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (repeated) throw new Error(`provideLogoutLens(): the ${repeated} feature is given twice.`);
  return makeEnvironmentProviders([
    provideLogoutLensConfig(config),
    kinds.includes('AppStore') ? [] : provideStore(),
    provideState(authFeature),
    provideState(diagnosticsFeature),
    provideEffects(
      authEffects,
      activityEffects,
      tokenMonitorEffects,
      logoutTrackerEffects,
      liveSessionEffects,
      tabSyncEffects,
    ),
    features.map((feature) => feature.ɵproviders),
    provideAppInitializer(() => {
      inject(LogoutLens);
      // The app's own ErrorHandler stays; Logout Lens only notes each error for the report.
      recordErrorsOf(inject(ErrorHandler), inject(ErrorLog));
      inject(Store).dispatch(AppActions.started());
    }),
  ]);
}

/**
 * Puts Logout Lens's state into the app's own NgRx root store (`provideStore()` in the app's
 * providers), where its Redux DevTools show it, instead of a store of its own.
 */
export function withAppStore(): LogoutLensFeature<'AppStore'> {
  return logoutLensFeature('AppStore', []);
}
