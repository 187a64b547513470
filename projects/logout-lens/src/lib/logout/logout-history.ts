import { Injectable, inject } from '@angular/core';
import { Observable, defer, of, switchMap, timer } from 'rxjs';

import { LogoutRecord, parseLogoutRecord } from '../model/logout-record';
import { LOCAL_STORAGE } from '../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { CrossTabLock, HISTORY_LOCK } from '../tabs/cross-tab-lock';

/** localStorage key, fixed by the product: support scripts read it. */
export const LOGOUT_HISTORY_KEY = 'logout_history';
/** How many records are kept (newest last). */
export const LOGOUT_HISTORY_LIMIT = 50;
const MAX_RAW_LENGTH = 512 * 1024;
const VERIFY_AFTER_MS = 250;
const VERIFY_ATTEMPTS = 3;

/**
 * The bounded history of sign-outs in localStorage. A corrupt, foreign or oversized value is
 * replaced; a full storage quota drops the oldest records until the write fits. Never throws.
 */
@Injectable({ providedIn: 'root' })
export class LogoutHistory {
  private readonly storage = inject(LOCAL_STORAGE);
  private readonly lock = inject(CrossTabLock);
  private readonly scheduler = inject(SESSION_SCHEDULER);

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

  /**
   * Appends under a cross-tab lock, so tabs signing out together do not overwrite each other.
   * Another tab's write may reach this tab's view of localStorage a moment late, so the record is
   * checked again shortly after and re-added if a concurrent write dropped it.
   */
  appendShared(record: LogoutRecord): Observable<void> {
    const write = () => this.lock.run(HISTORY_LOCK, () => defer(() => of(this.append(record))));
    const verify = (attempt: number): Observable<void> =>
      attempt > VERIFY_ATTEMPTS || this.read().some((r) => r.id === record.id)
        ? of(undefined)
        : write().pipe(switchMap(() => timer(VERIFY_AFTER_MS * attempt, this.scheduler)), switchMap(() => verify(attempt + 1)));
    return write().pipe(
      switchMap(() => timer(VERIFY_AFTER_MS, this.scheduler)),
      switchMap(() => verify(1)),
    );
  }

  /** Appends the record unless it is already there. */
  append(record: LogoutRecord): void {
    const current = this.read();
    if (current.some((r) => r.id === record.id)) return;
    const records = [...current, record].slice(-LOGOUT_HISTORY_LIMIT);
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
