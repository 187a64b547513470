import { Injectable, inject } from '@angular/core';

import { SESSION_STORAGE } from '../platform/browser.tokens';
import { LogoutRecord, parseLogoutRecord } from './logout-record';

/** sessionStorage key, fixed by the product: support scripts read it. */
export const LAST_LOGOUT_REASON_KEY = 'last_logout_reason';

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

  write(record: LogoutRecord): void {
    try {
      this.storage?.setItem(LAST_LOGOUT_REASON_KEY, JSON.stringify(record));
    } catch {
      // Refused or full: the banner will not show, nothing else breaks.
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
