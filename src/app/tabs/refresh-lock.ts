import { Injectable, inject } from '@angular/core';
import { Observable, defer, finalize, firstValueFrom, from, of, switchMap, timer } from 'rxjs';

import { SESSION_SCHEDULER } from '../auth/scheduler.token';
import { TAB_ID } from '../diagnostics/tab-id';
import { CLOCK, LOCAL_STORAGE, LOCK_MANAGER } from '../platform/browser.tokens';

/** The Web Lock every tab of this browser takes around a refresh. */
export const REFRESH_LOCK_NAME = 'logout-lens-refresh';
/** The fallback's lease in localStorage (no token in it: owner tab and expiry only). */
export const REFRESH_LEASE_KEY = 'logout_lens_refresh_lease';
/** A lease not renewed for this long is considered abandoned (a crashed or closed tab). */
export const LEASE_MS = 10_000;
const POLL_MS = 50;

/**
 * Runs one refresh at a time across the tabs of this browser: a Web Lock where the browser has
 * them, else a lease in localStorage that expires by itself, so a closed tab never blocks others.
 */
@Injectable({ providedIn: 'root' })
export class RefreshLock {
  private readonly locks = inject(LOCK_MANAGER);
  private readonly storage = inject(LOCAL_STORAGE);
  private readonly tabId = inject(TAB_ID);
  private readonly clock = inject(CLOCK);
  private readonly scheduler = inject(SESSION_SCHEDULER);

  /** Whether the real Web Locks API is in use. */
  readonly native = this.locks !== null;

  /** Runs `task` while holding the lock; the lock is released when it completes or fails. */
  run<T>(task: () => Observable<T>): Observable<T> {
    const locks = this.locks;
    if (locks) {
      // The callback's promise settles the request's, so the lock is held until the task ends.
      return defer(() => from(locks.request(REFRESH_LOCK_NAME, () => firstValueFrom(task())) as Promise<T>));
    }
    return defer(() => this.acquireLease()).pipe(
      switchMap(() => defer(task).pipe(finalize(() => this.releaseLease()))),
    );
  }

  private acquireLease(): Observable<void> {
    const deadline = this.clock() + LEASE_MS;
    const attempt = (): Observable<void> =>
      this.tryLease() || this.clock() >= deadline
        ? of(undefined)
        : timer(POLL_MS, this.scheduler).pipe(switchMap(attempt));
    return attempt();
  }

  private tryLease(): boolean {
    if (!this.storage) return true;
    try {
      const held = JSON.parse(this.storage.getItem(REFRESH_LEASE_KEY) ?? 'null') as { owner?: string; until?: number } | null;
      if (held && held.owner !== this.tabId && typeof held.until === 'number' && held.until > this.clock()) return false;
      this.storage.setItem(REFRESH_LEASE_KEY, JSON.stringify({ owner: this.tabId, until: this.clock() + LEASE_MS }));
      // Another tab may have written at the same moment: only the one whose id stuck holds it.
      return JSON.parse(this.storage.getItem(REFRESH_LEASE_KEY) ?? 'null')?.owner === this.tabId;
    } catch {
      return true;
    }
  }

  private releaseLease(): void {
    try {
      const held = JSON.parse(this.storage?.getItem(REFRESH_LEASE_KEY) ?? 'null');
      if (held?.owner === this.tabId) this.storage?.removeItem(REFRESH_LEASE_KEY);
    } catch {
      // Nothing to release.
    }
  }
}
