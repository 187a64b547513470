// The rules about risks to a session that is still going, and the fallbacks when all is well.

import { DiagnosisRule } from './diagnosis-rule';
import { clockOffsetText, durationText, statusesText, timesText } from './diagnosis-text';
import {
  CLOCK_SKEW_THRESHOLD_MS,
  RECENT_SLEEP_MS,
  SESSION_ENDING_MS,
  SLEEP_THRESHOLD_MS,
} from './diagnosis-thresholds';
import { Evidence, LateTimer } from './evidence';
import { refreshFailuresSinceSuccess, refreshedBetween } from './refresh-calls';

/** Time left on the refresh token, on the server's clock; null while signed out. */
function sessionTimeLeft(e: Evidence): number | null {
  if (!e.signedIn || !e.session) return null;
  return e.session.refreshExpiresAt - (e.now + e.clockSkewMs);
}

/** The longest recent late check over the sleep threshold, if any. */
function longestRecentSleep(e: Evidence): LateTimer | null {
  const sleeps = e.lateTimers.filter(
    (t) => t.delayMs >= SLEEP_THRESHOLD_MS && t.firedAt >= e.now - RECENT_SLEEP_MS,
  );
  return sleeps.reduce<LateTimer | null>((max, t) => (max && max.delayMs >= t.delayMs ? max : t), null);
}

export const sessionEndingSoon: DiagnosisRule = {
  id: 'session-ending-soon',
  matches: (e) => {
    const left = sessionTimeLeft(e);
    return left !== null && left < SESSION_ENDING_MS;
  },
  diagnose: (e) => {
    const left = sessionTimeLeft(e) ?? 0;
    return {
      rule: 'session-ending-soon',
      severity: 'critical',
      sentence:
        left > 0
          ? `The session ends in ${durationText(left)}: it will need a fresh sign-in then.`
          : 'The session has reached the end of its lifetime: it will need a fresh sign-in now.',
    };
  },
};

export const refreshFailing: DiagnosisRule = {
  id: 'refresh-failing',
  matches: (e) => e.signedIn && refreshFailuresSinceSuccess(e.apiCalls).length > 0,
  diagnose: (e) => {
    const failures = refreshFailuresSinceSuccess(e.apiCalls);
    const statuses = statusesText(failures.map((f) => f.status));
    return {
      rule: 'refresh-failing',
      severity: 'warning',
      sentence: `Refresh failed ${timesText(failures.length)} with ${statuses}; the session was kept.`,
    };
  },
};

export const clockSkew: DiagnosisRule = {
  id: 'clock-skew',
  matches: (e) => Math.abs(e.clockSkewMs) >= CLOCK_SKEW_THRESHOLD_MS,
  diagnose: (e) => ({
    rule: 'clock-skew',
    severity: 'warning',
    sentence: `This computer's clock is ${clockOffsetText(e.clockSkewMs)}.`,
  }),
};

export const laptopSlept: DiagnosisRule = {
  id: 'laptop-slept',
  matches: (e) => e.signedIn && longestRecentSleep(e) !== null,
  diagnose: (e) => {
    const sleep = longestRecentSleep(e);
    const delayMs = sleep?.delayMs ?? 0;
    // A refresh that succeeded after the check fell due renewed the session on wake.
    const restored = sleep !== null && refreshedBetween(e.apiCalls, sleep.expectedAt, e.now);
    return {
      rule: 'laptop-slept',
      severity: 'info',
      sentence:
        `The laptop slept for ${durationText(delayMs)}; ` +
        `the session was ${restored ? 'restored on wake' : 'kept'}.`,
    };
  },
};

export const signedOutWithoutRecord: DiagnosisRule = {
  id: 'signed-out-without-record',
  matches: (e) => !e.signedIn && e.lastLogout === null,
  diagnose: () => ({
    rule: 'signed-out-without-record',
    severity: 'info',
    sentence: 'Not signed in, and this browser has no sign-out on record.',
  }),
};

export const healthy: DiagnosisRule = {
  id: 'healthy',
  matches: () => true,
  diagnose: (e) => ({
    rule: 'healthy',
    severity: 'info',
    sentence: e.lastLogout
      ? 'No risk seen since the last sign-in: the session is healthy.'
      : 'No sign-out recorded and no risk seen: the session is healthy.',
  }),
};
