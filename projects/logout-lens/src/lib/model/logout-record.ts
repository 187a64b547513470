import { LogoutType, isLogoutType } from './logout-type';

/** The server's reading of a token reuse: this browser's own requests crossed, or a stolen cookie. */
export type ReuseVerdict = 'likely_race' | 'likely_theft';

/** A failed API call as a logout record keeps it: no bodies, headers or query values. */
export interface RecordedFailure {
  method: string;
  path: string;
  status: number;
  at: string;
}

/**
 * Everything known about one sign-out. Field names are snake_case: support scripts read them
 * from `logout_history` and the backend stores them. Nothing secret is ever in here.
 */
export interface LogoutRecord {
  id: string;
  type: LogoutType;
  message: string;
  code: string | null;
  occurred_at: string;
  idle_seconds: number;
  route: string;
  tab_id: string;
  session_id: string | null;
  device_id: string;
  user_id: string | null;
  remember_me: boolean | null;
  access_expires_at: string | null;
  refresh_expires_at: string | null;
  /** The session's whole lifetime under the server's policy, in seconds (null when unknown). */
  session_lifetime_seconds: number | null;
  last_refresh: { at: string; outcome: string; status: number | null; reason: string | null } | null;
  api_failures: RecordedFailure[];
  from_other_tab: boolean;
  /** For TOKEN_REUSE_DETECTED: the server's reading, `likely_race` or `likely_theft` (else null). */
  reuse_verdict: ReuseVerdict | null;
  /** What the app said about a sign-out it ended (`LogoutLens.endSession(type, message, details)`). */
  app_details?: AppDetails;
}

/** Short, non-secret facts an app adds to a sign-out it ends: at most 10, each a short value. */
export type AppDetails = Record<string, string | number | boolean>;

const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Keeps only well-formed details: 10 keys, simple values, strings cut to 200 characters. */
export function parseAppDetails(value: unknown): AppDetails | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const details: AppDetails = {};
  for (const [key, item] of Object.entries(value).slice(0, 10)) {
    if (!DETAIL_KEY.test(key)) continue;
    if (typeof item === 'string') details[key] = item.slice(0, 200);
    else if (typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item))) details[key] = item;
  }
  return Object.keys(details).length ? details : null;
}

const MAX_STRING = 500;

/** Validates a stored record; anything of the wrong shape is dropped rather than trusted. */
export function parseLogoutRecord(value: unknown): LogoutRecord | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isLogoutType(v['type']) || typeof v['occurred_at'] !== 'string') return null;
  if (Number.isNaN(Date.parse(v['occurred_at']))) return null;
  const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string).slice(0, MAX_STRING) : null);
  const failures = Array.isArray(v['api_failures']) ? v['api_failures'] : [];
  return {
    id: str('id') ?? v['occurred_at'],
    type: v['type'],
    message: str('message') ?? '',
    code: str('code'),
    occurred_at: v['occurred_at'],
    idle_seconds: typeof v['idle_seconds'] === 'number' && v['idle_seconds'] >= 0 ? v['idle_seconds'] : 0,
    route: str('route') ?? '',
    tab_id: str('tab_id') ?? '',
    session_id: str('session_id'),
    device_id: str('device_id') ?? '',
    user_id: str('user_id'),
    remember_me: typeof v['remember_me'] === 'boolean' ? v['remember_me'] : null,
    access_expires_at: str('access_expires_at'),
    refresh_expires_at: str('refresh_expires_at'),
    session_lifetime_seconds:
      typeof v['session_lifetime_seconds'] === 'number' && v['session_lifetime_seconds'] > 0 ? v['session_lifetime_seconds'] : null,
    last_refresh: parseLastRefresh(v['last_refresh']),
    api_failures: failures.slice(-10).flatMap((f) => parseFailure(f)),
    from_other_tab: v['from_other_tab'] === true,
    reuse_verdict: v['reuse_verdict'] === 'likely_race' || v['reuse_verdict'] === 'likely_theft' ? v['reuse_verdict'] : null,
    ...withAppDetails(parseAppDetails(v['app_details'])),
  };
}

function parseLastRefresh(value: unknown): LogoutRecord['last_refresh'] {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v['at'] !== 'string' || typeof v['outcome'] !== 'string') return null;
  return {
    at: v['at'],
    outcome: v['outcome'].slice(0, 40),
    status: typeof v['status'] === 'number' ? v['status'] : null,
    reason: typeof v['reason'] === 'string' ? v['reason'].slice(0, 200) : null,
  };
}

function parseFailure(value: unknown): RecordedFailure[] {
  if (!value || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  if (typeof v['method'] !== 'string' || typeof v['path'] !== 'string') return [];
  if (typeof v['status'] !== 'number' || typeof v['at'] !== 'string') return [];
  return [{ method: v['method'].slice(0, 10), path: v['path'].slice(0, 300), status: v['status'], at: v['at'] }];
}

function withAppDetails(details: AppDetails | null): { app_details?: AppDetails } {
  return details ? { app_details: details } : {};
}
