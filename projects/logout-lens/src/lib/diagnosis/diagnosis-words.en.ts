import type { DiagnosisWords } from '../intl/diagnosis-words';
import { clockOffsetText, durationText, localTimeText, statusesText, timesText } from './diagnosis-text';

/** The diagnosis in English: the words of the exported report, and of every screen unless an app translates them. */
export const ENGLISH_DIAGNOSIS_WORDS: DiagnosisWords = {
  duration: durationText,
  clockOffset: clockOffsetText,
  times: timesText,
  statuses: statusesText,
  time: localTimeText,

  clockSkewAtExpiry: ({ expired, earlyMs, skewMs }, w) =>
    `${expired ? 'The session was treated as expired' : 'The browser stopped sending the session cookie'}` +
    `${earlyMs === null ? ' while' : ` ${w.duration(earlyMs)} before its end, and`} this computer's clock is ` +
    `${w.clockOffset(skewMs)}, so the wrong clock may be to blame.`,
  tokenExpiredAt: ({ at }, w) => `The refresh token expired at ${w.time(at)}.`,
  tokenExpired: ({ rememberMe, ageMs }, w) =>
    `The refresh token expired: this session signed in ${rememberMe ? 'with' : 'without'} Remember me ` +
    `${w.duration(ageMs)} ago.`,
  simplejwtNoRememberMe: ({ lifetimeMs }, w) =>
    'The user chose Remember me, but stock simplejwt has no Remember me: every session gets the ' +
    `server's REFRESH_TOKEN_LIFETIME (${w.duration(lifetimeMs)}), whatever the box says. Lengthen ` +
    'REFRESH_TOKEN_LIFETIME, or mount logout_lens.contrib.simplejwt for a lifetime of its own for each choice.',
  simplejwtSlidingLifetimeEnded: ({ lifetimeMs, sinceRefreshMs }, w) =>
    `The session went ${w.duration(sinceRefreshMs)} without a refresh: with simplejwt's ` +
    `ROTATE_REFRESH_TOKENS each refresh starts REFRESH_TOKEN_LIFETIME (${w.duration(lifetimeMs)}) again, ` +
    'so a session ends after that long without one (a laptop closed, the app not opened) rather than at a fixed time.',
  tokenReuseRace: () =>
    "This browser's own requests crossed: an earlier session key came back from this same address " +
    'and browser after the grace window, as a tab that refreshed late does.',
  tokenReuse: ({ at, theft }, w) =>
    theft
      ? `An old session key was presented again at ${w.time(at)} from another network ` +
        'address or browser, so the server closed the session: most likely a stolen cookie. Change the ' +
        'password and review Active sessions.'
      : `An old session key was presented again at ${w.time(at)}, so the server closed the ` +
        'session to protect the account: a stolen cookie or a restored backup of the browser profile can do this.',
  passwordChanged: ({ at }, w) =>
    "The account's password was changed, which signs out every session, and this browser " +
    `learned of it at ${w.time(at)}.`,
  accountDisabled: ({ at }, w) =>
    'An administrator deactivated the account, which ends every session, and this browser ' +
    `learned of it at ${w.time(at)}; only an administrator can reactivate it.`,
  sessionRevoked: ({ at }, w) =>
    'This session was revoked from another device or the Active sessions page, and this browser ' +
    `learned of it at ${w.time(at)}.`,
  userSignedOut: ({ at, fromOtherTab }, w) =>
    fromOtherTab
      ? `The user signed out in another tab at ${w.time(at)}, which signs out every tab.`
      : `The user chose Sign out at ${w.time(at)}.`,
  idleTimeout: ({ idleMs }, w) =>
    `The organisation's idle-timeout policy signed the user out after ${w.duration(idleMs)} without activity.`,
  authError: ({ failure }) => {
    const answer = !failure
      ? ''
      : failure.status === 0
        ? ` (${failure.method} ${failure.path} got no answer)`
        : ` (${failure.method} ${failure.path} returned ${failure.status})`;
    return (
      `The server refused the session right after a successful refresh${answer}, so suspect the ` +
      "API's auth configuration rather than the user's session."
    );
  },
  sessionNotKept: ({ at }, w) =>
    `The page was reloaded or reopened at ${w.time(at)} with no other tab of the app open: the server hands ` +
    "the refresh token to the page (stock simplejwt), so it lived in the tabs' memory only and went with " +
    'them. Nothing failed; to keep sessions across reloads, mount logout_lens.contrib.simplejwt (the token then ' +
    'lives in an HttpOnly cookie).',
  cookieMissing: () =>
    'The browser no longer sent the session cookie — cookies were cleared, blocked, or the cookie expired.',
  signOutUnexplained: ({ at, type, code }, w) =>
    `The sign-out at ${w.time(at)} has no more specific explanation ` +
    `(recorded as ${type}${code ? ` with code ${code}` : ''}).`,

  sessionEndingSoon: ({ leftMs }, w) =>
    leftMs > 0
      ? `The session ends in ${w.duration(leftMs)}: it will need a fresh sign-in then.`
      : 'The session has reached the end of its lifetime: it will need a fresh sign-in now.',
  accessOutlivesSession: ({ byMs }, w) =>
    `The access token outlives the session by ${w.duration(byMs)}: the access lifetime (simplejwt's ` +
    'ACCESS_TOKEN_LIFETIME) is longer than the refresh lifetime, so the API takes the token after the ' +
    'session has ended, and a sign-out cannot stop it.',
  refreshFailing: ({ count, statuses }, w) =>
    `Refresh failed ${w.times(count)} with ${w.statuses(statuses)}; the session was kept.`,
  clockSkew: ({ skewMs }, w) => `This computer's clock is ${w.clockOffset(skewMs)}.`,
  laptopSlept: ({ sleptMs, restored }, w) =>
    `The laptop slept for ${w.duration(sleptMs)}; the session was ${restored ? 'restored on wake' : 'kept'}.`,
  signedOutWithoutRecord: () => 'Not signed in, and this browser has no sign-out on record.',
  healthy: ({ afterSignOut }) =>
    afterSignOut
      ? 'No risk seen since the last sign-in: the session is healthy.'
      : 'No sign-out recorded and no risk seen: the session is healthy.',
};
