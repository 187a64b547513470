import { DiagnosisRule } from './diagnosis-rule';
import {
  accessOutlivesSession,
  clockSkew,
  healthy,
  laptopSlept,
  refreshFailing,
  sessionEndingSoon,
  signedOutWithoutRecord,
} from './risk-rules';
import {
  accountDisabled,
  authError,
  clockSkewAtExpiry,
  cookieMissing,
  idleTimeout,
  passwordChanged,
  sessionNotKept,
  sessionRevoked,
  signOutUnexplained,
  simplejwtNoRememberMe,
  simplejwtSlidingLifetimeEnded,
  tokenExpired,
  tokenReuse,
  tokenReuseRace,
  userSignedOut,
} from './sign-out-rules';

export type { DiagnosisRule } from './diagnosis-rule';

/**
 * Every cause the diagnosis can name, most specific first; the first rule that matches wins.
 *
 * Precedence:
 * 1. Signed out with a sign-out on record: that sign-out's cause is the answer, so the sign-out
 *    rules come first and the last of them (`sign-out-unexplained`) catches any record left over.
 *    Within them the narrower reading of a type goes before the plain one: an expiry that came
 *    early while the clock is off (`clock-skew-at-expiry`) before `token-expired`, then stock
 *    simplejwt's expiries (its `token_not_valid`): "Remember me" it cannot keep
 *    (`simplejwt-no-remember-me`), a lifetime that slid (`simplejwt-sliding-lifetime-ended`); a
 *    reuse right after a successful refresh (`token-reuse-race`) before `token-reuse`.
 * 2. Otherwise (signed in, or signed out with nothing on record) the worst risk wins: the session
 *    running out within a day (critical), then an access token that outlives the session, refreshes
 *    failing now, a wrong clock (warnings), then a recent sleep (info).
 * 3. Fallbacks that always leave an answer: signed out with nothing on record, then healthy.
 */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  clockSkewAtExpiry,
  simplejwtNoRememberMe,
  simplejwtSlidingLifetimeEnded,
  tokenExpired,
  tokenReuseRace,
  tokenReuse,
  passwordChanged,
  accountDisabled,
  sessionNotKept,
  sessionRevoked,
  userSignedOut,
  idleTimeout,
  authError,
  cookieMissing,
  signOutUnexplained,
  sessionEndingSoon,
  accessOutlivesSession,
  refreshFailing,
  clockSkew,
  laptopSlept,
  signedOutWithoutRecord,
  healthy,
];
