import { computeTokenStatus, describeTokenStatus } from './token-status';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const session = (accessLeftS: number, refreshLeftS: number) => ({
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  sessionId: 'sess-1',
  rememberMe: true,
  accessExpiresAt: NOW + accessLeftS * 1000,
  refreshExpiresAt: NOW + refreshLeftS * 1000,
  issuedAt: NOW - 60_000,
});
const status = (accessLeftS: number, refreshLeftS: number) =>
  computeTokenStatus({
    session: session(accessLeftS, refreshLeftS),
    lastRefresh: null,
    localNow: NOW,
    serverNow: NOW,
    clockSkewMs: 0,
    nextRefreshAt: NOW + 1000,
    lateTimers: [],
  });

describe('computeTokenStatus', () => {
  it.each([
    [3600, 20 * 86400, 'ok', 'ok', 'ok'],
    [299, 20 * 86400, 'warning', 'ok', 'warning'],
    [300, 20 * 86400, 'ok', 'ok', 'ok'],
    [3600, 86399, 'ok', 'critical', 'critical'],
    [120, 3600, 'warning', 'critical', 'critical'],
    [-5, 20 * 86400, 'expired', 'ok', 'warning'],
    [-5, -5, 'expired', 'expired', 'critical'],
  ])('access %d s, refresh %d s → %s / %s, overall %s', (a, r, accessLevel, refreshLevel, level) => {
    const s = status(a, r);
    expect(s.access.level).toBe(accessLevel);
    expect(s.refresh.level).toBe(refreshLevel);
    expect(s.level).toBe(level);
    expect(s.access.secondsLeft).toBe(a);
  });

  it('reports no tokens and an ok level when signed out', () => {
    const s = computeTokenStatus({
      session: null,
      lastRefresh: null,
      localNow: NOW,
      serverNow: NOW,
      clockSkewMs: 1234,
      nextRefreshAt: null,
      lateTimers: [],
    });
    expect(s).toMatchObject({ signedIn: false, level: 'ok', access: { level: 'none' }, nextRefreshAt: null, clockSkewMs: 1234 });
  });

  it('measures time left on the server clock, not the local one', () => {
    const s = computeTokenStatus({
      session: session(600, 86400 * 3),
      lastRefresh: null,
      localNow: NOW - 10 * 60_000,
      serverNow: NOW,
      clockSkewMs: 10 * 60_000,
      nextRefreshAt: null,
      lateTimers: [],
    });
    expect(s.access.secondsLeft).toBe(600);
  });

  it('puts the numbers that matter on one line, and never a token', () => {
    const line = describeTokenStatus(status(299, 86399));
    expect(line).toBe('CRITICAL — access 4 min 59 s left (warning), refresh 24.0 h left (critical), remember me on');
    expect(JSON.stringify(status(299, 86399))).not.toMatch(/eyJ/);
  });
});
