import { createActionGroup, props } from '@ngrx/store';

import { SessionInfo } from '../../model/session.model';

/** What another tab of this browser reported. */
export const TabSyncActions = createActionGroup({
  source: 'Other Tab',
  events: {
    /** Another tab signed in or refreshed; its session (and token, where shared) now applies here. */
    'Session Shared': props<{ session: SessionInfo; at: number }>(),
  },
});
