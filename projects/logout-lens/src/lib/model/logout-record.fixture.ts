import { LogoutRecord } from './logout-record';

/** A complete, valid logout record for specs; override what a spec is about. */
export function record(overrides: Partial<LogoutRecord> = {}): LogoutRecord {
  return {
    id: 'rec-1',
    type: 'TOKEN_EXPIRED',
    message: 'Your session reached the end of its lifetime.',
    code: 'refresh_expired',
    occurred_at: '2026-11-28T10:00:00.000Z',
    idle_seconds: 42,
    route: '/',
    tab_id: 'tab12345',
    session_id: '6f1c9d7e-2f7c-4a39-9e6b-0d7c1b2a3f4e',
    device_id: 'device-1234',
    user_id: '1',
    remember_me: true,
    access_expires_at: '2026-11-28T10:30:00.000Z',
    refresh_expires_at: '2026-12-18T09:00:00.000Z',
    session_lifetime_seconds: 20 * 86400,
    last_refresh: null,
    api_failures: [],
    from_other_tab: false,
    reuse_verdict: null,
    ...overrides,
  };
}
