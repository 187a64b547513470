import { createActionGroup, props } from '@ngrx/store';

import { SessionInfo } from '../../model/session.model';

/**
 * The change-password page. The server ended every session of the user and answered with a fresh
 * one for this browser; the reducer takes it like a refresh, and the other tabs are handed it.
 * No password is ever in an action. `at` is local epoch ms.
 */
export const ChangePasswordPageActions = createActionGroup({
  source: 'Change Password Page',
  events: {
    'Password Changed': props<{ session: SessionInfo; at: number }>(),
  },
});
