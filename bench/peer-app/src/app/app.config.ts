import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideNgIdle } from '@ng-idle/core';
import { OAuthStorage, provideOAuthClient } from 'angular-oauth2-oidc';

import { routes } from './app.routes';
import { PeerSession } from './auth/peer-session';
import { RememberMeStorage } from './auth/remember-me-storage';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    // The library's interceptor is a class-based HTTP_INTERCEPTORS provider.
    provideHttpClient(withInterceptorsFromDi()),
    provideOAuthClient({ resourceServer: { allowedUrls: ['/v1/'], sendAccessToken: true } }),
    { provide: OAuthStorage, useExisting: RememberMeStorage },
    provideNgIdle(),
    provideAppInitializer(() => inject(PeerSession).start()),
  ],
};
