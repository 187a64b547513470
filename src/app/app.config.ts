import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  LOCALE_ID,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideStore } from '@ngrx/store';

import {
  LogoutLensIntl,
  logoutLensInterceptor,
  provideLogoutLens,
  withAppStore,
  withDevtools,
  withLogoutReasons,
} from '@logout-lens/angular';
import { withMaterialUi } from '@logout-lens/angular/material';
import { environment } from '../environments/environment';
import { storeDevtools } from '../environments/store-devtools';
import { routes } from './app.routes';
import { DemoBackendSetup } from './demo/backend';
import { DEMO_WORDS } from './demo/demo-words';
import { DemoLanguage } from './demo/language';
import { networkCutInterceptor } from './demo/network-cut.interceptor';

/**
 * The demo's providers, in the language it shows (main.ts loads it before bootstrap), against
 * the backend it was asked for (Logout Lens's own unless `?backend=` says otherwise).
 */
export const appConfig = (language: DemoLanguage, backend: DemoBackendSetup = { features: [] }): ApplicationConfig => {
  const { authPath, features } = backend;
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideRouter(routes, withComponentInputBinding()),
      provideHttpClient(withInterceptors([logoutLensInterceptor, networkCutInterceptor])),
      // The demo keeps a root store of its own (with Redux DevTools in development).
      provideStore(),
      storeDevtools,
      // Logout Lens's words and the demo's own in the language it shows (English, or German with
      // ?lang=de), and dates in its format.
      { provide: LogoutLensIntl, useClass: language.intl },
      { provide: DEMO_WORDS, useValue: language.words },
      { provide: LOCALE_ID, useValue: language.localeId },
      provideLogoutLens(
        { appName: 'Logout Lens', appVersion: environment.version, ...(authPath ? { authPath } : {}) },
        withAppStore(),
        withMaterialUi(),
        withDevtools(() => import('@logout-lens/angular/devtools')),
        withLogoutReasons(language.reasons),
        ...features,
      ),
    ],
  };
};
