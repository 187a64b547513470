import { record } from '../model/logout-record.fixture';
import { ApiCall } from '../model/api-call';
import { LogoutRecord } from '../model/logout-record';
import { Evidence } from './evidence';

/** The fixed "now" of the diagnosis specs: 2026-11-28 10:00 UTC, local epoch ms. */
export const NOW = Date.parse('2026-11-28T10:00:00.000Z');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An ISO time `offsetMs` from NOW. */
export const isoAt = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

/** A signed-in, healthy browser (a 7-day session signed in a day ago); override what a spec is about. */
export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    now: NOW,
    signedIn: true,
    session: {
      rememberMe: false,
      startedAt: NOW - DAY,
      accessExpiresAt: NOW + 30 * MINUTE,
      refreshExpiresAt: NOW + 6 * DAY,
    },
    lastLogout: null,
    clockSkewMs: 0,
    lateTimers: [],
    apiCalls: [],
    ...overrides,
  };
}

/** A signed-out browser whose last sign-out (at NOW) is the given record. */
export function signedOut(logout: Partial<LogoutRecord>, overrides: Partial<Evidence> = {}): Evidence {
  return evidence({
    signedIn: false,
    session: null,
    lastLogout: record({ occurred_at: isoAt(0), ...logout }),
    ...overrides,
  });
}

export const REFRESH_PATH = '/v1/auth/refresh/';

/** One API call that started `offsetMs` from NOW; one to REFRESH_PATH is marked a refresh, as the call log marks it. */
export function call(path: string, status: number, offsetMs: number): ApiCall {
  return { method: 'POST', path, status, at: NOW + offsetMs, durationMs: 120, ...(path === REFRESH_PATH ? { refresh: true as const } : {}) };
}
