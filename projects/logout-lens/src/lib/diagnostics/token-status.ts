import { RefreshAttempt } from '../auth/state/auth.feature';
import { LateTimer } from '../diagnosis/evidence';
import { SessionInfo } from '../model/session.model';

/** How close a token is to running out. */
export type TokenLevel = 'ok' | 'warning' | 'critical' | 'expired' | 'none';

export interface TokenCountdown {
  /** ISO time on the server's clock, or null when there is no token. */
  expiresAt: string | null;
  secondsLeft: number | null;
  level: TokenLevel;
}

/**
 * The session's health as `window.__tokenMonitor.getTokenStatus()` returns it: a plain object,
 * never a token.
 */
export interface TokenStatus {
  checkedAt: string;
  signedIn: boolean;
  level: 'ok' | 'warning' | 'critical';
  access: TokenCountdown;
  refresh: TokenCountdown;
  rememberMe: boolean | null;
  sessionId: string | null;
  lastRefresh: { at: string; outcome: string; status: number | null; reason: string | null } | null;
  nextRefreshAt: string | null;
  /** Server time minus local time, ms (positive: this computer is behind). */
  clockSkewMs: number;
  lateTimers: LateTimer[];
}

/** A monitor check this much later than scheduled is recorded as a late timer. */
export const LATE_TIMER_MS = 5000;

/** The access token is in warning when less than this is left (it refreshes before then). */
export const ACCESS_WARNING_SECONDS = 5 * 60;
/** The session is critical when its refresh token has less than this left. */
export const REFRESH_CRITICAL_SECONDS = 24 * 60 * 60;

export interface TokenStatusInput {
  session: SessionInfo | null;
  lastRefresh: RefreshAttempt | null;
  /** Local and server epoch ms. */
  localNow: number;
  serverNow: number;
  clockSkewMs: number;
  /** Server epoch ms of the next proactive refresh, if scheduled. */
  nextRefreshAt: number | null;
  lateTimers: readonly LateTimer[];
}

/** Computes the status from the session state and the clocks (pure). */
export function computeTokenStatus(input: TokenStatusInput): TokenStatus {
  const { session, serverNow } = input;
  const access = countdown(session?.accessExpiresAt ?? null, serverNow, (s) =>
    s < ACCESS_WARNING_SECONDS ? 'warning' : 'ok',
  );
  const refresh = countdown(session?.refreshExpiresAt ?? null, serverNow, (s) =>
    s < REFRESH_CRITICAL_SECONDS ? 'critical' : 'ok',
  );
  const levels = [access.level, refresh.level];
  const level = refresh.level === 'critical' || refresh.level === 'expired'
    ? 'critical'
    : levels.includes('warning') || access.level === 'expired'
      ? 'warning'
      : 'ok';
  const iso = (ms: number) => new Date(ms).toISOString();
  const last = input.lastRefresh;
  return {
    checkedAt: iso(input.localNow),
    signedIn: session !== null,
    level: session ? level : 'ok',
    access,
    refresh,
    rememberMe: session?.rememberMe ?? null,
    sessionId: session?.sessionId ?? null,
    lastRefresh: last ? { at: iso(last.at), outcome: last.outcome, status: last.status, reason: last.reason } : null,
    nextRefreshAt: session && input.nextRefreshAt !== null ? iso(input.nextRefreshAt) : null,
    clockSkewMs: Math.round(input.clockSkewMs),
    lateTimers: [...input.lateTimers],
  };
}

function countdown(
  expiresAt: number | null,
  serverNow: number,
  levelFor: (secondsLeft: number) => TokenLevel,
): TokenCountdown {
  if (expiresAt === null || !Number.isFinite(expiresAt)) {
    return { expiresAt: null, secondsLeft: null, level: 'none' };
  }
  const secondsLeft = Math.floor((expiresAt - serverNow) / 1000);
  return {
    expiresAt: new Date(expiresAt).toISOString(),
    secondsLeft,
    level: secondsLeft <= 0 ? 'expired' : levelFor(secondsLeft),
  };
}

/** One console line with the numbers that matter. */
export function describeTokenStatus(status: TokenStatus): string {
  if (!status.signedIn) return 'Not signed in.';
  const span = (s: number | null) => {
    if (s === null) return '—';
    const abs = Math.abs(s);
    const text = abs >= 86400 ? `${(abs / 86400).toFixed(1)} d` : abs >= 3600 ? `${(abs / 3600).toFixed(1)} h` : abs >= 60 ? `${Math.floor(abs / 60)} min ${abs % 60} s` : `${abs} s`;
    return s < 0 ? `expired ${text} ago` : text;
  };
  const skew = Math.abs(status.clockSkewMs) >= 1000 ? `, clock skew ${Math.round(status.clockSkewMs / 1000)} s` : '';
  return (
    `${status.level.toUpperCase()} — access ${span(status.access.secondsLeft)} left (${status.access.level}), ` +
    `refresh ${span(status.refresh.secondsLeft)} left (${status.refresh.level}), ` +
    `remember me ${status.rememberMe ? 'on' : 'off'}${skew}`
  );
}
