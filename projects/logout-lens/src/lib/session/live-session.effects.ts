/*
 * What runs only while a session is live, loaded once there is one (`live-session.ts`, through `LIVE_SESSION_EFFECTS`): the
 * refresh ahead of expiry and the idle policy. Both follow the state, so they start from the
 * session as it stands when they load. Nothing else may import these modules, or they would be
 * back in the initial bundle.
 */
export { proactiveRefresh } from '../auth/state/session-timer.effects';
export { enforceIdlePolicy } from '../idle/idle.effects';
