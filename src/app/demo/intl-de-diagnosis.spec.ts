import { Evidence, LogoutLensKit, LogoutRecord, loadLogoutLensKit } from '@logout-lens/angular';

import { GERMAN_DIAGNOSIS_WORDS } from './intl-de-diagnosis';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function signedOut(logout: Partial<LogoutRecord>, more: Partial<Evidence> = {}): Evidence {
  const record = {
    id: 'r1',
    type: 'USER_INITIATED',
    occurred_at: new Date(NOW).toISOString(),
    code: null,
    idle_seconds: 0,
    remember_me: true,
    refresh_expires_at: null,
    session_lifetime_seconds: null,
    from_other_tab: false,
    api_failures: [],
    last_refresh: null,
    reuse_verdict: null,
    ...logout,
  } as unknown as LogoutRecord;
  return {
    now: NOW,
    signedIn: false,
    session: null,
    lastLogout: record,
    clockSkewMs: 0,
    lateTimers: [],
    apiCalls: [],
    ...more,
  };
}

describe('the demo diagnosis in German', () => {
  // The diagnosis comes as an app gets it: fetched on first use.
  let kit: LogoutLensKit;
  beforeAll(async () => {
    kit = await loadLogoutLensKit();
  });

  it('words every sentence English has', () => {
    expect(Object.keys(GERMAN_DIAGNOSIS_WORDS).sort()).toEqual(Object.keys(kit.ENGLISH_DIAGNOSIS_WORDS).sort());
  });

  it.each<[string, Evidence, string]>([
    ['an idle sign-out, the span after "nach"', signedOut({ type: 'IDLE_TIMEOUT', idle_seconds: 3 * DAY / 1000 }), 'nach 3 Tagen ohne Aktivität'],
    ['a clock ahead, the span on its own', signedOut({ type: 'TOKEN_EXPIRED' }, { clockSkewMs: -4 * DAY }), 'geht 4 Tage vor'],
    ['a sign-out in another tab', signedOut({ type: 'USER_INITIATED', from_other_tab: true }), 'in einem anderen Tab abgemeldet'],
  ])('says %s', (_case, evidence, words) => {
    const { sentence } = kit.diagnose(evidence, GERMAN_DIAGNOSIS_WORDS);
    expect(sentence).toContain(words);
    expect(sentence).toMatch(/^[A-ZÄÖÜ][^\n]*\.$/);
  });

  it('gives times in German', () => {
    const { sentence } = kit.diagnose(signedOut({ type: 'SESSION_REVOKED' }), GERMAN_DIAGNOSIS_WORDS);
    expect(sentence).toContain('am 28.11.2026, 10:00:00');
  });
});
