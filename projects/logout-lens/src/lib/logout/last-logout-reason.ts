import { Injectable, Signal, inject, signal } from '@angular/core';

import { LogoutRecord, parseLogoutRecord } from '../model/logout-record';
import { SESSION_STORAGE } from '../platform/browser.tokens';

/** sessionStorage key, fixed by the product: support scripts read it. */
export const LAST_LOGOUT_REASON_KEY = 'last_logout_reason';
/** sessionStorage key: the email of the account just signed out, to fill in the sign-in form. */
export const LAST_EMAIL_KEY = 'logout_lens_last_email';
const MAX_EMAIL = 254;

/**
 * The reason for the latest sign-out in this tab, read by the sign-in page's banner. The record
 * is written when the sign-out path has run, which may be just after the sign-in page opened (a
 * reload that finds the session over): `current` follows it, so a view on screen shows it then.
 */
@Injectable({ providedIn: 'root' })
export class LastLogoutReason {
  private readonly storage = inject(SESSION_STORAGE);
  private readonly stored = signal<LogoutRecord | null>(this.read());
  private readonly email = signal<string | null>(this.lastEmail());

  /** The stored record: as found at start, then as this tab writes and clears it. */
  readonly current: Signal<LogoutRecord | null> = this.stored.asReadonly();
  /** The email of the account this tab was last signed out of, following `write()`. */
  readonly currentEmail: Signal<string | null> = this.email.asReadonly();

  /** The record in sessionStorage now. */
  read(): LogoutRecord | null {
    try {
      const raw = this.storage?.getItem(LAST_LOGOUT_REASON_KEY);
      return raw && raw.length < 64 * 1024 ? parseLogoutRecord(JSON.parse(raw)) : null;
    } catch {
      return null;
    }
  }

  /** Keeps the record for the banner and, when known, the account's email for the form. */
  write(record: LogoutRecord, email?: string | null): void {
    this.stored.set(record);
    if (email?.includes('@')) this.email.set(email.slice(0, MAX_EMAIL));
    try {
      this.storage?.setItem(LAST_LOGOUT_REASON_KEY, JSON.stringify(record));
      if (email) this.storage?.setItem(LAST_EMAIL_KEY, email.slice(0, MAX_EMAIL));
    } catch {
      // Refused or full: this page still shows it; after a reload the banner will not.
    }
  }

  /** The email of the account this tab was last signed out of, if any. */
  lastEmail(): string | null {
    try {
      const email = this.storage?.getItem(LAST_EMAIL_KEY);
      return email && email.length <= MAX_EMAIL && email.includes('@') ? email : null;
    } catch {
      return null;
    }
  }

  clear(): void {
    this.stored.set(null);
    try {
      this.storage?.removeItem(LAST_LOGOUT_REASON_KEY);
    } catch {
      // Nothing to do.
    }
  }
}
