import { LogoutRecord } from '../model/logout-record';
import { diagnose } from './diagnose';
import { DiagnosisRule } from './diagnosis-rule';
import { DiagnosisSeverity, Evidence } from './evidence';
import { DAY, HOUR, MINUTE, REFRESH_PATH, SECOND, call, isoAt, signedOut } from './evidence.fixture';
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

const succeeded = (offsetMs: number) =>
  ({ at: isoAt(offsetMs), outcome: 'success', status: 200, reason: null }) as const;

/** Stock simplejwt's refusal of a 1-day refresh token that ran out 2 hours ago, without Remember me. */
const stockExpiry = (overrides: Partial<LogoutRecord> = {}) =>
  signedOut({
    type: 'TOKEN_EXPIRED',
    code: 'token_not_valid',
    remember_me: false,
    refresh_expires_at: isoAt(-2 * HOUR),
    session_lifetime_seconds: 86400,
    ...overrides,
  });

describe('sign-out rules', () => {
  it.each<[string, DiagnosisRule, Evidence, DiagnosisSeverity, string]>([
    [
      'an early expiry while the clock is days ahead',
      clockSkewAtExpiry,
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: isoAt(0) }, { clockSkewMs: -3 * DAY }),
      'warning',
      "The session was treated as expired 3 days before its end, and this computer's clock is 3 days ahead of the server, so the wrong clock may be to blame.",
    ],
    [
      'a missing cookie while the clock is minutes ahead',
      clockSkewAtExpiry,
      signedOut(
        { type: 'REFRESH_FAILED', code: 'refresh_missing', refresh_expires_at: isoAt(0) },
        { clockSkewMs: -6 * MINUTE },
      ),
      'warning',
      "The browser stopped sending the session cookie 6 minutes before its end, and this computer's clock is 6 minutes ahead of the server, so the wrong clock may be to blame.",
    ],
    [
      'an expiry with no recorded end while the clock is hours ahead',
      clockSkewAtExpiry,
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: null }, { clockSkewMs: -2 * HOUR }),
      'warning',
      "The session was treated as expired while this computer's clock is 2 hours ahead of the server, so the wrong clock may be to blame.",
    ],
    [
      'an expiry without Remember me',
      tokenExpired,
      signedOut({
        type: 'TOKEN_EXPIRED',
        remember_me: false,
        refresh_expires_at: isoAt(-30 * SECOND),
        session_lifetime_seconds: 7 * 86400,
      }),
      'info',
      'The refresh token expired: this session signed in without Remember me 7 days ago.',
    ],
    [
      'an expiry of a session whose lifetime the server did not state',
      tokenExpired,
      signedOut({ type: 'TOKEN_EXPIRED', remember_me: false, refresh_expires_at: isoAt(-30 * SECOND), session_lifetime_seconds: null }),
      'info',
      'The refresh token expired at Nov 28, 2026, 9:59:30\u202fAM.',
    ],
    [
      'an expiry with Remember me',
      tokenExpired,
      signedOut({ type: 'TOKEN_EXPIRED', remember_me: true, refresh_expires_at: isoAt(-2 * MINUTE) }),
      'info',
      'The refresh token expired: this session signed in with Remember me 20 days ago.',
    ],
    [
      'an expiry of a session whose Remember me choice is unknown',
      tokenExpired,
      signedOut({ type: 'TOKEN_EXPIRED', remember_me: null, refresh_expires_at: isoAt(-45 * MINUTE) }),
      'info',
      'The refresh token expired at Nov 28, 2026, 9:15:00\u202fAM.',
    ],
    [
      'a reuse right after a successful refresh call',
      tokenReuseRace,
      signedOut({ type: 'TOKEN_REUSE_DETECTED' }, { apiCalls: [call(REFRESH_PATH, 200, -20 * SECOND)] }),
      'warning',
      "This browser's own requests crossed: an earlier session key came back from this same address and browser after the grace window, as a tab that refreshed late does.",
    ],
    [
      "a reuse right after the record's last refresh succeeded",
      tokenReuseRace,
      signedOut({ type: 'TOKEN_REUSE_DETECTED', last_refresh: succeeded(-45 * SECOND) }),
      'warning',
      "This browser's own requests crossed: an earlier session key came back from this same address and browser after the grace window, as a tab that refreshed late does.",
    ],
    [
      "a reuse the server read as this browser's own race",
      tokenReuseRace,
      signedOut({ type: 'TOKEN_REUSE_DETECTED', reuse_verdict: 'likely_race', last_refresh: succeeded(-40 * MINUTE) }),
      'warning',
      "This browser's own requests crossed: an earlier session key came back from this same address and browser after the grace window, as a tab that refreshed late does.",
    ],
    [
      'a reuse the server read as a likely theft, even right after a refresh',
      tokenReuse,
      signedOut(
        { type: 'TOKEN_REUSE_DETECTED', reuse_verdict: 'likely_theft' },
        { apiCalls: [call(REFRESH_PATH, 200, -20 * SECOND)] },
      ),
      'critical',
      'An old session key was presented again at Nov 28, 2026, 10:00:00\u202fAM from another network address or browser, so the server closed the session: most likely a stolen cookie. Change the password and review Active sessions.',
    ],
    [
      'a reuse with no refresh nearby',
      tokenReuse,
      signedOut({ type: 'TOKEN_REUSE_DETECTED', last_refresh: succeeded(-40 * MINUTE) }),
      'critical',
      'An old session key was presented again at Nov 28, 2026, 10:00:00\u202fAM, so the server closed the session to protect the account: a stolen cookie or a restored backup of the browser profile can do this.',
    ],
    [
      'a password change',
      passwordChanged,
      signedOut({ type: 'PASSWORD_CHANGED', code: 'password_changed' }),
      'info',
      "The account's password was changed, which signs out every session, and this browser learned of it at Nov 28, 2026, 10:00:00\u202fAM.",
    ],
    [
      'a deactivated account',
      accountDisabled,
      signedOut({ type: 'ACCOUNT_DISABLED', code: 'account_disabled' }),
      'warning',
      'An administrator deactivated the account, which ends every session, and this browser learned of it at Nov 28, 2026, 10:00:00\u202fAM; only an administrator can reactivate it.',
    ],
    [
      'a revoked session',
      sessionRevoked,
      signedOut({ type: 'SESSION_REVOKED', code: 'refresh_revoked' }),
      'info',
      'This session was revoked from another device or the Active sessions page, and this browser learned of it at Nov 28, 2026, 10:00:00\u202fAM.',
    ],
    [
      'a sign-out in this tab',
      userSignedOut,
      signedOut({ type: 'USER_INITIATED', code: null }),
      'info',
      'The user chose Sign out at Nov 28, 2026, 10:00:00\u202fAM.',
    ],
    [
      'a sign-out in another tab',
      userSignedOut,
      signedOut({ type: 'USER_INITIATED', code: null, from_other_tab: true }),
      'info',
      'The user signed out in another tab at Nov 28, 2026, 10:00:00\u202fAM, which signs out every tab.',
    ],
    [
      'an idle timeout',
      idleTimeout,
      signedOut({ type: 'IDLE_TIMEOUT', code: null, idle_seconds: 1800 }),
      'info',
      "The organisation's idle-timeout policy signed the user out after 30 minutes without activity.",
    ],
    [
      'a refused session with the failed request on record',
      authError,
      signedOut({
        type: 'AUTH_ERROR',
        code: null,
        api_failures: [
          { method: 'GET', path: '/v1/demo/slow/', status: 503, at: isoAt(-MINUTE) },
          { method: 'GET', path: '/v1/auth/me/', status: 401, at: isoAt(-SECOND) },
        ],
      }),
      'warning',
      "The server refused the session right after a successful refresh (GET /v1/auth/me/ returned 401), so suspect the API's auth configuration rather than the user's session.",
    ],
    [
      'a refused session without a failed request on record',
      authError,
      signedOut({ type: 'AUTH_ERROR', code: null, api_failures: [] }),
      'warning',
      "The server refused the session right after a successful refresh, so suspect the API's auth configuration rather than the user's session.",
    ],
    [
      'a missing cookie',
      cookieMissing,
      signedOut({ type: 'REFRESH_FAILED', code: 'refresh_missing' }),
      'warning',
      'The browser no longer sent the session cookie — cookies were cleared, blocked, or the cookie expired.',
    ],
    [
      'an unknown sign-out',
      signOutUnexplained,
      signedOut({ type: 'UNKNOWN', code: null }),
      'warning',
      'The sign-out at Nov 28, 2026, 10:00:00\u202fAM has no more specific explanation (recorded as UNKNOWN).',
    ],
    [
      'a reload that no other tab could hand the session to (stock simplejwt)',
      sessionNotKept,
      signedOut({ type: 'SESSION_NOT_KEPT', code: 'refresh_not_kept' }),
      'info',
      'The page was reloaded or reopened at Nov 28, 2026, 10:00:00\u202fAM with no other tab of the app open: the ' +
        "server hands the refresh token to the page (stock simplejwt), so it lived in the tabs' memory only and went " +
        'with them. Nothing failed; to keep sessions across reloads, mount logout_lens.contrib.simplejwt (the token ' +
        'then lives in an HttpOnly cookie).',
    ],
    [
      "stock simplejwt's expiry after Remember me, which it cannot keep",
      simplejwtNoRememberMe,
      stockExpiry({ remember_me: true }),
      'warning',
      "The user chose Remember me, but stock simplejwt has no Remember me: every session gets the server's " +
        'REFRESH_TOKEN_LIFETIME (24 hours), whatever the box says. Lengthen REFRESH_TOKEN_LIFETIME, or mount ' +
        'logout_lens.contrib.simplejwt for a lifetime of its own for each choice.',
    ],
    [
      "stock simplejwt's sliding lifetime that ran out a day after the last refresh",
      simplejwtSlidingLifetimeEnded,
      stockExpiry({ last_refresh: succeeded(-26 * HOUR) }),
      'info',
      "The session went 26 hours without a refresh: with simplejwt's ROTATE_REFRESH_TOKENS each " +
        'refresh starts REFRESH_TOKEN_LIFETIME (24 hours) again, so a session ends after that long without one ' +
        '(a laptop closed, the app not opened) rather than at a fixed time.',
    ],
    [
      'a failed refresh with an unexpected code',
      signOutUnexplained,
      signedOut({ type: 'REFRESH_FAILED', code: 'refresh_odd' }),
      'warning',
      'The sign-out at Nov 28, 2026, 10:00:00\u202fAM has no more specific explanation (recorded as REFRESH_FAILED with code refresh_odd).',
    ],
  ])('explains %s', (_case, rule, e, severity, sentence) => {
    const expected = { rule: rule.id, severity, sentence };
    expect(rule.matches(e)).toBe(true);
    expect(rule.diagnose(e)).toEqual(expected);
    expect(diagnose(e)).toEqual(expected);
  });

  it.each<[string, DiagnosisRule, Evidence]>([
    [
      'clock-skew-at-expiry: an expiry on time, whatever the clock',
      clockSkewAtExpiry,
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: isoAt(-10 * MINUTE) }, { clockSkewMs: -6 * MINUTE }),
    ],
    [
      'clock-skew-at-expiry: an early end with a clock behind (it cannot end a session early)',
      clockSkewAtExpiry,
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: isoAt(DAY) }, { clockSkewMs: 6 * MINUTE }),
    ],
    [
      'clock-skew-at-expiry: an end 5 days early with a clock only 3 days ahead',
      clockSkewAtExpiry,
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: isoAt(2 * DAY) }, { clockSkewMs: -3 * DAY }),
    ],
    [
      'clock-skew-at-expiry: a clock 59 s off',
      clockSkewAtExpiry,
      signedOut(
        { type: 'REFRESH_FAILED', code: 'refresh_missing', refresh_expires_at: null },
        { clockSkewMs: -59 * SECOND },
      ),
    ],
    [
      'clock-skew-at-expiry: a revoked session',
      clockSkewAtExpiry,
      signedOut({ type: 'SESSION_REVOKED', refresh_expires_at: null }, { clockSkewMs: -6 * MINUTE }),
    ],
    ['token-expired: a failed refresh', tokenExpired, signedOut({ type: 'REFRESH_FAILED' })],
    [
      "simplejwt-no-remember-me: Logout Lens's own expiry (refresh_expired) after Remember me",
      simplejwtNoRememberMe,
      signedOut({ type: 'TOKEN_EXPIRED', code: 'refresh_expired', remember_me: true }),
    ],
    [
      'simplejwt-no-remember-me: stock simplejwt without Remember me',
      simplejwtNoRememberMe,
      stockExpiry(),
    ],
    [
      'simplejwt-sliding-lifetime-ended: no refresh since the sign-in (the token it signed in with ran out)',
      simplejwtSlidingLifetimeEnded,
      stockExpiry({ last_refresh: null }),
    ],
    [
      'simplejwt-sliding-lifetime-ended: a last refresh that did not mint the token that ran out',
      simplejwtSlidingLifetimeEnded,
      stockExpiry({ last_refresh: succeeded(-30 * HOUR) }),
    ],
    [
      'token-expired: a browser signed in again since',
      tokenExpired,
      { ...signedOut({ type: 'TOKEN_EXPIRED' }), signedIn: true },
    ],
    [
      'token-reuse-race: a successful refresh 5 minutes earlier',
      tokenReuseRace,
      signedOut({ type: 'TOKEN_REUSE_DETECTED' }, { apiCalls: [call(REFRESH_PATH, 200, -5 * MINUTE)] }),
    ],
    [
      'token-reuse-race: a failed refresh just before',
      tokenReuseRace,
      signedOut({ type: 'TOKEN_REUSE_DETECTED' }, { apiCalls: [call(REFRESH_PATH, 503, -10 * SECOND)] }),
    ],
    [
      'token-reuse-race: a last refresh that failed just before',
      tokenReuseRace,
      signedOut({
        type: 'TOKEN_REUSE_DETECTED',
        last_refresh: { at: isoAt(-10 * SECOND), outcome: 'transient-failure', status: 503, reason: 'HTTP 503' },
      }),
    ],
    [
      'token-reuse-race: a likely theft right after a refresh',
      tokenReuseRace,
      signedOut(
        { type: 'TOKEN_REUSE_DETECTED', reuse_verdict: 'likely_theft' },
        { apiCalls: [call(REFRESH_PATH, 200, -20 * SECOND)] },
      ),
    ],
    ['token-reuse: a revoked session', tokenReuse, signedOut({ type: 'SESSION_REVOKED' })],
    ['password-changed: a revoked session', passwordChanged, signedOut({ type: 'SESSION_REVOKED' })],
    ['account-disabled: a revoked session', accountDisabled, signedOut({ type: 'SESSION_REVOKED' })],
    ['session-revoked: a password change', sessionRevoked, signedOut({ type: 'PASSWORD_CHANGED' })],
    ['user-signed-out: an idle timeout', userSignedOut, signedOut({ type: 'IDLE_TIMEOUT' })],
    ['idle-timeout: a sign-out by the user', idleTimeout, signedOut({ type: 'USER_INITIATED' })],
    ['auth-error: an unknown sign-out', authError, signedOut({ type: 'UNKNOWN' })],
    [
      'cookie-missing: a failed refresh with another code',
      cookieMissing,
      signedOut({ type: 'REFRESH_FAILED', code: 'refresh_odd' }),
    ],
    [
      'sign-out-unexplained: a browser that is signed in',
      signOutUnexplained,
      { ...signedOut({ type: 'UNKNOWN' }), signedIn: true },
    ],
  ])('does not match a near miss — %s', (_case, rule, e) => {
    expect(rule.matches(e)).toBe(false);
  });
});
