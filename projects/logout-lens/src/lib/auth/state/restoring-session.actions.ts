import { createActionGroup, emptyProps } from '@ngrx/store';

/** The screen shown while a reload restores the session. */
export const RestoringSessionActions = createActionGroup({
  source: 'Restoring Session',
  events: {
    /** The person asked to try reaching the server again now. */
    'Retry Clicked': emptyProps(),
  },
});
