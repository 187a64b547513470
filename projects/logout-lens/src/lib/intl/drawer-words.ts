/** The debug drawer and its launcher: every word it shows. English in its own entry point; translate through `LogoutLensIntl`. */
export interface DrawerWords {
  // The 🔍 launcher.
  /** The launcher button's aria-label. */
  launcherLabel: string;
  /** The launcher button's tooltip (its `title`). */
  launcherTooltip: string;
  /** The drawer dialog's aria-label, its accessible name. */
  dialogLabel: string;

  // The drawer's top.
  /** The heading at the top of the drawer. */
  title: string;
  /** The close button's aria-label (the ✕ next to the heading). */
  close: string;
  /** The aria-label of the scrolling region under the heading. */
  details: string;
  /**
   * The note at the top when times were converted from the server's clock (positive `skewMs`:
   * this computer is behind); `offset` is that skew in the diagnosis words (`clockOffset`).
   */
  clockNote: (skewMs: number, offset: string) => string;

  // Status.
  /** The Status section's heading. */
  status: string;
  /** The label of the signed-in/out line. */
  auth: string;
  /** The value of the Auth line while signed in. */
  signedIn: string;
  /** The value of the Auth line while signed out. */
  signedOut: string;
  /** The label of the user's email. */
  user: string;
  /** The label of the session id. */
  session: string;
  /** The label of the "Remember me" choice. */
  rememberMe: string;
  /** The "Remember me" value: the choice, and the session's lifetime (as `LogoutLensIntl.lifetime` words it) when the server gave it. */
  rememberMeValue: (rememberMe: boolean, lifetime: string | null) => string;
  /** The label of the device id. */
  device: string;

  // Tokens.
  /** The Tokens section's heading. */
  tokens: string;
  /** The access token's bar label. */
  accessToken: string;
  /** The refresh token's bar label. */
  refreshToken: string;
  /** A bar's countdown, `span` like "1 h 2 min 5 s". */
  timeLeft: (span: string) => string;
  /** A bar's countdown once the token has expired. */
  expiredAgo: (span: string) => string;
  /** A bar's aria-label, `token` its label. */
  timeLeftLabel: (token: string) => string;
  /** The tooltip of the marker on the access token's bar. */
  nextRefreshMarker: string;
  /** Before the time of the next refresh, under the bars. */
  nextRefresh: string;
  /** Before the last refresh, under the bars. */
  lastRefresh: string;
  /** The last refresh: its outcome as recorded ("success") and its time. */
  lastRefreshValue: (outcome: string, time: string) => string;
  /** In place of the last refresh when this tab has made none. */
  noRefresh: string;

  // Activity.
  /** The Activity section's heading. */
  activity: string;
  /** The label of the time since the last activity. */
  idleFor: string;
  /** The label of the last activity's time. */
  lastActivity: string;
  /** The label of the number of open tabs. */
  tabsSeen: string;
  /** Before this tab's id, after the number of tabs. */
  thisTab: string;
  /** The label of the clock skew. */
  clockSkew: string;
  /** The aria-label of the warning icon by a notable clock skew. */
  warning: string;
  /** After the warning icon by a notable clock skew. */
  clockOff: string;
  /** The label of the number of late timers. */
  lateTimers: string;

  // Diagnosis (its sentence is a `LogoutLensIntl.diagnosis` word).
  /** The Diagnosis section's heading. */
  diagnosis: string;

  // Logout history.
  /** The Logout history section's heading. */
  history: string;
  /** A recorded sign-out's idle time, after its time. */
  historyIdle: (seconds: number) => string;
  /** In place of the history when this browser has recorded no sign-out. */
  noHistory: string;

  // Recent API calls.
  /** The Recent API calls section's heading. */
  calls: string;
  /** The calls table's time column. */
  callTime: string;
  /** The calls table's method-and-path column. */
  callName: string;
  /** The calls table's status column. */
  callStatus: string;
  /** The calls table's duration column (milliseconds). */
  callMs: string;
  /** In the status column for a call that got no answer. */
  noAnswer: string;
  /** In the calls table before any call. */
  noCalls: string;
  /** Under the calls table: how many recent calls failed and how many errors were logged. */
  recentProblems: (failures: number, errors: number) => string;

  // Server audit records.
  /** The server audit section's heading. */
  audit: string;
  /** In place of the records when the server has none for this device. */
  noAudit: string;
  /** In place of the records while signed out. */
  auditSignedOut: string;

  // The buttons at the bottom, and what they say when done.
  /** The button that logs the full state to the console. */
  logFullState: string;
  /** The button that copies the report to the clipboard. */
  copyReport: string;
  /** The button that downloads the report. */
  downloadReport: string;
  /** The snack bar once the full state is logged. */
  fullStateLogged: string;
  /** The snack bar once the report is copied. */
  reportCopied: string;
  /** The snack bar when the report could not be copied. */
  copyFailed: string;
}
