import { Injectable, inject } from '@angular/core';

import { CLOCK, LOCAL_STORAGE } from '../platform/browser.tokens';

/** localStorage key through which tabs of this browser share their last activity. */
export const SHARED_ACTIVITY_KEY = 'logout_lens_last_activity';

/**
 * The exact time of the last user activity. Every input event updates a plain field (no store
 * dispatch, no change detection); the throttled store action carries the latest value, and other
 * tabs' activity counts too, so idle time is per user, not per tab.
 */
@Injectable({ providedIn: 'root' })
export class ActivityClock {
  private readonly clock = inject(CLOCK);
  private readonly storage = inject(LOCAL_STORAGE);
  private last = this.clock();

  /** Notes activity in this tab now; returns its time. */
  mark(): number {
    return (this.last = this.clock());
  }

  /** Publishes this tab's last activity to the other tabs. */
  share(at: number): void {
    try {
      this.storage?.setItem(SHARED_ACTIVITY_KEY, String(at));
    } catch {
      // Storage refused: idle time stays per tab.
    }
  }

  /** The last activity in any tab of this browser, epoch ms. */
  lastActivityAt(): number {
    return Math.max(this.last, this.shared());
  }

  /** Milliseconds since the last activity in any tab. */
  idleMs(): number {
    return Math.max(0, this.clock() - this.lastActivityAt());
  }

  private shared(): number {
    try {
      const value = Number(this.storage?.getItem(SHARED_ACTIVITY_KEY));
      // A value from the future (another tab's clock moved back) does not count.
      return Number.isFinite(value) && value <= this.clock() ? value : 0;
    } catch {
      return 0;
    }
  }
}
