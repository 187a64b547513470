// The rules that explain the last sign-out, for a browser that is signed out.

import { LogoutRecord } from '../model/logout-record';
import { DiagnosisRule } from './diagnosis-rule';
import { clockOffsetText, durationText, localTimeText } from './diagnosis-text';
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
  finding: (record: LogoutRecord, evidence: Evidence) => Finding,
): DiagnosisRule {
  const lastSignOut = (e: Evidence) => (e.signedIn ? null : e.lastLogout);
  return {
    id,
    matches: (e) => {
      const record = lastSignOut(e);
      return record !== null && when(record, e);
    },
    diagnose: (e) => {
      const record = lastSignOut(e);
      if (!record) throw new Error(`Rule ${id} needs a signed-out browser with a sign-out on record.`);
      return { rule: id, ...finding(record, e) };
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
  (r, e) => {
    const what =
      r.type === 'TOKEN_EXPIRED'
        ? 'The session was treated as expired'
        : 'The browser stopped sending the session cookie';
    const early = endedEarlyBy(r, e);
    const when = early === null ? ' while' : ` ${durationText(early)} before its end, and`;
    return {
      severity: 'warning',
      sentence:
        `${what}${when} this computer's clock is ${clockOffsetText(e.clockSkewMs)}, ` +
        'so the wrong clock may be to blame.',
    };
  },
);

export const tokenExpired = signOutRule(
  'token-expired',
  (r) => r.type === 'TOKEN_EXPIRED',
  (r, e) => {
    const refreshExpiresAt = parseTime(r.refresh_expires_at);
    if (r.remember_me === null || refreshExpiresAt === null || r.session_lifetime_seconds === null) {
      const at = refreshExpiresAt ?? endedAt(r, e);
      return { severity: 'info', sentence: `The refresh token expired at ${localTimeText(at)}.` };
    }
    const lifetime = r.session_lifetime_seconds * 1000;
    const age = endedAt(r, e) + e.clockSkewMs - (refreshExpiresAt - lifetime);
    const how = r.remember_me ? 'with' : 'without';
    return {
      severity: 'info',
      sentence: `The refresh token expired: this session signed in ${how} Remember me ${durationText(age)} ago.`,
    };
  },
);

export const tokenReuseRace = signOutRule(
  'token-reuse-race',
  (r, e) =>
    r.type === 'TOKEN_REUSE_DETECTED' &&
    r.reuse_verdict !== 'likely_theft' &&
    (r.reuse_verdict === 'likely_race' || refreshRaced(r, e)),
  () => ({
    severity: 'warning',
    sentence:
      "This browser's own requests crossed: an earlier session key came back from this same address " +
      'and browser after the grace window, as a tab that refreshed late does.',
  }),
);

export const tokenReuse = signOutRule(
  'token-reuse',
  (r) => r.type === 'TOKEN_REUSE_DETECTED',
  (r, e) => ({
    severity: 'critical',
    sentence:
      r.reuse_verdict === 'likely_theft'
        ? `An old session key was presented again at ${localTimeText(endedAt(r, e))} from another network ` +
          'address or browser, so the server closed the session: most likely a stolen cookie. Change the ' +
          'password and review Active sessions.'
        : `An old session key was presented again at ${localTimeText(endedAt(r, e))}, so the server closed the ` +
          'session to protect the account: a stolen cookie or a restored backup of the browser profile can do this.',
  }),
);

export const passwordChanged = signOutRule(
  'password-changed',
  (r) => r.type === 'PASSWORD_CHANGED',
  (r, e) => ({
    severity: 'info',
    sentence:
      `The account's password was changed, which signs out every session, and this browser ` +
      `learned of it at ${localTimeText(endedAt(r, e))}.`,
  }),
);

export const accountDisabled = signOutRule(
  'account-disabled',
  (r) => r.type === 'ACCOUNT_DISABLED',
  (r, e) => ({
    severity: 'warning',
    sentence:
      'An administrator deactivated the account, which ends every session, and this browser ' +
      `learned of it at ${localTimeText(endedAt(r, e))}; only an administrator can reactivate it.`,
  }),
);

export const sessionRevoked = signOutRule(
  'session-revoked',
  (r) => r.type === 'SESSION_REVOKED',
  (r, e) => ({
    severity: 'info',
    sentence:
      'This session was revoked from another device or the Active sessions page, and this browser ' +
      `learned of it at ${localTimeText(endedAt(r, e))}.`,
  }),
);

export const userSignedOut = signOutRule(
  'user-signed-out',
  (r) => r.type === 'USER_INITIATED',
  (r, e) => ({
    severity: 'info',
    sentence: r.from_other_tab
      ? `The user signed out in another tab at ${localTimeText(endedAt(r, e))}, which signs out every tab.`
      : `The user chose Sign out at ${localTimeText(endedAt(r, e))}.`,
  }),
);

export const idleTimeout = signOutRule(
  'idle-timeout',
  (r) => r.type === 'IDLE_TIMEOUT',
  (r) => ({
    severity: 'info',
    sentence:
      `The organisation's idle-timeout policy signed the user out after ` +
      `${durationText(r.idle_seconds * 1000)} without activity.`,
  }),
);

export const authError = signOutRule(
  'auth-error',
  (r) => r.type === 'AUTH_ERROR',
  (r) => {
    const failure = r.api_failures[r.api_failures.length - 1];
    const answer = !failure
      ? ''
      : failure.status === 0
        ? ` (${failure.method} ${failure.path} got no answer)`
        : ` (${failure.method} ${failure.path} returned ${failure.status})`;
    return {
      severity: 'warning',
      sentence:
        `The server refused the session right after a successful refresh${answer}, so suspect the ` +
        "API's auth configuration rather than the user's session.",
    };
  },
);

export const cookieMissing = signOutRule(
  'cookie-missing',
  (r) => r.type === 'REFRESH_FAILED' && r.code === 'refresh_missing',
  () => ({
    severity: 'warning',
    sentence:
      'The browser no longer sent the session cookie — cookies were cleared, blocked, or the cookie expired.',
  }),
);

export const signOutUnexplained = signOutRule(
  'sign-out-unexplained',
  () => true,
  (r, e) => ({
    severity: 'warning',
    sentence:
      `The sign-out at ${localTimeText(endedAt(r, e))} has no more specific explanation ` +
      `(recorded as ${r.type}${r.code ? ` with code ${r.code}` : ''}).`,
  }),
);
