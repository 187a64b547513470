import { Injectable, inject } from '@angular/core';
import { Observable, defer, finalize, firstValueFrom, from, of, switchMap, timer } from 'rxjs';

import { CLOCK, LOCAL_STORAGE, LOCK_MANAGER } from '../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { TAB_ID } from '../platform/tab-id';

/** The lock every tab of this browser takes around a refresh. */
export const REFRESH_LOCK = 'logout-lens-refresh';
/** The lock around read-modify-write of the shared `logout_history`. */
export const HISTORY_LOCK = 'logout-lens-history';
/** Prefix of the fallback's leases in localStorage (owner tab and expiry only, never a token). */
export const LEASE_KEY_PREFIX = 'logout_lens_lease:';
/** A lease not renewed for this long is considered abandoned (a crashed or closed tab). */
export const LEASE_MS = 10_000;
const POLL_MS = 50;
/** What an `ifAvailable` lock request answers when another tab holds the lock. */
const BUSY = Symbol('busy');

/**
 * Mutual exclusion across the tabs of this browser: a Web Lock where the browser has them, else
 * a lease in localStorage that expires by itself, so a closed tab never blocks the others.
 */
@Injectable({ providedIn: 'root' })
export class CrossTabLock {
  private readonly locks = inject(LOCK_MANAGER);
  private readonly storage = inject(LOCAL_STORAGE);
  private readonly tabId = inject(TAB_ID);
  private readonly clock = inject(CLOCK);
  private readonly scheduler = inject(SESSION_SCHEDULER);

  /** Whether the real Web Locks API is in use. */
  readonly native = this.locks !== null;

  /**
   * Runs `task` while holding lock `name`; the lock is released when it completes or fails (at its
   * first value). The task learns whether it had to wait: another tab held the lock just before.
   */
  run<T>(name: string, task: (contended: boolean) => Observable<T>): Observable<T> {
    const locks = this.locks;
    if (locks) {
      // The callback's promise settles the request's, so the lock is held until the task ends.
      const held = (contended: boolean) => () => firstValueFrom(task(contended));
      return defer(() =>
        from(
          (locks.request(name, { ifAvailable: true }, (lock) => (lock ? held(false)() : BUSY)) as Promise<T | typeof BUSY>)
            .then((result) => (result === BUSY ? (locks.request(name, held(true)) as Promise<T>) : result)),
        ),
      );
    }
    const key = LEASE_KEY_PREFIX + name;
    return defer(() => this.acquireLease(key)).pipe(
      switchMap((contended) => defer(() => task(contended)).pipe(finalize(() => this.releaseLease(key)))),
    );
  }

  /** Emits once the lease is ours (or abandoned by its holder): whether it had to wait. */
  private acquireLease(key: string): Observable<boolean> {
    const deadline = this.clock() + LEASE_MS;
    const attempt = (waited: boolean): Observable<boolean> =>
      this.tryLease(key) || this.clock() >= deadline
        ? of(waited)
        : timer(POLL_MS, this.scheduler).pipe(switchMap(() => attempt(true)));
    return attempt(false);
  }

  private tryLease(key: string): boolean {
    if (!this.storage) return true;
    try {
      const held = JSON.parse(this.storage.getItem(key) ?? 'null') as { owner?: string; until?: number } | null;
      if (held && held.owner !== this.tabId && typeof held.until === 'number' && held.until > this.clock()) return false;
      this.storage.setItem(key, JSON.stringify({ owner: this.tabId, until: this.clock() + LEASE_MS }));
      // Another tab may have written at the same moment: only the one whose id stuck holds it.
      return JSON.parse(this.storage.getItem(key) ?? 'null')?.owner === this.tabId;
    } catch {
      return true;
    }
  }

  private releaseLease(key: string): void {
    try {
      const held = JSON.parse(this.storage?.getItem(key) ?? 'null');
      if (held?.owner === this.tabId) this.storage?.removeItem(key);
    } catch {
      // Nothing to release.
    }
  }
}
