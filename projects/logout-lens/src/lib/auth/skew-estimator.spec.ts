import { SKEW_SAMPLE_WINDOW, SkewEstimator } from './skew-estimator';

const MINUTE = 60_000;
const START = Date.parse('2026-11-28T10:00:00.000Z');

/** Deterministic numbers in [0, 1): a small linear congruential generator. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A client talking to a server whose clock is `skewMs` ahead of the local one. */
class SimulatedServer {
  private localNow = START;

  constructor(
    private readonly estimator: SkewEstimator,
    private readonly random: () => number,
  ) {}

  /** One request; the server answers at a random point of the round trip. */
  exchange(skewMs: number, roundTripMs = 10 + this.random() * 790, answeredAt = this.random()): void {
    // Requests go out at a random sub-second phase, a few seconds apart.
    this.localNow += 5_000 + Math.floor(this.random() * 1000);
    const sentAt = this.localNow;
    const receivedAt = sentAt + roundTripMs;
    const serverTime = sentAt + answeredAt * roundTripMs + skewMs;
    this.estimator.addSample(new Date(serverTime).toUTCString(), sentAt, receivedAt);
    this.localNow = receivedAt;
  }

  /** A response carrying an arbitrary header (a proxy's cached copy, say). */
  exchangeWithHeader(header: string | null, roundTripMs = 100): void {
    this.localNow += 5_000;
    this.estimator.addSample(header, this.localNow, this.localNow + roundTripMs);
  }
}

function setup(seed = 42) {
  const estimator = new SkewEstimator();
  return { estimator, server: new SimulatedServer(estimator, lcg(seed)) };
}

describe('SkewEstimator', () => {
  it('estimates no skew before any sample', () => {
    const { estimator } = setup();
    expect(estimator.estimateMs()).toBe(0);
    expect(estimator.sampleCount()).toBe(0);
  });

  it.each([
    ['behind', 10 * MINUTE],
    ['ahead', -10 * MINUTE],
  ])('finds a computer 10 minutes %s within a second from a handful of samples', (_way, skew) => {
    for (const seed of [1, 7, 42, 2026, 99_991]) {
      const { estimator, server } = setup(seed);
      for (let i = 0; i < 5; i++) server.exchange(skew);
      expect(Math.abs(estimator.estimateMs() - skew)).toBeLessThan(1000);
    }
  });

  it('centres the whole-second header, so fast responses give a close estimate', () => {
    for (const seed of [1, 7, 42, 2026, 99_991]) {
      const { estimator, server } = setup(seed);
      for (let i = 0; i < SKEW_SAMPLE_WINDOW; i++) server.exchange(10 * MINUTE, 10 + (i % 4) * 10);
      expect(Math.abs(estimator.estimateMs() - 10 * MINUTE)).toBeLessThan(400);
    }
  });

  it('takes the server to have answered halfway through a slow round trip', () => {
    const { estimator, server } = setup(13);
    for (let i = 0; i < SKEW_SAMPLE_WINDOW; i++) server.exchange(-10 * MINUTE, 2_000, 0.5);
    expect(Math.abs(estimator.estimateMs() + 10 * MINUTE)).toBeLessThan(400);
  });

  it('finds a correct clock within a second', () => {
    const { estimator, server } = setup(3);
    for (let i = 0; i < 5; i++) server.exchange(0);
    expect(Math.abs(estimator.estimateMs())).toBeLessThan(1000);
  });

  it('barely moves for one response that took 9 seconds', () => {
    const skew = 10 * MINUTE;
    const { estimator, server } = setup(11);
    for (let i = 0; i < 3; i++) server.exchange(skew);
    const before = estimator.estimateMs();
    // Answered right at the start of a 9 s round trip: that sample alone is 4.5 s off.
    server.exchange(skew, 9_000, 0);
    expect(estimator.sampleCount()).toBe(4);
    expect(Math.abs(estimator.estimateMs() - before)).toBeLessThanOrEqual(1000);
    expect(Math.abs(estimator.estimateMs() - skew)).toBeLessThan(1000);
  });

  it('barely moves for one wild header', () => {
    const skew = -10 * MINUTE;
    const { estimator, server } = setup(5);
    for (let i = 0; i < 6; i++) server.exchange(skew);
    const before = estimator.estimateMs();
    server.exchangeWithHeader(new Date(START - 3 * 3_600_000).toUTCString());
    expect(estimator.sampleCount()).toBe(7);
    expect(Math.abs(estimator.estimateMs() - before)).toBeLessThanOrEqual(1000);
    expect(Math.abs(estimator.estimateMs() - skew)).toBeLessThan(1000);
  });

  it('ignores round trips over 10 seconds', () => {
    const { estimator, server } = setup();
    server.exchange(10 * MINUTE, 10_001);
    expect(estimator.sampleCount()).toBe(0);
    expect(estimator.estimateMs()).toBe(0);
  });

  it.each([
    ['a missing header', null],
    ['an empty header', ''],
    ['an unreadable header', 'not a date'],
  ])('ignores %s', (_case, header) => {
    const { estimator, server } = setup();
    server.exchangeWithHeader(header);
    expect(estimator.sampleCount()).toBe(0);
    expect(estimator.estimateMs()).toBe(0);
  });

  it('ignores an answer that arrived before its request was sent', () => {
    const estimator = new SkewEstimator();
    estimator.addSample(new Date(START).toUTCString(), START + 500, START);
    expect(estimator.sampleCount()).toBe(0);
  });

  it('keeps a bounded window, so a changed clock shows through as old samples age out', () => {
    const { estimator, server } = setup(8);
    for (let i = 0; i < SKEW_SAMPLE_WINDOW; i++) server.exchange(10 * MINUTE);
    expect(Math.abs(estimator.estimateMs() - 10 * MINUTE)).toBeLessThan(1000);

    // The computer's clock is corrected to 2 minutes behind: old samples still outvote the first few.
    for (let i = 0; i < 4; i++) server.exchange(2 * MINUTE);
    expect(estimator.estimateMs()).toBeGreaterThan(9 * MINUTE);

    for (let i = 4; i < SKEW_SAMPLE_WINDOW; i++) server.exchange(2 * MINUTE);
    expect(estimator.sampleCount()).toBe(SKEW_SAMPLE_WINDOW);
    expect(Math.abs(estimator.estimateMs() - 2 * MINUTE)).toBeLessThan(1000);
  });

  it('starts over after a reset', () => {
    const { estimator, server } = setup();
    for (let i = 0; i < 3; i++) server.exchange(10 * MINUTE);
    estimator.reset();
    expect(estimator.sampleCount()).toBe(0);
    expect(estimator.estimateMs()).toBe(0);
    server.exchange(-10 * MINUTE);
    expect(Math.abs(estimator.estimateMs() + 10 * MINUTE)).toBeLessThan(1000);
  });
});
