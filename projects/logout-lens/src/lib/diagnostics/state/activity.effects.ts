import { inject } from '@angular/core';
import { createEffect } from '@ngrx/effects';
import { EMPTY, filter, fromEvent, map, merge, throttleTime } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { ActivityClock } from '../../platform/activity-clock';
import { WINDOW } from '../../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { ACTIVITY_EVENTS } from '../activity-events';
import { ActivityActions } from './diagnostics.actions';

/**
 * Tracks activity with passive capture listeners registered outside any template, so events
 * trigger no change detection. Each event only updates the exact activity time; the store hears
 * about it at most once per throttle window (leading and trailing, so the latest time arrives).
 */
export const trackActivity = createEffect(
  (
    win = inject(WINDOW),
    activity = inject(ActivityClock),
    config = inject(LOGOUT_LENS_CONFIG),
    scheduler = inject(SESSION_SCHEDULER),
  ) => {
    if (!win) return EMPTY;
    const options = { capture: true, passive: true };
    const inputs = ACTIVITY_EVENTS.map((name) => fromEvent(win, name, options));
    // The window regaining focus counts; focus moving between elements (a dialog opening) does not.
    const focused = fromEvent(win, 'focus').pipe(filter((event) => event.target === win));
    const shown = fromEvent(win.document, 'visibilitychange', options).pipe(
      filter(() => win.document.visibilityState === 'visible'),
    );
    return merge(...inputs, focused, shown).pipe(
      map(() => activity.mark()),
      throttleTime(config.activityThrottleMs, scheduler, { leading: true, trailing: true }),
      map((at) => ActivityActions.detected({ at })),
    );
  },
  { functional: true },
);
