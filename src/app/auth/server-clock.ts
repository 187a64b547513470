import { Injectable, inject } from '@angular/core';

import { CLOCK } from '../platform/browser.tokens';

/**
 * The server's notion of now. Expiry times come from the server, so they are compared with this
 * rather than with the local clock, which may be minutes off.
 */
@Injectable({ providedIn: 'root' })
export class ServerClock {
  private readonly clock = inject(CLOCK);
  private skew = 0;

  /** Estimated server time minus local time, in ms. */
  skewMs(): number {
    return this.skew;
  }

  /** Now on the server's clock, epoch ms. */
  now(): number {
    return this.clock() + this.skew;
  }

  /** Converts a server-clock instant into the local clock (for scheduling local timers). */
  toLocal(serverTime: number): number {
    return serverTime - this.skew;
  }

  /**
   * Takes a sample from an HTTP `Date` header (second resolution). Half a second is added to
   * centre the truncated value; differences under 2 s are within that noise and ignored.
   */
  observeDateHeader(dateHeader: string | null, receivedAt = this.clock()): void {
    const serverTime = dateHeader ? Date.parse(dateHeader) : NaN;
    if (!Number.isFinite(serverTime)) return;
    const sample = serverTime + 500 - receivedAt;
    this.skew = Math.abs(sample) < 2000 ? 0 : sample;
  }
}
