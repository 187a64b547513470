import { InjectionToken } from '@angular/core';
import { SchedulerLike, asyncScheduler } from 'rxjs';

/** The RxJS scheduler for session timers (backoff, proactive refresh); tests use a virtual one. */
export const SESSION_SCHEDULER = new InjectionToken<SchedulerLike>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'SESSION_SCHEDULER' : '',
  {
    providedIn: 'root',
    factory: () => asyncScheduler,
  },
);
