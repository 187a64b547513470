import { Injectable, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { Observable, defer, finalize, retry, share, tap, throwError, timeout, timer } from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { CLOCK } from '../platform/browser.tokens';
import { AuthApi } from './auth-api';
import { AuthStorage } from './auth-storage';
import { classifyRefreshError, isTransientRefreshError } from './refresh-outcome';
import { SESSION_SCHEDULER } from './scheduler.token';
import { ServerClock } from './server-clock';
import { SessionInfo } from './session.model';
import { AuthApiActions, SessionActions } from './state/auth.actions';

/**
 * Runs at most one refresh at a time in this tab: every caller during a flight shares it.
 * Transient failures (network, 5xx, timeout) are retried with exponential backoff and never end
 * the session; only a 401 with a session-over code does. Outcomes are reported to the store once
 * per flight, whoever asked.
 */
@Injectable({ providedIn: 'root' })
export class RefreshCoordinator {
  private readonly api = inject(AuthApi);
  private readonly store = inject(Store);
  private readonly config = inject(LOGOUT_LENS_CONFIG);
  private readonly scheduler = inject(SESSION_SCHEDULER);
  private readonly clock = inject(CLOCK);
  private readonly serverClock = inject(ServerClock);
  private readonly storage = inject(AuthStorage);
  private flight: Observable<SessionInfo> | null = null;

  /** Whether a refresh is under way in this tab. */
  inFlight(): boolean {
    return this.flight !== null;
  }

  refresh(): Observable<SessionInfo> {
    return defer(() => (this.flight ??= this.startFlight()));
  }

  private startFlight(): Observable<SessionInfo> {
    const { refreshRetries, refreshTimeoutMs } = this.config;
    const attempt = () =>
      this.api.refresh().pipe(timeout({ first: refreshTimeoutMs, scheduler: this.scheduler }));
    return defer(attempt).pipe(
      retry({
        count: refreshRetries,
        delay: (error, attempt) =>
          isTransientRefreshError(error)
            ? timer(this.backoff(attempt), this.scheduler)
            : throwError(() => error),
      }),
      tap({
        next: (session) =>
          this.store.dispatch(AuthApiActions.tokenRefreshed({ session, at: this.clock() })),
        error: (error) => this.report(error),
      }),
      finalize(() => (this.flight = null)),
      share(),
    );
  }

  private report(error: unknown): void {
    const refreshExpiresAt = this.storage.read().refresh_expires_at;
    const failure = classifyRefreshError(error, this.serverClock.now(), refreshExpiresAt);
    if (failure.kind === 'session-over') {
      const { logoutType, message, code } = failure;
      this.store.dispatch(SessionActions.ended({ logoutType, message, code, at: this.clock() }));
    } else {
      const { status, reason } = failure;
      this.store.dispatch(
        AuthApiActions.refreshFailedTransiently({ status, reason, at: this.clock() }),
      );
    }
  }

  private backoff(attempt: number): number {
    const { refreshRetryBaseDelayMs: base, refreshRetryMaxDelayMs: max } = this.config;
    return Math.min(max, base * 2 ** (attempt - 1));
  }
}
