/** The Active sessions page: every word it shows. English in its own entry point; translate through `LogoutLensIntl`. */
export interface SessionsWords {
  // The top bar.
  /** The back button's aria-label (an icon button at the start of the top bar). */
  back: string;
  /** The page's heading in the top bar. */
  title: string;
  /** The progress bar's aria-label, under the top bar while the list loads or a sign-out is under way. */
  loading: string;

  // The list.
  /** The paragraph above the list: what the list is and what signing a browser out does. */
  intro: string;
  /** The heading above the list: "3 devices signed in". It takes focus once a sign-out has been shown. */
  signedInCount: (count: number) => string;
  /** The button beside that heading, when other devices are signed in; it asks first. */
  signOutOthers: string;
  /** Under the list, when this device is the only one. */
  onlyThisDevice: string;

  // The table (a card per row on narrow screens, with the column names as labels).
  /** The table's aria-label. */
  tableLabel: string;
  /** The first column's header: the browser and operating system. */
  deviceColumn: string;
  /** The chip beside the browser this page is shown in. */
  thisDevice: string;
  /** The header (and card label) of the column with the time of sign-in. */
  signedInColumn: string;
  /** The header (and card label) of the column with the relative time of last use. */
  lastActiveColumn: string;
  /** The header (and card label) of the IP address column. */
  ipColumn: string;
  /** The header (and card label) of the column with the sign-in's "Remember me" choice. */
  rememberMeColumn: string;
  /** The header (and card label) of the column with the short device id. */
  deviceIdColumn: string;
  /** The last column's header, for screen readers only (the column holds the sign-out buttons). */
  actionsColumn: string;
  /** Each other row's button; its description names the device. */
  signOut: string;
  /** In the Last active, IP address and Device ID cells, when the server gave nothing readable. */
  unknown: string;
  /** In the Remember me cell: the sign-in's choice and, when known, its lifetime (`LogoutLensIntl.lifetime`): "Yes, 20 days". */
  rememberMeValue: (rememberMe: boolean, lifetime: string | null) => string;

  // How long ago a session was last used, in the Last active cell.
  /** Less than a minute ago (or a last use slightly ahead of the server's clock). */
  justNow: string;
  /** 1 to 59 minutes ago: "5 minutes ago". */
  minutesAgo: (minutes: number) => string;
  /** 1 to 23 hours ago: "3 hours ago". */
  hoursAgo: (hours: number) => string;
  /** 1 to 6 days ago: "yesterday", "3 days ago". */
  daysAgo: (days: number) => string;
  /** 1 to 4 weeks ago: "last week", "2 weeks ago". */
  weeksAgo: (weeks: number) => string;
  /** 1 to 12 months ago: "last month", "2 months ago". */
  monthsAgo: (months: number) => string;
  /** A year or more ago: "last year", "2 years ago". */
  yearsAgo: (years: number) => string;

  // The browser and OS a user agent names (in the first column and in messages); the product
  // names and versions themselves come from the user agent.
  /** A browser with its OS: "Chrome 156 on Linux" in the table, "Chrome on Linux" in messages. */
  browserOnOs: (browser: string, os: string) => string;
  /** In the first column, when the user agent names no browser. */
  unknownBrowser: string;

  // Snack bars after a sign-out (the failures end with `LogoutLensIntl.httpError`'s sentence).
  /** How the messages below name a browser the user agent does not describe: "Signed out an unknown browser." */
  anUnknownBrowser: string;
  /** One device was signed out; `device` as in `browserOnOs` without versions, or `anUnknownBrowser`. */
  signedOutDevice: (device: string) => string;
  /** Signing out one device failed because it was gone already (expired, or signed out elsewhere). */
  alreadySignedOut: string;
  /** Signing out one device failed; `detail` says why. */
  signOutDeviceFailed: (device: string, detail: string) => string;
  /** Every other device was signed out: "Signed out 2 other devices." */
  signedOutOthers: (count: number) => string;
  /** Signing out the other devices failed; `detail` says why. */
  signOutOthersFailed: (detail: string) => string;

  // In place of the list.
  /** The heading of the alert when the list could not be loaded (`LogoutLensIntl.httpError`'s sentence follows). */
  loadFailedTitle: string;
  /** The alert's button that loads the list again. */
  tryAgain: string;
  /** The heading when the server lists no session. */
  emptyTitle: string;
  /** The sentence under that heading. */
  emptyMessage: string;

  // The dialog before every other device is signed out.
  /** The dialog's title. */
  confirmTitle: string;
  /** The dialog's first paragraph: how many devices will be signed out and what that means for them. */
  confirmMessage: (count: number) => string;
  /** The dialog's second paragraph. */
  confirmThisDeviceStays: string;
  /** The button that closes the dialog and signs nothing out (focused when it opens). */
  cancel: string;
  /** The button that goes ahead. */
  confirm: string;
}
