import { Injectable, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Subject, map, startWith } from 'rxjs';

import { LogoutPresentation } from '../model/logout-presentation';
import { BuiltInLogoutType } from '../model/logout-type';
import type { ChangePasswordWords } from './change-password-words';
import type { DiagnosisWords } from './diagnosis-words';
import type { DrawerWords } from './drawer-words';
import type { AlertWords, BannerWords, IdleWords, RestoringWords } from './material-words';
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

  /**
   * The built-in reasons, as the app words them: icon, tone, title, sentence and (for those the
   * user may not have caused) what to do. Any left out stay English (`ENGLISH_LOGOUT_REASONS`).
   */
  reasons: Partial<Record<BuiltInLogoutType, LogoutPresentation>> = {};

  /** The sentence for an app's own type that `withLogoutReasons()` does not describe. */
  unknownReason(type: string): string {
    return `You were signed out (${type}).`;
  }

  /** A session's lifetime as the policy gives it: "20 days", "12 hours". */
  lifetime(seconds: number): string {
    return lifetimeText(seconds);
  }

  /** The sign-in form's checkbox; `seconds` is the server's "Remember me" lifetime, when known. */
  rememberMeLabel = (seconds: number | null): string =>
    seconds === null ? 'Remember me on this device' : `Remember me for ${this.lifetime(seconds)}`;

  /** The sign-out dialog shown before the redirect (`withMaterialUi()`). */
  alert: Partial<AlertWords> = {};
  /** The reason banner on the sign-in page (`@logout-lens/angular/material`). */
  banner: Partial<BannerWords> = {};
  /** The screen a reload shows while the session is restored (`@logout-lens/angular/material`). */
  restoring: Partial<RestoringWords> = {};
  /** The idle warning (`withMaterialUi()` with `withIdlePolicy()`). */
  idle: Partial<IdleWords> = {};
  /** The record's message for a sign-out after `minutes` without activity (`withIdlePolicy()`). */
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
