import { Injectable, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Subject, map, startWith } from 'rxjs';

import { LogoutPresentation } from '../model/logout-presentation';
import { BuiltInLogoutType } from '../model/logout-type';
import type { ChangePasswordWords } from './change-password-words';
import type { DiagnosisWords } from './diagnosis-words';
import type { DrawerWords } from './drawer-words';
import type { SessionsWords } from './sessions-words';

/**
 * Every word Logout Lens shows people, in one place, in English. To translate, or to reword,
 * provide a subclass: `{ provide: LogoutLensIntl, useClass: MyIntl }` — as with Angular
 * Material's `MatPaginatorIntl`. Call `changes.next()` after changing words at run time so that
 * views on screen render them again. `{app}` and `{contact}` in a sentence stand for the
 * configured `appName` and `supportContact`.
 */
@Injectable({ providedIn: 'root' })
export class LogoutLensIntl {
  /** Emits when the words change, so that views on screen render them again. */
  readonly changes = new Subject<void>();

  // The words of the parts that load on demand, one group each. A group holds only the words an
  // app changes: any it leaves out stay English. The English comes with the part itself, so an app
  // downloads it only when that part is opened.

  /** The diagnosis sentences (banner, debug drawer). The exported report keeps them in English. */
  diagnosis: Partial<DiagnosisWords> = {};
  /** The debug drawer and its 🔍 launcher (`@logout-lens/angular/devtools`). */
  drawer: Partial<DrawerWords> = {};
  /** The Active sessions page (`@logout-lens/angular/material`). */
  sessions: Partial<SessionsWords> = {};
  /** The change-password form (`@logout-lens/angular/material`). */
  changePassword: Partial<ChangePasswordWords> = {};

  /** The built-in reasons: icon, tone, title, sentence and (for those the user may not have caused) what to do. */
  reasons: Record<BuiltInLogoutType, LogoutPresentation> = {
    USER_INITIATED: {
      icon: 'logout',
      tone: 'neutral',
      title: 'You signed out',
      sentence: 'You signed out of {app}.',
    },
    TOKEN_EXPIRED: {
      icon: 'schedule',
      tone: 'warning',
      title: 'Your session expired',
      sentence: 'Your session reached the end of its lifetime, so please sign in again.',
    },
    REFRESH_FAILED: {
      icon: 'sync_problem',
      tone: 'warning',
      title: "Your session couldn't be renewed",
      sentence: "Your session couldn't be renewed, so please sign in again.",
    },
    SESSION_REVOKED: {
      icon: 'block',
      tone: 'error',
      title: 'Your session was ended elsewhere',
      sentence: 'Your session was signed out from another place, such as the Active sessions page.',
      nextStep: 'sign in again, then change your password and check Active sessions for devices you don\'t know.',
    },
    PASSWORD_CHANGED: {
      icon: 'password',
      tone: 'error',
      title: 'Your password was changed',
      sentence: 'Your session ended because your password was changed on another device.',
      nextStep: 'someone may know your password. Contact {contact} now to reset it, then review Active sessions.',
    },
    TOKEN_REUSE_DETECTED: {
      icon: 'gpp_maybe',
      tone: 'error',
      title: 'Your session was closed to protect you',
      sentence: 'An old session key was used again, so the session was closed to protect your account.',
      nextStep:
        'sign in again, change your password, and sign out devices you don\'t know in Active sessions. Tell {contact} about it.',
    },
    IDLE_TIMEOUT: {
      icon: 'bedtime',
      tone: 'warning',
      title: 'You were inactive',
      sentence: 'You were signed out after a period of inactivity, as your organisation requires.',
    },
    AUTH_ERROR: {
      icon: 'error',
      tone: 'error',
      title: 'The server refused your session',
      sentence: 'The server refused your session even after renewing it, so please sign in again.',
    },
    ACCOUNT_DISABLED: {
      icon: 'person_off',
      tone: 'error',
      title: 'Your account was deactivated',
      sentence: 'An administrator deactivated your account, so you were signed out. Contact {contact} to restore access.',
    },
    SESSION_NOT_KEPT: {
      icon: 'memory',
      tone: 'warning',
      title: 'Your session did not survive the reload',
      sentence:
        "{app}'s server hands the session key to the page, so it was kept in this tab's memory only, and reloading with no other tab of {app} open lost it. Keep one tab open to stay signed in across reloads.",
    },
    UNKNOWN: {
      icon: 'help',
      tone: 'warning',
      title: 'You were signed out',
      sentence: 'You were signed out for a reason the app could not determine.',
    },
  };

  /** An app's own type that `withLogoutReasons()` does not describe. */
  unknownReason(type: string): LogoutPresentation {
    return { ...this.reasons.UNKNOWN, sentence: `You were signed out (${type}).` };
  }

