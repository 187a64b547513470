import { SessionInfo } from '../model/session.model';

/**
 * When the access token is to be renewed, on the server's clock: a little before it expires
 * (at most `leadMs`, at most a fifth of its lifetime, so short test lifetimes work too).
 */
export function refreshDueAt(session: SessionInfo, leadMs: number): number {
  const lifetime = Math.max(0, session.accessExpiresAt - session.issuedAt);
  return session.accessExpiresAt - Math.min(leadMs, lifetime / 5);
}
