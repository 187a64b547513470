import { ApiCall } from '../model/api-call';

/** Whether an API call was a session refresh (the call log marks them, wherever the backend serves them). */
export function isRefreshCall(call: ApiCall): boolean {
  return call.refresh === true;
}

/** Whether a refresh succeeded. */
export function isSuccessfulRefresh(call: ApiCall): boolean {
  return isRefreshCall(call) && call.status >= 200 && call.status < 300;
}

/** Whether a refresh failed in a way that keeps the session: no answer (0) or a server error. */
export function isTransientRefreshFailure(call: ApiCall): boolean {
  return isRefreshCall(call) && (call.status === 0 || call.status >= 500);
}

/** The transient refresh failures since the last successful refresh, oldest first. */
export function refreshFailuresSinceSuccess(calls: readonly ApiCall[]): ApiCall[] {
  const failures: ApiCall[] = [];
  for (const call of calls) {
    if (isSuccessfulRefresh(call)) failures.length = 0;
    else if (isTransientRefreshFailure(call)) failures.push(call);
  }
  return failures;
}

/** Whether a refresh that started within [from, to] (local epoch ms) succeeded. */
export function refreshedBetween(calls: readonly ApiCall[], from: number, to: number): boolean {
  return calls.some((call) => isSuccessfulRefresh(call) && call.at >= from && call.at <= to);
}
