import { Injectable, inject } from '@angular/core';

import { LogoutRecord, parseLogoutRecord } from '../model/logout-record';
import { SESSION_STORAGE } from '../platform/browser.tokens';

/** sessionStorage key, fixed by the product: support scripts read it. */
export const LAST_LOGOUT_REASON_KEY = 'last_logout_reason';
/** sessionStorage key: the email of the account just signed out, to fill in the sign-in form. */
export const LAST_EMAIL_KEY = 'logout_lens_last_email';
const MAX_EMAIL = 254;

/** The reason for the latest sign-out in this tab, read by the sign-in page's banner. */
@Injectable({ providedIn: 'root' })
export class LastLogoutReason {
  private readonly storage = inject(SESSION_STORAGE);

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
    try {
      this.storage?.setItem(LAST_LOGOUT_REASON_KEY, JSON.stringify(record));
      if (email) this.storage?.setItem(LAST_EMAIL_KEY, email.slice(0, MAX_EMAIL));
    } catch {
      // Refused or full: the banner will not show, nothing else breaks.
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
    try {
      this.storage?.removeItem(LAST_LOGOUT_REASON_KEY);
    } catch {
      // Nothing to do.
    }
  }
}
