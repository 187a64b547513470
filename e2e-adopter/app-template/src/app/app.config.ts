import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import { logoutLensInterceptor, provideLogoutLens, withDevtools, withLogoutReasons } from '@logout-lens/angular';
import { withMaterialUi } from '@logout-lens/angular/material';

import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes),
    provideHttpClient(withInterceptors([logoutLensInterceptor])),
    provideLogoutLens({ appName: 'Adopter App' }, withMaterialUi(), withDevtools(() => import('@logout-lens/angular/devtools')),
      withLogoutReasons({ LICENSE_EXPIRED: { title: 'Your licence has expired', sentence: "Your organisation's licence expired, so you were signed out.", icon: 'workspace_premium', tone: 'warning' } })),
  ],
};
