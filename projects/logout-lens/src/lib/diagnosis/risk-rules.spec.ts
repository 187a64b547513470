import { record } from '../model/logout-record.fixture';
import { diagnose } from './diagnose';
import { DiagnosisRule } from './diagnosis-rule';
import { DiagnosisSeverity, Evidence, LateTimer } from './evidence';
import { DAY, HOUR, MINUTE, NOW, REFRESH_PATH, SECOND, call, evidence } from './evidence.fixture';
import {
  accessOutlivesSession,
  clockSkew,
  healthy,
  laptopSlept,
  refreshFailing,
  sessionEndingSoon,
  signedOutWithoutRecord,
} from './risk-rules';

const session = (refreshExpiresAt: number, accessExpiresAt = NOW + 30 * MINUTE) => ({
  rememberMe: true,
  startedAt: NOW - 19 * DAY,
  accessExpiresAt,
  refreshExpiresAt,
});

/** A monitor check that ran `delayMs` late and fired `agoMs` before NOW. */
const late = (delayMs: number, agoMs = 2 * MINUTE): LateTimer => ({
  expectedAt: NOW - agoMs - delayMs,
  firedAt: NOW - agoMs,
  delayMs,
});

describe('risk rules', () => {
  it.each<[string, DiagnosisRule, Evidence, DiagnosisSeverity, string]>([
    [
      'an access token that outlives its session by 2 days',
      accessOutlivesSession,
      evidence({ session: session(NOW + 3 * DAY, NOW + 5 * DAY) }),
      'warning',
      "The access token outlives the session by 2 days: the access lifetime (simplejwt's ACCESS_TOKEN_LIFETIME) " +
        'is longer than the refresh lifetime, so the API takes the token after the session has ended, and a ' +
        'sign-out cannot stop it.',
    ],
    [
      'a session with 5 hours left',
      sessionEndingSoon,
      evidence({ session: session(NOW + 5 * HOUR) }),
      'critical',
      'The session ends in 5 hours: it will need a fresh sign-in then.',
    ],
    [
      "a session with 40 minutes left on the server's clock",
      sessionEndingSoon,
      evidence({ session: session(NOW + 50 * MINUTE), clockSkewMs: 10 * MINUTE }),
      'critical',
      'The session ends in 40 minutes: it will need a fresh sign-in then.',
    ],
    [
      'a session past its end',
      sessionEndingSoon,
      evidence({ session: session(NOW - MINUTE) }),
      'critical',
      'The session has reached the end of its lifetime: it will need a fresh sign-in now.',
    ],
    [
      'three refreshes failing with 503',
      refreshFailing,
      evidence({
        apiCalls: [
          call(REFRESH_PATH, 200, -20 * MINUTE),
          call(REFRESH_PATH, 503, -3 * MINUTE),
          call('/v1/demo/orders/', 200, -2 * MINUTE),
          call(REFRESH_PATH, 503, -2 * MINUTE),
          call(REFRESH_PATH, 503, -MINUTE),
        ],
      }),
      'warning',
      'Refresh failed 3 times with 503; the session was kept.',
    ],
    [
      'refreshes failing in different ways',
      refreshFailing,
      evidence({
        apiCalls: [
          call(REFRESH_PATH, 503, -3 * MINUTE),
          call(REFRESH_PATH, 502, -2 * MINUTE),
          call(REFRESH_PATH, 0, -MINUTE),
          call(REFRESH_PATH, 503, -SECOND),
        ],
      }),
      'warning',
      'Refresh failed 4 times with 503, 502 and a network error; the session was kept.',
    ],
    [
      'one failure since the last successful refresh',
      refreshFailing,
      evidence({
        apiCalls: [
          call(REFRESH_PATH, 500, -30 * MINUTE),
          call(REFRESH_PATH, 200, -29 * MINUTE),
          call(REFRESH_PATH, 0, -MINUTE),
        ],
      }),
      'warning',
      'Refresh failed once with a network error; the session was kept.',
    ],
    [
      'a clock 6 minutes behind',
      clockSkew,
      evidence({ clockSkewMs: 6 * MINUTE + 10 * SECOND }),
      'warning',
      "This computer's clock is 6 minutes behind the server.",
    ],
    [
      'a clock 2 hours ahead, while signed out',
      clockSkew,
      evidence({ signedIn: false, session: null, clockSkewMs: -2 * HOUR }),
      'warning',
      "This computer's clock is 2 hours ahead of the server.",
    ],
    [
      'a sleep after which the session was refreshed',
      laptopSlept,
      evidence({
        lateTimers: [late(10 * MINUTE, 5 * HOUR), late(43 * MINUTE), late(7 * MINUTE, HOUR)],
        apiCalls: [call(REFRESH_PATH, 200, -2 * MINUTE)],
      }),
      'info',
      'The laptop slept for 43 minutes; the session was restored on wake.',
    ],
    [
      'a sleep the access token outlived',
      laptopSlept,
      evidence({ lateTimers: [late(12 * MINUTE)], apiCalls: [call(REFRESH_PATH, 200, -HOUR)] }),
      'info',
      'The laptop slept for 12 minutes; the session was kept.',
    ],
    [
      'a browser signed out with nothing on record',
      signedOutWithoutRecord,
      evidence({ signedIn: false, session: null }),
      'info',
      'Not signed in, and this browser has no sign-out on record.',
    ],
    [
      'a healthy session',
      healthy,
      evidence(),
      'info',
      'No sign-out recorded and no risk seen: the session is healthy.',
    ],
    [
      'a healthy session after an earlier sign-out',
      healthy,
      evidence({ lastLogout: record({ type: 'TOKEN_EXPIRED' }) }),
      'info',
      'No risk seen since the last sign-in: the session is healthy.',
    ],
  ])('reports %s', (_case, rule, e, severity, sentence) => {
    const expected = { rule: rule.id, severity, sentence };
    expect(rule.matches(e)).toBe(true);
    expect(rule.diagnose(e)).toEqual(expected);
    expect(diagnose(e)).toEqual(expected);
  });

  it.each<[string, DiagnosisRule, Evidence]>([
    ['session-ending-soon: 25 hours left', sessionEndingSoon, evidence({ session: session(NOW + 25 * HOUR) })],
    ['access-outlives-session: an access token ending first', accessOutlivesSession, evidence()],
    ['access-outlives-session: a signed-out browser', accessOutlivesSession, evidence({ signedIn: false, session: null })],
    [
      'session-ending-soon: only the access token running out (it refreshes)',
      sessionEndingSoon,
      evidence({ session: session(NOW + 6 * DAY, NOW - MINUTE) }),
    ],
    ['session-ending-soon: a signed-out browser', sessionEndingSoon, evidence({ signedIn: false, session: null })],
    [
      'refresh-failing: failures followed by a successful refresh',
      refreshFailing,
      evidence({ apiCalls: [call(REFRESH_PATH, 503, -2 * MINUTE), call(REFRESH_PATH, 200, -MINUTE)] }),
    ],
    [
      'refresh-failing: a 401 refresh and a 503 elsewhere',
      refreshFailing,
      evidence({ apiCalls: [call(REFRESH_PATH, 401, -2 * MINUTE), call('/v1/demo/orders/', 503, -MINUTE)] }),
    ],
    ['clock-skew: a clock 59 s ahead', clockSkew, evidence({ clockSkewMs: -59 * SECOND })],
    ['laptop-slept: a check 4 minutes late', laptopSlept, evidence({ lateTimers: [late(4 * MINUTE)] })],
    ['laptop-slept: a sleep two days ago', laptopSlept, evidence({ lateTimers: [late(43 * MINUTE, 2 * DAY)] })],
    [
      'laptop-slept: a signed-out browser',
      laptopSlept,
      evidence({ signedIn: false, session: null, lateTimers: [late(43 * MINUTE)] }),
    ],
    [
      'signed-out-without-record: a sign-out on record',
      signedOutWithoutRecord,
      evidence({ signedIn: false, session: null, lastLogout: record() }),
    ],
  ])('does not match a near miss — %s', (_case, rule, e) => {
    expect(rule.matches(e)).toBe(false);
  });
});
