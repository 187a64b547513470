import { createActionGroup, props } from '@ngrx/store';

import { LateTimer } from '../../diagnosis/evidence';
import { TokenStatus } from '../token-status';

/** User activity, reported at most once per throttle window. */
export const ActivityActions = createActionGroup({
  source: 'Activity',
  events: {
    Detected: props<{ at: number }>(),
  },
});

/** The token expiry monitor's checks (every 30 s, on wake, after each refresh). */
export const TokenMonitorActions = createActionGroup({
  source: 'Token Monitor',
  events: {
    /** `late`: this check fired much later than scheduled (sleep or throttling). */
    Checked: props<{ status: TokenStatus; late: LateTimer | null }>(),
  },
});