  /** A session's lifetime as the policy gives it: "20 days", "12 hours". */
  lifetime(seconds: number): string {
    return lifetimeText(seconds);
  }

  /** The sign-in form's checkbox; `seconds` is the server's "Remember me" lifetime, when known. */
  rememberMeLabel = (seconds: number | null): string =>
    seconds === null ? 'Remember me on this device' : `Remember me for ${this.lifetime(seconds)}`;

  // The sign-out alert.
  alertFromOtherTab = 'This happened in another tab of this browser.';
  alertReasonCode = 'Reason code:';
  alertCountdown = (seconds: number): string => `Taking you to the sign-in page in ${seconds} s…`;
  alertSignInAgain = 'Sign in again';

  // The reason banner on the sign-in page.
  bannerLabel = 'Why you were signed out';
  bannerFromOtherTab = 'It happened in another tab of this browser.';
  bannerIfNotYou = "If this wasn't you:";
  bannerDetails = 'Details';
  bannerForIt = 'For your IT team';
  bannerType = 'Type';
  bannerTime = 'Time';
  bannerIdleTime = 'Idle time';
  bannerAccessExpiry = 'Access token expiry';
  bannerSessionExpiry = 'Session expiry';
  bannerRememberMe = 'Remember me';
  /** `seconds`: the session's lifetime as the server gave it, when known. */
  bannerRememberMeValue = (rememberMe: boolean, seconds: number | null): string =>
    `${rememberMe ? 'yes' : 'no'}${seconds === null ? '' : ` (${this.lifetime(seconds)})`}`;
  bannerLastFailure = 'Last failed request';
  bannerNoAnswer = 'no answer';
  bannerNone = 'none';
  bannerLastRefresh = 'Last refresh';
  bannerNoRefresh = 'none in this tab';

  // The screen a reload shows while the session is restored.
  restoringLabel = 'Restoring your session';
  restoringMessage = 'Restoring your session…';
  restoringUnreachable = "Can't reach the server — retrying";
  restoringRetry = 'Retry';

  // The idle warning.
  idleTitle = 'Are you still there?';
  idleIntro = 'You have been inactive for a while. For security, you will be signed out in';
  idleHint = 'Move the mouse or press any key to stay signed in.';
  idleStay = 'Stay signed in';
  /** Read out at 60, 30 and 10 s left. */
  idleAnnouncement = (left: string): string => `You will be signed out in ${left}.`;
  spokenDuration = (seconds: number): string =>
    seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : seconds === 1 ? '1 second' : `${seconds} seconds`;
  idleSignedOutMessage = (minutes: number): string => `Signed out after ${minutes} min without activity.`;

  // Password fields.
  showSecret = (what: string): string => `Show ${what}`;
  hideSecret = (what: string): string => `Hide ${what}`;

  // Notices (snack bars with withMaterialUi()).
  dismiss = 'Dismiss';
  refreshRetrying = (status: number): string =>
    `Couldn't renew your session right now (${status === 0 ? "the server can't be reached" : `the server answered ${status}`}). You are still signed in; it will retry.`;
  /** A failed API call that does not end the session; `status` 0 is no answer. */
  httpError(status: number): string {
    const still = 'You are still signed in.';
    if (status === 0) return `Can't reach the server — check your connection. ${still}`;
    if (status === 402) return `This action needs a paid plan (402). ${still}`;
    if (status === 403) return `The server refused this action (403). ${still}`;
    if (status === 404) return `The server doesn't know this address (404). ${still}`;
    if (status === 429) return `Too many requests — wait a moment and try again. ${still}`;
    if (status === 502 || status === 503 || status === 504) {
      return `The server is temporarily unavailable (${status}). ${still}`;
    }
    if (status >= 500) return `The server hit an error (${status}). ${still}`;
    if (status === 401) return 'The server asked for a fresh sign-in token (401).';
    return `The request failed (${status}). ${still}`;
  }
}

/**
 * One group's words for a view: the app's where it set them, English for the rest; a new value
 * after every `intl.changes`. Call it in an injection context (a field initializer of a component).
 */
export function intlWords<T extends object>(
  intl: LogoutLensIntl,
  group: (intl: LogoutLensIntl) => Partial<T>,
  english: T,
): Signal<T> {
  const merge = (): T => ({ ...english, ...group(intl) });
  return toSignal(intl.changes.pipe(startWith(undefined), map(merge)), { initialValue: merge() });
}

/** A lifetime in English: "20 days", "12 hours" (hours below two days). */
export function lifetimeText(seconds: number): string {
  const hours = Math.round(seconds / 3600);
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}
