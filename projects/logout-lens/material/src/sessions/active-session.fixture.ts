import { ActiveSession } from './sessions-api';

/** A session as the backend lists it: Chrome on Linux, remembered, last used 2.5 minutes before noon. */
export function activeSession(overrides: Partial<ActiveSession> = {}): ActiveSession {
  return {
    id: 'b6a1f0c2-0000-4000-8000-000000000001',
    device_id: 'device-1',
    user_agent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    ip: '203.0.113.7',
    created_at: '2026-03-09T08:00:00Z',
    last_used_at: '2026-03-10T11:57:30Z',
    expires_at: '2026-03-29T08:00:00Z',
    remember_me: true,
    current: false,
    ...overrides,
  };
}
