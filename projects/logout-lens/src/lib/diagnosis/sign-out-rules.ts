// The rules that explain the last sign-out, for a browser that is signed out.

import { LogoutRecord } from '../model/logout-record';
import { DiagnosisRule } from './diagnosis-rule';
import type { DiagnosisWords } from '../intl/diagnosis-words';
import { ENGLISH_DIAGNOSIS_WORDS } from './diagnosis-words.en';
import {
  CLOCK_SKEW_THRESHOLD_MS,
  REFRESH_RACE_WINDOW_MS,
} from './diagnosis-thresholds';
import { DiagnosisSeverity, Evidence } from './evidence';
import { refreshedBetween } from './refresh-calls';

interface Finding {
  severity: DiagnosisSeverity;
  sentence: string;
}

/** A rule about the last sign-out: it only matches while signed out with a sign-out on record. */
function signOutRule(
  id: string,
  when: (record: LogoutRecord, evidence: Evidence) => boolean,
  finding: (record: LogoutRecord, evidence: Evidence, words: DiagnosisWords) => Finding,
): DiagnosisRule {
  const lastSignOut = (e: Evidence) => (e.signedIn ? null : e.lastLogout);
  return {
    id,
    matches: (e) => {
      const record = lastSignOut(e);
      return record !== null && when(record, e);
    },
    diagnose: (e, words = ENGLISH_DIAGNOSIS_WORDS) => {
      const record = lastSignOut(e);
      if (!record) throw new Error(`Rule ${id} needs a signed-out browser with a sign-out on record.`);
      return { rule: id, ...finding(record, e, words) };
    },
  };
}

