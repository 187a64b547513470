import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideStore } from '@ngrx/store';

import { logoutLensInterceptor, provideLogoutLens, withAppStore, withDevtools } from '@logout-lens/angular';
import { withMaterialUi } from '@logout-lens/angular/material';
import { environment } from '../environments/environment';
import { storeDevtools } from '../environments/store-devtools';
import { routes } from './app.routes';
import { networkCutInterceptor } from './demo/network-cut.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([logoutLensInterceptor, networkCutInterceptor])),
    // The demo keeps a root store of its own (with Redux DevTools in development).
    provideStore(),
    storeDevtools,
    provideLogoutLens(
      { appName: 'Logout Lens', appVersion: environment.version },
      withAppStore(),
      withMaterialUi(),
      withDevtools(() => import('@logout-lens/angular/devtools')),
    ),
  ],
};
