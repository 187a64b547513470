import { Provider, inject } from '@angular/core';
import { of } from 'rxjs';

import { AuthApi } from '../lib/auth/auth-api';
import { AUTH_API } from '../lib/auth/auth-api-loader';
import { REFRESH_ENGINE_LOADER } from '../lib/auth/refresh-coordinator';
import * as refreshEngine from '../lib/auth/refresh-engine';

// What Logout Lens loads on demand, given at once instead of through a dynamic import, so that
// specs stay synchronous.

/** The refresh engine at once. */
export function provideRefreshEngineNow(): Provider {
  return { provide: REFRESH_ENGINE_LOADER, useValue: () => of(refreshEngine) };
}

/** The session calls (`AuthApi`) at once. */
export function provideAuthApiNow(): Provider {
  return { provide: AUTH_API, useFactory: () => of(inject(AuthApi)) };
}
