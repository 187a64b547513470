import { Injectable, inject } from '@angular/core';

import { Observable, defer, of } from 'rxjs';

import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { CrossTabLock, HISTORY_LOCK } from '../tabs/cross-tab-lock';
import { LogoutRecord, parseLogoutRecord } from './logout-record';

/** localStorage key, fixed by the product: support scripts read it. */
export const LOGOUT_HISTORY_KEY = 'logout_history';
/** How many records are kept (newest last). */
export const LOGOUT_HISTORY_LIMIT = 50;
const MAX_RAW_LENGTH = 512 * 1024;

/**
 * The bounded history of sign-outs in localStorage. A corrupt, foreign or oversized value is
 * replaced; a full storage quota drops the oldest records until the write fits. Never throws.
 */
@Injectable({ providedIn: 'root' })
export class LogoutHistory {
  private readonly storage = inject(LOCAL_STORAGE);
  private readonly lock = inject(CrossTabLock);

  /** The records, oldest first. */
  read(): LogoutRecord[] {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(LOGOUT_HISTORY_KEY) ?? null;
    } catch {
      return [];
    }
    if (!raw || raw.length > MAX_RAW_LENGTH) return [];
    try {
      const value: unknown = JSON.parse(raw);
      if (!Array.isArray(value)) return [];
      return value.flatMap((item) => parseLogoutRecord(item) ?? []).slice(-LOGOUT_HISTORY_LIMIT);
    } catch {
      return [];
    }
  }

  /** Appends under a cross-tab lock, so tabs signing out together do not overwrite each other. */
  appendShared(record: LogoutRecord): Observable<void> {
    return this.lock.run(HISTORY_LOCK, () => defer(() => of(this.append(record))));
  }

  append(record: LogoutRecord): void {
    const records = [...this.read(), record].slice(-LOGOUT_HISTORY_LIMIT);
    while (records.length > 0) {
      try {
        this.storage?.setItem(LOGOUT_HISTORY_KEY, JSON.stringify(records));
        return;
      } catch {
        records.shift();
      }
    }
  }
}
