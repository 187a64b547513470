import { Provider } from '@angular/core';
import { of } from 'rxjs';

import { REFRESH_ENGINE_LOADER } from '../lib/auth/refresh-coordinator';
import * as refreshEngine from '../lib/auth/refresh-engine';

/** The refresh engine at once, rather than through a dynamic import: specs stay synchronous. */
export function provideRefreshEngineNow(): Provider {
  return { provide: REFRESH_ENGINE_LOADER, useValue: () => of(refreshEngine) };
}
