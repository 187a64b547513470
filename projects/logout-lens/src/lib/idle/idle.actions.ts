import { createActionGroup, props } from '@ngrx/store';

/** The idle policy. */
export const IdleActions = createActionGroup({
  source: 'Idle Policy',
  events: {
    /** The warning is up: the session ends after `limitMs` of inactivity unless there is activity. */
    Warned: props<{ limitMs: number; at: number }>(),
  },
});
