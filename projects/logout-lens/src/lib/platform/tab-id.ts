import { InjectionToken } from '@angular/core';

import { newDeviceId } from './ids';

/**
 * An id for this tab, new on every page load. Kept in memory, not sessionStorage, so a
 * duplicated tab (whose sessionStorage is copied) still gets an id of its own.
 */
export const TAB_ID = new InjectionToken<string>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'TAB_ID' : '',
  {
    providedIn: 'root',
    factory: () => newDeviceId().slice(0, 8),
  },
);
