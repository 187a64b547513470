import { Injectable, inject } from '@angular/core';

import { CLOCK } from '../platform/browser.tokens';
import { SkewEstimator } from './skew-estimator';

/**
 * The server's notion of now. Expiry times come from the server, so they are compared with this
 * rather than with the local clock, which may be minutes off. The skew is estimated from the
 * `Date` header of every API response.
 */
@Injectable({ providedIn: 'root' })
export class ServerClock {
  private readonly clock = inject(CLOCK);
  private readonly estimator = new SkewEstimator();

  /** Estimated server time minus local time, in ms (positive: this computer is behind). */
  skewMs(): number {
    return this.estimator.estimateMs();
  }

  /** Now on the server's clock, epoch ms. */
  now(): number {
    return this.clock() + this.skewMs();
  }

  /** Converts a server-clock instant into the local clock (for scheduling local timers). */
  toLocal(serverTime: number): number {
    return serverTime - this.skewMs();
  }

  /** Takes a sample from an API response's `Date` header and the request's local send/receive times. */
  observeResponse(dateHeader: string | null, sentAt: number, receivedAt = this.clock()): void {
    this.estimator.addSample(dateHeader, sentAt, receivedAt);
  }
}
