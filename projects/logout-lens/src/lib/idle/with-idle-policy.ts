import { LOGOUT_LENS_CONFIG_PARTS } from '../config/logout-lens.config';
import { LogoutLensFeature, logoutLensFeature } from '../config/features';

/** The idle-timeout policy: how long without activity, in any tab, ends the session. */
export interface IdlePolicy {
  /** Minutes without activity after which the session ends as IDLE_TIMEOUT. */
  timeoutMinutes: number;
  /** How long before the limit the warning appears (default 60 s). */
  warningSeconds?: number;
}

/**
 * Turns the idle-timeout policy on (it is off by default): a warning first, any activity keeps
 * the session, and the sign-out is recorded as IDLE_TIMEOUT. Idle time is measured from the last
 * activity in any tab, against absolute times, so a laptop that slept is judged when it wakes.
 */
export function withIdlePolicy(policy: IdlePolicy): LogoutLensFeature<'IdlePolicy'> {
  if (!(policy.timeoutMinutes > 0)) throw new Error('withIdlePolicy(): timeoutMinutes must be a positive number.');
  return logoutLensFeature('IdlePolicy', [
    {
      provide: LOGOUT_LENS_CONFIG_PARTS,
      multi: true,
      useValue: {
        idleTimeoutMinutes: policy.timeoutMinutes,
        ...(policy.warningSeconds === undefined ? {} : { idleWarningSeconds: policy.warningSeconds }),
      },
    },
  ]);
}
