import { LogoutType, isLogoutType } from '../model/logout-type';
import { SessionInfo, parseSessionUser } from '../model/session.model';

/**
 * What the tabs of one browser tell each other. `access` (the access token) and `carried` (the
 * credential for the next refresh that no cookie keeps, as stock simplejwt's refresh token) travel
 * only over BroadcastChannel, which stays in memory; the storage-event fallback never carries them.
 */
export type TabMessage =
  | { kind: 'session'; from: string; session: SessionInfo; access: string | null; carried: string | null; at: number }
  | { kind: 'session-request'; from: string }
  | { kind: 'signed-out'; from: string; logoutType: LogoutType; message: string; code: string | null }
  | { kind: 'activity'; from: string; at: number }
  | { kind: 'hello'; from: string }
  | { kind: 'bye'; from: string };

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

/** Validates a message from another tab; anything malformed is dropped. */
export function parseTabMessage(value: unknown): TabMessage | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (!str(m['from'], 64)) return null;
  const from = m['from'];
  switch (m['kind']) {
    case 'session': {
      const session = parseSession(m['session']);
      if (!session || !num(m['at'])) return null;
      const access = str(m['access'], 4096) ? m['access'] : null;
      const carried = access && str(m['carried'], 4096) ? m['carried'] : null;
      return { kind: 'session', from, session, access, carried, at: m['at'] };
    }
    case 'signed-out':
      if (!isLogoutType(m['logoutType']) || !str(m['message'], 500)) return null;
      return { kind: 'signed-out', from, logoutType: m['logoutType'], message: m['message'], code: str(m['code'], 64) ? m['code'] : null };
    case 'activity':
      return num(m['at']) ? { kind: 'activity', from, at: m['at'] } : null;
    case 'session-request':
    case 'hello':
    case 'bye':
      return { kind: m['kind'], from };
    default:
      return null;
  }
}

function parseSession(value: unknown): SessionInfo | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  const user = parseSessionUser(s['user']);
  if (!user) return null;
  if (!str(s['sessionId'], 64) || typeof s['rememberMe'] !== 'boolean') return null;
  if (!num(s['accessExpiresAt']) || !num(s['refreshExpiresAt']) || !num(s['issuedAt'])) return null;
  return {
    user,
    sessionId: s['sessionId'],
    rememberMe: s['rememberMe'],
    accessExpiresAt: s['accessExpiresAt'],
    refreshExpiresAt: s['refreshExpiresAt'],
    issuedAt: s['issuedAt'],
  };
}
