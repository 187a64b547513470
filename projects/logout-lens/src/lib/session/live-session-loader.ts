import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';

import { onDemand } from '../platform/on-demand';

/** The effects of a live session (`live-session.effects.ts`). */
export type LiveSessionEffects = typeof import('./live-session.effects');

/** How long a failed load waits before it is tried again. */
export const LIVE_SESSION_RETRY_MS = 5000;

/** Loads the live session's effects once, when first asked; a failed load may be asked again. */
export const LIVE_SESSION_EFFECTS = new InjectionToken<Observable<LiveSessionEffects>>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_LIVE_SESSION' : '',
  {
    providedIn: 'root',
    factory: () => onDemand(() => import('./live-session.effects')),
  },
);
