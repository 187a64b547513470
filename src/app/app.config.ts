import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  ErrorHandler,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { Store, provideState, provideStore } from '@ngrx/store';

import { storeDevtools } from '../environments/store-devtools';
import { routes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { AppActions } from './auth/state/auth.actions';
import * as authEffects from './auth/state/auth.effects';
import { authFeature } from './auth/state/auth.feature';
import * as sessionTimerEffects from './auth/state/session-timer.effects';
import { networkCutInterceptor } from './demo/network-cut.interceptor';
import { apiCallLogInterceptor } from './diagnostics/api-call-log.interceptor';
import { RecordingErrorHandler } from './diagnostics/error-log';
import * as activityEffects from './diagnostics/state/activity.effects';
import { diagnosticsFeature } from './diagnostics/state/diagnostics.feature';
import * as tokenMonitorEffects from './diagnostics/state/token-monitor.effects';
import { TokenMonitor } from './diagnostics/token-monitor';
import * as idleEffects from './idle/idle.effects';
import * as logoutTrackerEffects from './logout/state/logout-tracker.effects';
import { apiErrorInterceptor } from './notifications/api-error.interceptor';
import * as tabSyncEffects from './sync/tab-sync.effects';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(
      withInterceptors([authInterceptor, apiErrorInterceptor, apiCallLogInterceptor, networkCutInterceptor]),
    ),
    provideStore(),
    provideState(authFeature),
    provideState(diagnosticsFeature),
    provideEffects(
      authEffects,
      sessionTimerEffects,
      activityEffects,
      tokenMonitorEffects,
      logoutTrackerEffects,
      idleEffects,
      tabSyncEffects,
    ),
    { provide: ErrorHandler, useClass: RecordingErrorHandler },
    storeDevtools,
    provideAppInitializer(() => {
      inject(TokenMonitor).install();
      inject(Store).dispatch(AppActions.started());
    }),
  ],
};
