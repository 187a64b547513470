// The rules about risks to a session that is still going, and the fallbacks when all is well.

import { DiagnosisRule } from './diagnosis-rule';
import { ENGLISH_DIAGNOSIS_WORDS } from './diagnosis-words.en';
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
  diagnose: (e, w = ENGLISH_DIAGNOSIS_WORDS) => ({
    rule: 'session-ending-soon',
    severity: 'critical',
    sentence: w.sessionEndingSoon({ leftMs: sessionTimeLeft(e) ?? 0 }, w),
  }),
};

export const accessOutlivesSession: DiagnosisRule = {
  id: 'access-outlives-session',
  matches: (e) => e.signedIn && e.session !== null && e.session.accessExpiresAt > e.session.refreshExpiresAt,
  diagnose: (e, w = ENGLISH_DIAGNOSIS_WORDS) => ({
    rule: 'access-outlives-session',
    severity: 'warning',
    sentence: w.accessOutlivesSession({ byMs: e.session ? e.session.accessExpiresAt - e.session.refreshExpiresAt : 0 }, w),
  }),
};

export const refreshFailing: DiagnosisRule = {
  id: 'refresh-failing',
  matches: (e) => e.signedIn && refreshFailuresSinceSuccess(e.apiCalls).length > 0,
  diagnose: (e, w = ENGLISH_DIAGNOSIS_WORDS) => {
    const failures = refreshFailuresSinceSuccess(e.apiCalls);
    return {
      rule: 'refresh-failing',
      severity: 'warning',
      sentence: w.refreshFailing({ count: failures.length, statuses: failures.map((f) => f.status) }, w),
    };
  },
};

export const clockSkew: DiagnosisRule = {
  id: 'clock-skew',
  matches: (e) => Math.abs(e.clockSkewMs) >= CLOCK_SKEW_THRESHOLD_MS,
  diagnose: (e, w = ENGLISH_DIAGNOSIS_WORDS) => ({
    rule: 'clock-skew',
    severity: 'warning',
    sentence: w.clockSkew({ skewMs: e.clockSkewMs }, w),
  }),
};

export const laptopSlept: DiagnosisRule = {
  id: 'laptop-slept',
  matches: (e) => e.signedIn && longestRecentSleep(e) !== null,
  diagnose: (e, w = ENGLISH_DIAGNOSIS_WORDS) => {
    const sleep = longestRecentSleep(e);
    // A refresh that succeeded after the check fell due renewed the session on wake.
    const restored = sleep !== null && refreshedBetween(e.apiCalls, sleep.expectedAt, e.now);
    return {
      rule: 'laptop-slept',
      severity: 'info',
      sentence: w.laptopSlept({ sleptMs: sleep?.delayMs ?? 0, restored }, w),
    };
  },
};

export const signedOutWithoutRecord: DiagnosisRule = {
  id: 'signed-out-without-record',
  matches: (e) => !e.signedIn && e.lastLogout === null,
  diagnose: (_e, w = ENGLISH_DIAGNOSIS_WORDS) => ({
    rule: 'signed-out-without-record',
    severity: 'info',
    sentence: w.signedOutWithoutRecord({}, w),
  }),
};

export const healthy: DiagnosisRule = {
  id: 'healthy',
  matches: () => true,
  diagnose: (e, w = ENGLISH_DIAGNOSIS_WORDS) => ({
    rule: 'healthy',
    severity: 'info',
    sentence: w.healthy({ afterSignOut: e.lastLogout !== null }, w),
  }),
};
