import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';

import { ReuseVerdict } from '../model/logout-record';
import { LogoutType } from '../model/logout-type';
import { ErrorPolicy, decide } from './error-policy';
import { readCode } from './read-code';

/** How a failed refresh is to be treated: only a session-over answer ends the session. */
export type RefreshFailure =
  | { kind: 'session-over'; logoutType: LogoutType; code: string; message: string; reuse?: ReuseVerdict }
  | { kind: 'transient'; status: number; reason: string };

/** The backend's 401 codes that mean the session is over, and what each means to the user. */
const SESSION_OVER: Record<string, { type: LogoutType; message: string }> = {
  refresh_expired: { type: 'TOKEN_EXPIRED', message: 'Your session reached the end of its lifetime.' },
  refresh_revoked: { type: 'SESSION_REVOKED', message: 'This session was signed out from another place.' },
  refresh_reused: {
    type: 'TOKEN_REUSE_DETECTED',
    message: 'A used session key was presented again, so the session was closed to protect you.',
  },
  password_changed: { type: 'PASSWORD_CHANGED', message: 'Your password was changed.' },
  account_disabled: { type: 'ACCOUNT_DISABLED', message: 'An administrator deactivated this account.' },
  refresh_missing: { type: 'REFRESH_FAILED', message: 'The browser no longer holds this session.' },
};

/** A session backend's own reading of a failed refresh; null leaves it to Logout Lens's. */
export type RefreshErrorReader = (error: unknown) => RefreshFailure | null;

/**
 * Classifies a refresh error: the backend's reading (`read`) if it has one, else Logout Lens's;
 * then the app's error policy. `refreshExpiresAt` (server clock) lets a missing cookie be told
 * apart: the browser drops the cookie itself when its Max-Age runs out, which is an expiry.
 */
export function classifyRefreshError(
  error: unknown,
  serverNow: number,
  refreshExpiresAt: number | null,
  policy: ErrorPolicy | null = null,
  read: RefreshErrorReader | null = null,
): RefreshFailure {
  const failure = read?.(error) ?? defaultRefreshFailure(error, serverNow, refreshExpiresAt);
  if (!policy) return failure;
  const answer = error instanceof HttpErrorResponse ? error : null;
  const status = answer?.status ?? 0;
  const code = answer ? readCode(answer.error) : null;
  const decision = decide(policy, { kind: 'refresh', status, code, method: 'POST', url: answer?.url ?? '' });
  if (decision === 'retry' && failure.kind === 'session-over') {
    return { kind: 'transient', status, reason: `${failure.code}, retried by the app's error policy` };
  }
  if (typeof decision === 'object' && decision.endSession) {
    return {
      kind: 'session-over',
      logoutType: decision.endSession,
      code: code ?? `HTTP ${status}`,
      message: decision.message ?? "The app's error policy ended the session.",
    };
  }
  return failure;
}

function defaultRefreshFailure(error: unknown, serverNow: number, refreshExpiresAt: number | null): RefreshFailure {
  if (error instanceof TimeoutError) return { kind: 'transient', status: 0, reason: 'timeout' };
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'transient', status: 0, reason: 'unexpected error' };
  }
  const code = readCode(error.error);
  if (error.status === 401 && code && code in SESSION_OVER) {
    const expired =
      code === 'refresh_missing' && refreshExpiresAt !== null && serverNow >= refreshExpiresAt;
    const entry = expired ? SESSION_OVER['refresh_expired'] : SESSION_OVER[code];
    const reuse = readReuse(error.error);
    return { kind: 'session-over', logoutType: entry.type, code, message: entry.message, ...(reuse ? { reuse } : {}) };
  }
  const reason = error.status === 0 ? 'network error' : `HTTP ${error.status}`;
  return { kind: 'transient', status: error.status, reason };
}

/** Reads the server's reuse verdict (`reuse` of a `refresh_reused` answer), if any. */
export function readReuse(body: unknown): ReuseVerdict | null {
  const value = body && typeof body === 'object' ? (body as { reuse?: unknown }).reuse : null;
  return value === 'likely_race' || value === 'likely_theft' ? value : null;
}
