// The words of the Material screens that ship with `@logout-lens/angular/material`: the sign-out
// dialog, the reason banner, the restoring screen and the idle warning. English comes with those
// screens (material-words.en.ts there); an app translates them through `LogoutLensIntl`.

/** The sign-out dialog shown before the redirect. */
export interface AlertWords {
  /** Under the sentence, for a sign-out that came from another tab. */
  fromOtherTab: string;
  /** Before the type's code. */
  reasonCode: string;
  /** The countdown to the redirect. */
  countdown: (seconds: number) => string;
  /** The button that goes to the sign-in page at once. */
  signInAgain: string;
}

/** The reason banner on the sign-in page. */
export interface BannerWords {
  /** The banner region's accessible name. */
  label: string;
  /** Under the sentence, for a sign-out that came from another tab. */
  fromOtherTab: string;
  /** Before the next step, for a sign-out the user may not have caused. */
  ifNotYou: string;
  /** The technical details' panel title. */
  details: string;
  /** The heading inside the details. */
  forIt: string;
  type: string;
  time: string;
  idleTime: string;
  accessExpiry: string;
  sessionExpiry: string;
  rememberMe: string;
  /** The "Remember me" value, with the session's lifetime (as `LogoutLensIntl.lifetime` words it) when the server gave it. */
  rememberMeValue: (rememberMe: boolean, lifetime: string | null) => string;
  lastFailure: string;
  /** A failed request's status when there was no answer. */
  noAnswer: string;
  /** Before a failed request's time: "→ 503 at 10:02:03". */
  at: string;
  /** No failed request. */
  none: string;
  lastRefresh: string;
  /** No refresh in this tab. */
  noRefresh: string;
}

/** The screen a reload shows while the session is restored. */
export interface RestoringWords {
  /** The screen's accessible name when the app has no name, and the progress bar's. */
  label: string;
  message: string;
  /** While the server cannot be reached and the restore is retried. */
  unreachable: string;
  retry: string;
}

/** The idle warning. */
export interface IdleWords {
  title: string;
  /** Before the countdown. */
  intro: string;
  hint: string;
  /** The button that keeps the session. */
  stay: string;
  /** Read out at 60, 30 and 10 s left; `left` is `spokenDuration`'s words. */
  announcement: (left: string) => string;
  /** A time left, as read out: "2 minutes", "10 seconds". */
  spokenDuration: (seconds: number) => string;
}
