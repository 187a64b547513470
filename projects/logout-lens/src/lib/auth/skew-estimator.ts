/** How many recent samples the estimate is drawn from: enough to outvote a slow response or two. */
export const SKEW_SAMPLE_WINDOW = 9;

/** Responses slower than this say too little about when the server wrote its `Date` header. */
export const MAX_SAMPLE_ROUND_TRIP_MS = 10_000;

/**
 * Estimates how far this computer's clock is from the server's, from the `Date` headers of API
 * responses. Expiry times come from the server, so the app compares them with server time.
 *
 * Each sample assumes the server wrote the header halfway through the round trip, and adds half a
 * second because the header is truncated to whole seconds. The estimate is the median of the last
 * samples, so one slow response or one odd header barely moves it, while a clock that is changed
 * shows through once half of the window has been replaced.
 */
export class SkewEstimator {
  private readonly samples: number[] = [];

  constructor(private readonly windowSize = SKEW_SAMPLE_WINDOW) {}

  /**
   * Adds one response. `sentAt` and `receivedAt` are local epoch ms of the request and its answer.
   * A missing or unreadable header, or a round trip that is negative or over 10 s, is ignored.
   */
  addSample(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    const serverTime = dateHeader ? Date.parse(dateHeader) : NaN;
    const roundTrip = receivedAt - sentAt;
    if (!Number.isFinite(serverTime) || !Number.isFinite(roundTrip)) return;
    if (roundTrip < 0 || roundTrip > MAX_SAMPLE_ROUND_TRIP_MS) return;
    this.samples.push(serverTime + 500 - (sentAt + receivedAt) / 2);
    if (this.samples.length > this.windowSize) this.samples.shift();
  }

  /** Server time minus local time, in ms (positive: this computer is behind); 0 before any sample. */
  estimateMs(): number {
    const n = this.samples.length;
    if (n === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const middle = Math.floor(n / 2);
    return n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** How many samples the estimate currently rests on. */
  sampleCount(): number {
    return this.samples.length;
  }

  /** Forgets every sample, e.g. after the computer's clock was changed. */
  reset(): void {
    this.samples.length = 0;
  }
}