function parseTime(iso: string | null): number | null {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** When the sign-out happened, local epoch ms. */
const endedAt = (r: LogoutRecord, e: Evidence) => parseTime(r.occurred_at) ?? e.now;

/**
 * How long before its refresh token's recorded end the session ended, on the server's clock; null
 * when the end is not on record. The server only calls a token expired once it is, so an early end
 * was this browser's doing.
 */
function endedEarlyBy(r: LogoutRecord, e: Evidence): number | null {
  const refreshExpiresAt = parseTime(r.refresh_expires_at);
  return refreshExpiresAt === null ? null : refreshExpiresAt - (endedAt(r, e) + e.clockSkewMs);
}

/**
 * Whether this computer's clock could have ended the session early. Only a clock that is ahead
 * runs a session's end early, and by no more than it is ahead (a minute's leeway for the estimate).
 */
function clockCouldCutShort(r: LogoutRecord, e: Evidence): boolean {
  const ahead = -e.clockSkewMs;
  if (ahead < CLOCK_SKEW_THRESHOLD_MS) return false;
  const early = endedEarlyBy(r, e);
  return early === null || (early > 0 && early <= ahead + CLOCK_SKEW_THRESHOLD_MS);
}

/** Whether a successful refresh ran shortly before the sign-out: two refreshes raced. */
function refreshRaced(r: LogoutRecord, e: Evidence): boolean {
  const end = endedAt(r, e);
  const from = end - REFRESH_RACE_WINDOW_MS;
  const last = r.last_refresh;
  const lastAt = last?.outcome === 'success' ? parseTime(last.at) : null;
  return refreshedBetween(e.apiCalls, from, end) || (lastAt !== null && lastAt >= from && lastAt <= end);
}

export const clockSkewAtExpiry = signOutRule(
  'clock-skew-at-expiry',
  (r, e) => (r.type === 'TOKEN_EXPIRED' || r.type === 'REFRESH_FAILED') && clockCouldCutShort(r, e),
  (r, e, w) => ({
    severity: 'warning',
    sentence: w.clockSkewAtExpiry(
      { expired: r.type === 'TOKEN_EXPIRED', earlyMs: endedEarlyBy(r, e), skewMs: e.clockSkewMs },
      w,
    ),
  }),
);

export const tokenExpired = signOutRule(
  'token-expired',
  (r) => r.type === 'TOKEN_EXPIRED',
  (r, e, w) => {
    const refreshExpiresAt = parseTime(r.refresh_expires_at);
    if (r.remember_me === null || refreshExpiresAt === null || r.session_lifetime_seconds === null) {
      return { severity: 'info', sentence: w.tokenExpiredAt({ at: refreshExpiresAt ?? endedAt(r, e) }, w) };
    }
    const lifetime = r.session_lifetime_seconds * 1000;
    const ageMs = endedAt(r, e) + e.clockSkewMs - (refreshExpiresAt - lifetime);
    return { severity: 'info', sentence: w.tokenExpired({ rememberMe: r.remember_me, ageMs }, w) };
  },
);

/** A stock simplejwt refusal: its one code for every end (the type was told from the token's exp). */
const stockSimpleJwtExpiry = (r: LogoutRecord) =>
  r.type === 'TOKEN_EXPIRED' && r.code === 'token_not_valid' && r.session_lifetime_seconds !== null;

export const simplejwtNoRememberMe = signOutRule(
  'simplejwt-no-remember-me',
  (r) => stockSimpleJwtExpiry(r) && r.remember_me === true,
  (r, _e, w) => ({ severity: 'warning', sentence: w.simplejwtNoRememberMe({ lifetimeMs: r.session_lifetime_seconds! * 1000 }, w) }),
);

/**
 * Server ms of the last successful refresh, when the token that expired was the one it minted
 * (within a minute): its lifetime began there, not at the sign-in — it slid.
 */
function slidFrom(r: LogoutRecord, e: Evidence): number | null {
  const refreshExpiresAt = parseTime(r.refresh_expires_at);
  const last = r.last_refresh?.outcome === 'success' ? parseTime(r.last_refresh.at) : null;
  if (refreshExpiresAt === null || last === null || r.session_lifetime_seconds === null) return null;
  const minted = refreshExpiresAt - r.session_lifetime_seconds * 1000;
  return Math.abs(minted - (last + e.clockSkewMs)) <= 60_000 ? last + e.clockSkewMs : null;
}

export const simplejwtSlidingLifetimeEnded = signOutRule(
  'simplejwt-sliding-lifetime-ended',
  (r, e) => stockSimpleJwtExpiry(r) && slidFrom(r, e) !== null,
  (r, e, w) => ({
    severity: 'info',
    sentence: w.simplejwtSlidingLifetimeEnded(
      { lifetimeMs: r.session_lifetime_seconds! * 1000, sinceRefreshMs: endedAt(r, e) + e.clockSkewMs - slidFrom(r, e)! },
      w,
    ),
  }),
);

export const tokenReuseRace = signOutRule(
  'token-reuse-race',
  (r, e) =>
    r.type === 'TOKEN_REUSE_DETECTED' &&
    r.reuse_verdict !== 'likely_theft' &&
    (r.reuse_verdict === 'likely_race' || refreshRaced(r, e)),
  (_r, _e, w) => ({ severity: 'warning', sentence: w.tokenReuseRace({}, w) }),
);

export const tokenReuse = signOutRule(
  'token-reuse',
  (r) => r.type === 'TOKEN_REUSE_DETECTED',
  (r, e, w) => ({
    severity: 'critical',
    sentence: w.tokenReuse({ at: endedAt(r, e), theft: r.reuse_verdict === 'likely_theft' }, w),
  }),
);

export const passwordChanged = signOutRule(
  'password-changed',
  (r) => r.type === 'PASSWORD_CHANGED',
  (r, e, w) => ({ severity: 'info', sentence: w.passwordChanged({ at: endedAt(r, e) }, w) }),
);

export const accountDisabled = signOutRule(
  'account-disabled',
  (r) => r.type === 'ACCOUNT_DISABLED',
  (r, e, w) => ({ severity: 'warning', sentence: w.accountDisabled({ at: endedAt(r, e) }, w) }),
);

export const sessionNotKept = signOutRule(
  'session-not-kept',
  (r) => r.type === 'SESSION_NOT_KEPT',
  (r, e, w) => ({ severity: 'info', sentence: w.sessionNotKept({ at: endedAt(r, e) }, w) }),
);

export const sessionRevoked = signOutRule(
  'session-revoked',
  (r) => r.type === 'SESSION_REVOKED',
  (r, e, w) => ({ severity: 'info', sentence: w.sessionRevoked({ at: endedAt(r, e) }, w) }),
);

export const userSignedOut = signOutRule(
  'user-signed-out',
  (r) => r.type === 'USER_INITIATED',
  (r, e, w) => ({
    severity: 'info',
    sentence: w.userSignedOut({ at: endedAt(r, e), fromOtherTab: r.from_other_tab }, w),
  }),
);

export const idleTimeout = signOutRule(
  'idle-timeout',
  (r) => r.type === 'IDLE_TIMEOUT',
  (r, _e, w) => ({ severity: 'info', sentence: w.idleTimeout({ idleMs: r.idle_seconds * 1000 }, w) }),
);

export const authError = signOutRule(
  'auth-error',
  (r) => r.type === 'AUTH_ERROR',
  (r, _e, w) => {
    const last = r.api_failures[r.api_failures.length - 1];
    const failure = last ? { method: last.method, path: last.path, status: last.status } : null;
    return { severity: 'warning', sentence: w.authError({ failure }, w) };
  },
);

export const cookieMissing = signOutRule(
  'cookie-missing',
  (r) => r.type === 'REFRESH_FAILED' && r.code === 'refresh_missing',
  (_r, _e, w) => ({ severity: 'warning', sentence: w.cookieMissing({}, w) }),
);

export const signOutUnexplained = signOutRule(
  'sign-out-unexplained',
  () => true,
  (r, e, w) => ({
    severity: 'warning',
    sentence: w.signOutUnexplained({ at: endedAt(r, e), type: r.type, code: r.code || null }, w),
  }),
);
