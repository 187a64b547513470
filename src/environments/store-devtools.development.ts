import { EnvironmentProviders } from '@angular/core';
import { provideStoreDevtools } from '@ngrx/store-devtools';

import { redactSecrets } from '@logout-lens/angular';

/** The NgRx store devtools of the development build (`ng serve`); actions reach them redacted. */
export const storeDevtools: EnvironmentProviders[] = [
  provideStoreDevtools({ maxAge: 50, actionSanitizer: (action) => redactSecrets(action) }),
];
