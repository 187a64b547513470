import { InjectionToken } from '@angular/core';

import { LogoutLensFeature, logoutLensFeature } from '../config/features';
import { LogoutType } from '../model/logout-type';

/** A failed call, as an error policy sees it. `status` 0 is no answer (network, timeout). */
export interface FailedCall {
  /** `refresh`: the session's own renewal; `api`: any other call to the API. */
  kind: 'refresh' | 'api';
  status: number;
  /** The backend's machine-readable `code` from the error body, if any. */
  code: string | null;
  method: string;
  /** The path (or URL) called, without its query string. */
  url: string;
}

/**
 * What to do about a failed call:
 * - `'default'`: what Logout Lens does anyway (a refresh: session-over codes end the session,
 *   anything else is retried; an API call: a notice, and the session stays);
 * - `'retry'` (refresh only): treat it as transient — the session stays and the refresh is retried;
 * - `'keep'` (API calls only): the session stays, and no notice is shown;
 * - `{ endSession, message }`: end the session for that reason (built-in or the app's own).
 */
export type ErrorDecision = 'default' | 'retry' | 'keep' | { endSession: LogoutType; message?: string };

/** Decides about each failed call; return `'default'` for what it has no opinion on. */
export type ErrorPolicy = (failure: FailedCall) => ErrorDecision;

export const ERROR_POLICY = new InjectionToken<ErrorPolicy>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_ERROR_POLICY' : '',
);

/**
 * The app's own say on failures: which refresh failures are retried rather than ending the
 * session, which API failures end it (a 403 `license_expired` → LICENSE_EXPIRED), and which are
 * kept quiet. A 401 that a refresh cannot cure always ends the session (AUTH_ERROR).
 *
 * ```ts
 * withErrorPolicy((f) => (f.kind === 'api' && f.code === 'license_expired' ? { endSession: 'LICENSE_EXPIRED' } : 'default'))
 * ```
 */
export function withErrorPolicy(policy: ErrorPolicy): LogoutLensFeature<'ErrorPolicy'> {
  return logoutLensFeature('ErrorPolicy', [{ provide: ERROR_POLICY, useValue: policy }]);
}

/** The policy's decision, `'default'` when there is no policy or it fails. */
export function decide(policy: ErrorPolicy | null, failure: FailedCall): ErrorDecision {
  if (!policy) return 'default';
  try {
    return policy(failure) ?? 'default';
  } catch {
    return 'default';
  }
}
