import { createActionGroup, props } from '@ngrx/store';

/** User activity, reported at most once per throttle window. */
export const ActivityActions = createActionGroup({
  source: 'Activity',
  events: {
    Detected: props<{ at: number }>(),
  },
});
