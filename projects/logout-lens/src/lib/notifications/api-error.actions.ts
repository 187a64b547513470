import { createActionGroup, props } from '@ngrx/store';

/** API calls that failed without ending the session (network, 402, 403, 429, 5xx). */
export const ApiErrorActions = createActionGroup({
  source: 'API',
  events: {
    /** `status` 0: no answer. `url` is the path only, never a query string. */
    'Failed Session Kept': props<{ status: number; method: string; url: string; at: number }>(),
  },
});
