import { createActionGroup, props } from '@ngrx/store';

import { LogoutRecord } from '../../model/logout-record';

/** The logout tracker, once it has written a sign-out down and tried to report it. */
export const LogoutTrackerActions = createActionGroup({
  source: 'Logout Tracker',
  events: {
    /** `delivered`: whether the backend has it; otherwise it waits in the outbox. */
    Recorded: props<{ record: LogoutRecord; delivered: boolean }>(),
  },
});
