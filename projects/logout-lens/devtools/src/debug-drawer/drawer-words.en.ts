import { DrawerWords } from '@logout-lens/angular';

/** Every word of the debug drawer and its launcher in English; an app changes them in `LogoutLensIntl.drawer`. */
export const ENGLISH_DRAWER_WORDS: DrawerWords = {
  launcherLabel: 'Debug panel (Ctrl+Shift+D)',
  launcherTooltip: '🔍 Debug panel (Ctrl+Shift+D)',
  dialogLabel: 'Debug panel',

  title: 'Debug panel',
  close: 'Close debug panel',
  details: 'Debug details',
  clockNote: (_skewMs, offset) => `Times corrected for a clock ${offset}.`,

  status: 'Status',
  auth: 'Auth',
  signedIn: 'Signed in',
  signedOut: 'Signed out',
  user: 'User',
  session: 'Session',
  rememberMe: 'Remember me',
  rememberMeValue: (rememberMe, lifetime) => `${rememberMe ? 'yes' : 'no'}${lifetime === null ? '' : ` (${lifetime})`}`,
  device: 'Device',

  tokens: 'Tokens',
  accessToken: 'Access token',
  refreshToken: 'Refresh token (session)',
  timeLeft: (span) => `${span} left`,
  expiredAgo: (span) => `expired ${span} ago`,
  timeLeftLabel: (token) => `${token} time left`,
  nextRefreshMarker: 'Next scheduled refresh',
  nextRefresh: 'Next refresh:',
  lastRefresh: 'Last refresh:',
  lastRefreshValue: (outcome, time) => `${outcome} at ${time}`,
  noRefresh: 'none in this tab',

  activity: 'Activity',
  idleFor: 'Idle for',
  lastActivity: 'Last activity',
  tabsSeen: 'Tabs seen',
  thisTab: 'this one:',
  clockSkew: 'Clock skew',
  warning: 'Warning',
  clockOff: "this computer's clock is off",
  lateTimers: 'Late timers',

  diagnosis: 'Diagnosis',

  history: 'Logout history',
  historyIdle: (seconds) => `idle ${seconds} s`,
  noHistory: 'No sign-outs recorded in this browser.',

  calls: 'Recent API calls',
  callTime: 'Time',
  callName: 'Call',
  callStatus: 'Status',
  callMs: 'ms',
  noAnswer: 'network',
  noCalls: 'No calls yet.',
  recentProblems: (failures, errors) => `${failures} recent failures · ${errors} recent errors`,

  audit: 'Server audit records for this device',
  noAudit: 'None.',
  auditSignedOut: 'Shown while signed in.',

  logFullState: 'Log Full State to Console',
  copyReport: 'Copy report',
  downloadReport: 'Download report',
  fullStateLogged: 'Full state logged to the console.',
  reportCopied: 'Report copied to the clipboard.',
  copyFailed: 'Copy failed — use Download report.',
};
