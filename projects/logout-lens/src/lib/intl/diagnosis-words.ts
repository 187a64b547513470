/**
 * Every word the diagnosis writes: the sentence of each rule, and how it puts numbers into words.
 * A sentence gets the facts its rule found and the words themselves (`w`), so that a translation
 * writes spans, counts and times its own way. Times are local epoch ms; spans are ms.
 */
export interface DiagnosisWords {
  // How numbers are put into words.
  /** A span, in the unit a person would use: "43 minutes", "7 days". */
  duration: (ms: number) => string;
  /** Which way this computer's clock is off (positive: behind): "6 minutes behind the server". */
  clockOffset: (skewMs: number) => string;
  /** A count of tries: "once", "twice", "3 times". */
  times: (count: number) => string;
  /** Statuses seen, each once, in order (0: no answer): "503 and a network error". */
  statuses: (statuses: readonly number[]) => string;
  /** An instant in the user's local time. */
  time: (epochMs: number) => string;

  // The last sign-out (signed out, with a sign-out on record).
  /** An expiry (or a missing cookie) that came early while this computer's clock is ahead. */
  clockSkewAtExpiry: (f: { expired: boolean; earlyMs: number | null; skewMs: number }, w: DiagnosisWords) => string;
  /** The refresh token expired, its age not on record. */
  tokenExpiredAt: (f: { at: number }, w: DiagnosisWords) => string;
  /** The refresh token expired at the end of its lifetime, `ageMs` after the sign-in. */
  tokenExpired: (f: { rememberMe: boolean; ageMs: number }, w: DiagnosisWords) => string;
  /** Stock simplejwt: "Remember me" was chosen, but every session gets REFRESH_TOKEN_LIFETIME (`lifetimeMs`). */
  simplejwtNoRememberMe: (f: { lifetimeMs: number }, w: DiagnosisWords) => string;
  /** Stock simplejwt with rotation: the lifetime slid, and the session went `sinceRefreshMs` without a refresh. */
  simplejwtSlidingLifetimeEnded: (f: { lifetimeMs: number; sinceRefreshMs: number }, w: DiagnosisWords) => string;
  /** An old key came back from this browser just after a refresh: its own requests crossed. */
  tokenReuseRace: (f: Record<string, never>, w: DiagnosisWords) => string;
  /** An old key came back; `theft`: from another address or browser. */
  tokenReuse: (f: { at: number; theft: boolean }, w: DiagnosisWords) => string;
  /** The password was changed; this browser learned of it `at`. */
  passwordChanged: (f: { at: number }, w: DiagnosisWords) => string;
  /** An administrator deactivated the account. */
  accountDisabled: (f: { at: number }, w: DiagnosisWords) => string;
  /** The refresh token lived in one tab's memory (stock simplejwt), and a reload with no other tab open lost it `at`. */
  sessionNotKept: (f: { at: number }, w: DiagnosisWords) => string;
  /** The session was revoked elsewhere. */
  sessionRevoked: (f: { at: number }, w: DiagnosisWords) => string;
  /** The user signed out, here or in another tab. */
  userSignedOut: (f: { at: number; fromOtherTab: boolean }, w: DiagnosisWords) => string;
  /** The idle policy signed the user out after `idleMs` without activity. */
  idleTimeout: (f: { idleMs: number }, w: DiagnosisWords) => string;
  /** The server refused the session right after a refresh; the last failed call, if any (status 0: no answer). */
  authError: (f: { failure: { method: string; path: string; status: number } | null }, w: DiagnosisWords) => string;
  /** The browser stopped sending the session cookie. */
  cookieMissing: (f: Record<string, never>, w: DiagnosisWords) => string;
  /** A sign-out no other rule explains, as recorded. */
  signOutUnexplained: (f: { at: number; type: string; code: string | null }, w: DiagnosisWords) => string;

  // Risks to a session still going, and the fallbacks.
  /** The session ends within a day (`leftMs` ≤ 0: it has ended). */
  sessionEndingSoon: (f: { leftMs: number }, w: DiagnosisWords) => string;
  /** The access token ends after the session: ACCESS_TOKEN_LIFETIME is longer than the refresh lifetime. */
  accessOutlivesSession: (f: { byMs: number }, w: DiagnosisWords) => string;
  /** Refreshes keep failing; the session is kept. */
  refreshFailing: (f: { count: number; statuses: readonly number[] }, w: DiagnosisWords) => string;
  /** This computer's clock is off. */
  clockSkew: (f: { skewMs: number }, w: DiagnosisWords) => string;
  /** The laptop slept; `restored`: a refresh renewed the session on wake. */
  laptopSlept: (f: { sleptMs: number; restored: boolean }, w: DiagnosisWords) => string;
  /** Signed out, nothing on record. */
  signedOutWithoutRecord: (f: Record<string, never>, w: DiagnosisWords) => string;
  /** Nothing wrong; `afterSignOut`: there was a sign-out before this session. */
  healthy: (f: { afterSignOut: boolean }, w: DiagnosisWords) => string;
}
