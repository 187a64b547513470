// Records the API requests of a browser context from Playwright's network events, tagged with
// the tab that sent them and the bench phase they were sent in.
import { DATA_PATH, REFRESH_PATH } from './app.mjs';
import { sleep } from './stack.mjs';

const pathOf = (url) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/**
 * One entry per request: { seq, tab, phase, kind ('data' | 'refresh' | 'other'), method, start,
 * end, status, failure }. start/end are epoch ms from the browser's own resource timing
 * (requestWillBeSent → last byte received), falling back to when Node saw the events.
 */
export class NetworkRecorder {
  constructor(target, tabOf = () => 0) {
    this.entries = [];
    this.phase = 'setup';
    this.inflight = 0;
    this.seq = 0;
    this.lastChange = Date.now();
    const byRequest = new Map();
    target.on('request', (request) => {
      const path = pathOf(request.url());
      if (!path.startsWith('/v1/')) return;
      let tab = -1;
      try {
        tab = tabOf(request.frame().page());
      } catch {
        // Not from a page (worker): unattributed.
      }
      const kind = path === DATA_PATH ? 'data' : path === REFRESH_PATH && request.method() === 'POST' ? 'refresh' : 'other';
      const entry = {
        seq: ++this.seq,
        tab,
        phase: this.phase,
        kind,
        method: request.method(),
        path,
        start: Date.now(),
        end: null,
        status: null,
        failure: null,
      };
      byRequest.set(request, entry);
      this.entries.push(entry);
      this.inflight++;
      this.lastChange = Date.now();
    });
    const settle = async (request, failure) => {
      const entry = byRequest.get(request);
      if (!entry) return;
      byRequest.delete(request);
      const seenAt = Date.now();
      try {
        if (failure === null) entry.status = (await request.response())?.status() ?? null;
        const timing = request.timing();
        if (timing.startTime > 0) {
          entry.start = timing.startTime;
          entry.end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : seenAt;
        } else {
          entry.end = seenAt;
        }
      } catch {
        entry.end = seenAt;
      }
      entry.failure = failure;
      this.inflight--;
      this.lastChange = Date.now();
    };
    target.on('requestfinished', (request) => settle(request, null));
    target.on('requestfailed', (request) => settle(request, request.failure()?.errorText ?? 'failed'));
  }

  /** Resolves when no API request has been in flight for `quietMs`. */
  async idle(quietMs = 300, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inflight === 0 && Date.now() - this.lastChange >= quietMs) return;
      await sleep(25);
    }
    throw new Error(`network not idle after ${timeoutMs / 1000} s (${this.inflight} in flight)`);
  }

  select(filter) {
    return this.entries.filter((e) =>
      Object.entries(filter).every(([key, value]) => (Array.isArray(value) ? value.includes(e[key]) : e[key] === value)),
    );
  }
}
