import { Injectable, inject } from '@angular/core';

import { CLOCK } from './browser.tokens';

/**
 * The exact time of the last user activity. Every input event updates a plain field (no store
 * dispatch, no change detection); the throttled store action carries the latest value, and other
 * tabs report theirs over the tab channel, so idle time is per user, not per tab.
 */
@Injectable({ providedIn: 'root' })
export class ActivityClock {
  private readonly clock = inject(CLOCK);
  private last = this.clock();
  private remote = 0;

  /** Notes activity in this tab now; returns its time. */
  mark(): number {
    return (this.last = this.clock());
  }

  /** Notes activity another tab reported. A time from the future (a clock moved back) is capped. */
  noteRemote(at: number): void {
    this.remote = Math.max(this.remote, Math.min(at, this.clock()));
  }

  /** The last activity in any tab of this browser, epoch ms. */
  lastActivityAt(): number {
    return Math.max(this.last, this.remote);
  }

  /** Milliseconds since the last activity in any tab. */
  idleMs(): number {
    return Math.max(0, this.clock() - this.lastActivityAt());
  }
}
