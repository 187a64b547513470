import { LogoutRecord } from '../model/logout-record';
import { LogoutType } from '../model/logout-type';
import { SessionInfo } from '../model/session.model';

/**
 * What happened to the session, one event per occurrence, in the order it happened. `at` is
 * local epoch ms. No event carries a token, a password or a cookie value.
 */
export type LogoutLensEvent =
  /** Signed in on this tab. */
  | { type: 'session-started'; at: number; session: SessionInfo }
  /** A reload found the session alive (this tab refreshed it, or another tab handed it over). */
  | { type: 'session-restored'; at: number; session: SessionInfo; by: 'this-tab' | 'other-tab' }
  /** Another tab signed in, and this tab took its session. */
  | { type: 'session-handed-over'; at: number; session: SessionInfo }
  /** A new access token; `by` says which tab asked the server for it. */
  | { type: 'token-refreshed'; at: number; session: SessionInfo; by: 'this-tab' | 'other-tab' }
  /** A refresh failed for now (network, 5xx, timeout); the session stands and it is retried. */
  | { type: 'refresh-retrying'; at: number; status: number; reason: string }
  /** An API call failed without ending the session (network, 402, 403, 429, 5xx). */
  | { type: 'api-error-kept-session'; at: number; status: number; method: string; url: string }
  /** The idle warning is up. */
  | { type: 'idle-warning'; at: number; limitMs: number }
  /** A timer ran late (the laptop slept, the tab was throttled); the session was checked on wake. */
  | { type: 'late-timer'; at: number; delayMs: number }
  /** The session is ending, for this reason; the record follows in `signed-out`. */
  | { type: 'signing-out'; at: number; logoutType: LogoutType; message: string; fromOtherTab: boolean }
  /** The session ended, and this is its record (also kept in the history and sent to the audit trail). */
  | { type: 'signed-out'; at: number; record: LogoutRecord; delivered: boolean };

/** The `type` of every event. */
export type LogoutLensEventType = LogoutLensEvent['type'];
