import { record } from '../model/logout-record.fixture';
import { diagnose } from './diagnose';
import { DIAGNOSIS_RULES } from './diagnosis-rules';
import { Evidence, LateTimer } from './evidence';
import { DAY, HOUR, MINUTE, NOW, REFRESH_PATH, SECOND, call, evidence, isoAt, signedOut } from './evidence.fixture';

const sleep: LateTimer = { expectedAt: NOW - 45 * MINUTE, firedAt: NOW - 2 * MINUTE, delayMs: 43 * MINUTE };
const endingIn = (ms: number) => ({
  rememberMe: false,
  startedAt: NOW - 7 * DAY + ms,
  accessExpiresAt: NOW + 30 * MINUTE,
  refreshExpiresAt: NOW + ms,
});
const failingRefreshes = [call(REFRESH_PATH, 503, -2 * MINUTE), call(REFRESH_PATH, 503, -MINUTE)];

describe('DIAGNOSIS_RULES', () => {
  it('gives every rule its own id', () => {
    const ids = DIAGNOSIS_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ends with a fallback that matches anything', () => {
    const last = DIAGNOSIS_RULES[DIAGNOSIS_RULES.length - 1];
    expect(last.id).toBe('healthy');
    expect(last.matches(signedOut({ type: 'UNKNOWN' }))).toBe(true);
  });

  it.each<[string, Evidence, string]>([
    [
      'the last sign-out over a wrong clock',
      signedOut({ type: 'USER_INITIATED' }, { clockSkewMs: 6 * MINUTE }),
      'user-signed-out',
    ],
    [
      'an early expiry with a wrong clock over the plain expiry',
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: isoAt(0) }, { clockSkewMs: -4 * DAY }),
      'clock-skew-at-expiry',
    ],
    [
      'the plain expiry when it came on time, even with a wrong clock',
      signedOut({ type: 'TOKEN_EXPIRED', refresh_expires_at: isoAt(-10 * MINUTE) }, { clockSkewMs: -6 * MINUTE }),
      'token-expired',
    ],
    [
      'a refresh race over a reuse',
      signedOut({ type: 'TOKEN_REUSE_DETECTED' }, { apiCalls: [call(REFRESH_PATH, 200, -5 * SECOND)] }),
      'token-reuse-race',
    ],
    [
      'the last sign-out over risks seen while signed out',
      signedOut({ type: 'SESSION_REVOKED' }, { lateTimers: [sleep], apiCalls: failingRefreshes }),
      'session-revoked',
    ],
    [
      'an ending session over failing refreshes and a wrong clock',
      evidence({ session: endingIn(5 * HOUR), apiCalls: failingRefreshes, clockSkewMs: 6 * MINUTE }),
      'session-ending-soon',
    ],
    [
      'failing refreshes over a wrong clock',
      evidence({ apiCalls: failingRefreshes, clockSkewMs: 6 * MINUTE, lateTimers: [sleep] }),
      'refresh-failing',
    ],
    ['a wrong clock over a sleep', evidence({ clockSkewMs: -6 * MINUTE, lateTimers: [sleep] }), 'clock-skew'],
    ['a sleep over health', evidence({ lateTimers: [sleep] }), 'laptop-slept'],
    ['a wrong clock over health', evidence({ clockSkewMs: 6 * MINUTE }), 'clock-skew'],
    [
      'risks over an earlier sign-out once signed in again',
      evidence({ lastLogout: record({ type: 'TOKEN_REUSE_DETECTED' }), clockSkewMs: 6 * MINUTE }),
      'clock-skew',
    ],
    [
      'a wrong clock over an empty history while signed out',
      evidence({ signedIn: false, session: null, clockSkewMs: 6 * MINUTE }),
      'clock-skew',
    ],
    ['health when nothing is wrong', evidence({ lastLogout: record() }), 'healthy'],
  ])('puts %s', (_case, e, rule) => {
    expect(diagnose(e).rule).toBe(rule);
  });

  it('answers in one sentence with its numbers, whatever the evidence', () => {
    const cases = [
      signedOut({ type: 'TOKEN_EXPIRED', remember_me: false, refresh_expires_at: isoAt(0) }),
      signedOut({ type: 'IDLE_TIMEOUT', idle_seconds: 900 }),
      evidence({ session: endingIn(5 * HOUR) }),
      evidence({ apiCalls: failingRefreshes }),
      evidence({ lateTimers: [sleep] }),
    ];
    for (const e of cases) {
      const { sentence } = diagnose(e);
      expect(sentence).toMatch(/^[A-Z][^\n]*\.$/);
      expect(sentence.slice(0, -1)).not.toMatch(/[.!?]\s/);
      expect(sentence).toMatch(/\d/);
    }
  });

  it("speaks an app's words: the sentences it gives, and English, with its number words, for the rest", () => {
    const words = {
      time: () => 'at dawn',
      duration: () => 'a quarter of an hour',
      sessionRevoked: ({ at }: { at: number }, w: { time: (ms: number) => string }) => `Revoked ${w.time(at)}.`,
    };
    expect(diagnose(signedOut({ type: 'SESSION_REVOKED' }), words).sentence).toBe('Revoked at dawn.');
    expect(diagnose(signedOut({ type: 'IDLE_TIMEOUT', idle_seconds: 900 }), words).sentence).toBe(
      "The organisation's idle-timeout policy signed the user out after a quarter of an hour without activity.",
    );
    expect(diagnose(signedOut({ type: 'IDLE_TIMEOUT', idle_seconds: 900 })).sentence).toContain('after 15 minutes');
  });
});
