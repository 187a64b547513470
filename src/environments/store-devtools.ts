import { EnvironmentProviders } from '@angular/core';

/**
 * The NgRx store devtools: none in the production build. The development build replaces this
 * file with store-devtools.development.ts (angular.json), so the devtools never reach the
 * production bundle.
 */
export const storeDevtools: EnvironmentProviders[] = [];
