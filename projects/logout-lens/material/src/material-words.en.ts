import { AlertWords, BannerWords, IdleWords, RestoringWords } from '@logout-lens/angular';

// The Material screens' words in English; an app translates them through `LogoutLensIntl`.

/** The sign-out dialog. */
export const ENGLISH_ALERT_WORDS: AlertWords = {
  fromOtherTab: 'This happened in another tab of this browser.',
  reasonCode: 'Reason code:',
  countdown: (seconds) => `Taking you to the sign-in page in ${seconds} s…`,
  signInAgain: 'Sign in again',
};

/** The reason banner on the sign-in page. */
export const ENGLISH_BANNER_WORDS: BannerWords = {
  label: 'Why you were signed out',
  fromOtherTab: 'It happened in another tab of this browser.',
  ifNotYou: "If this wasn't you:",
  details: 'Details',
  forIt: 'For your IT team',
  type: 'Type',
  time: 'Time',
  idleTime: 'Idle time',
  accessExpiry: 'Access token expiry',
  sessionExpiry: 'Session expiry',
  rememberMe: 'Remember me',
  rememberMeValue: (rememberMe, lifetime) => `${rememberMe ? 'yes' : 'no'}${lifetime === null ? '' : ` (${lifetime})`}`,
  lastFailure: 'Last failed request',
  noAnswer: 'no answer',
  at: 'at',
  none: 'none',
  lastRefresh: 'Last refresh',
  noRefresh: 'none in this tab',
};

/** The screen a reload shows while the session is restored. */
export const ENGLISH_RESTORING_WORDS: RestoringWords = {
  label: 'Restoring your session',
  message: 'Restoring your session…',
  unreachable: "Can't reach the server — retrying",
  retry: 'Retry',
};

/** The idle warning. */
export const ENGLISH_IDLE_WORDS: IdleWords = {
  title: 'Are you still there?',
  intro: 'You have been inactive for a while. For security, you will be signed out in',
  hint: 'Move the mouse or press any key to stay signed in.',
  stay: 'Stay signed in',
  announcement: (left) => `You will be signed out in ${left}.`,
  spokenDuration: (seconds) =>
    seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : seconds === 1 ? '1 second' : `${seconds} seconds`,
};
