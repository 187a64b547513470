import { SessionInfo } from './session.model';

/** A signed-in session for specs: remember-me on, issued at `now`, 1 h access and 20 days in all. */
export function sessionAt(now: number): SessionInfo {
  return {
    user: { id: 1, email: 'dana@example.com', name: 'Dana' },
    sessionId: 'sess-1',
    rememberMe: true,
    accessExpiresAt: now + 3_600_000,
    refreshExpiresAt: now + 20 * 86_400_000,
    issuedAt: now,
    lifetimeSeconds: 20 * 86_400,
  };
}
