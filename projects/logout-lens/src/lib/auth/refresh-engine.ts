import { Injectable, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import {
  Observable,
  Subject,
  catchError,
  defer,
  finalize,
  map,
  of,
  race,
  retry,
  share,
  switchMap,
  take,
  tap,
  throwError,
  timeout,
  timer,
} from 'rxjs';

import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { SessionInfo } from '../model/session.model';
import { CLOCK } from '../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { CrossTabLock, REFRESH_LOCK } from '../tabs/cross-tab-lock';
import { SharedSessionWaiter } from '../tabs/shared-session';
import { AccessTokenStore } from './access-token.store';
import { AuthApi } from './auth-api';
import { AuthStorage, storedSession } from './auth-storage';
import { ERROR_POLICY } from './error-policy';
import { SessionEndedElsewhere } from './refresh-coordinator';
import { RefreshFailure, classifyRefreshError } from './refresh-outcome';
import { ServerClock } from './server-clock';
import { AuthApiActions, SessionActions } from './state/auth.actions';
import { authFeature } from './state/auth.feature';

// The restore on start comes with the engine: a page that restores a session needs both at once.
export { restoreSession } from './state/restore-session.effects';

/** How long a tab waits for another tab's fresh token before refreshing itself. */
export const SHARED_TOKEN_WAIT_MS = 1500;

/**
 * How long a tab whose refresh was refused listens for another tab's sign-out first: tabs that
 * queued behind the same lock learn the session is over from the server too, and only the first
 * records it as its own.
 */
export const SIGN_OUT_ELSEWHERE_WAIT_MS = 300;

/** An attempt still unanswered was given up because the user asked to retry at once. */
class RetryRequested extends Error {
  constructor() {
    super('The user asked to retry the refresh at once.');
    this.name = 'RetryRequested';
  }
}

/**
 * Runs at most one refresh at a time: every caller in this tab shares a flight, and a lock
 * serialises flights across tabs. Inside the lock, a tab that finds another tab has just
 * refreshed uses that tab's token instead of refreshing again. Transient failures (network, 5xx,
 * timeout) are retried with exponential backoff and never end the session; only a 401 with a
 * session-over code does. Outcomes are reported to the store once per flight. Loaded on first
 * use through `RefreshCoordinator`, so a page that is never signed in does not ship it.
 */
@Injectable({ providedIn: 'root' })
export class RefreshEngine {
  private readonly api = inject(AuthApi);
  private readonly store = inject(Store);
  private readonly errorPolicy = inject(ERROR_POLICY, { optional: true });
  /** The session backend's own reading of a failed refresh, if it has one. */
  private readonly readError = (error: unknown) => this.api.readRefreshError(error);
  private readonly config = inject(LOGOUT_LENS_CONFIG);
  private readonly scheduler = inject(SESSION_SCHEDULER);
  private readonly clock = inject(CLOCK);
  private readonly serverClock = inject(ServerClock);
  private readonly storage = inject(AuthStorage);
  private readonly tokens = inject(AccessTokenStore);
  private readonly lock = inject(CrossTabLock);
  private readonly shared = inject(SharedSessionWaiter);
  private readonly session = this.store.selectSignal(authFeature.selectSession);
  private readonly status = this.store.selectSignal(authFeature.selectStatus);
  private flight: Observable<SessionInfo> | null = null;
  private readonly retryRequests = new Subject<void>();
  /** Whether a person asked to retry and the next attempt is to go to the network without waiting. */
  private sendAtOnce = false;

  /** The refresh under way in this tab, or a new one: callers share one flight. */
  refresh(): Observable<SessionInfo> {
    return defer(() => (this.flight ??= this.startFlight()));
  }

  /**
   * Sends the refresh under way again now, as a person's "Retry" asks: the wait before its next
   * attempt ends at once, and an attempt still unanswered is given up (as its timeout would give
   * it up) and sent again as the same attempt, and an attempt waiting for another tab's token
   * goes to the network instead. The retry policy is unchanged — how many attempts, and what an
   * answer means — so a retry never ends a session. Does nothing when no refresh is under way.
   */
  retryNow(): void {
    if (!this.flight) return;
    this.sendAtOnce = true;
    this.retryRequests.next();
  }

  /**
   * How a failed refresh is to be treated — the session backend's reading, then the app's error
   * policy: transient (retried, the session kept) or session over.
   */
  classify(error: unknown): RefreshFailure {
    return classifyRefreshError(error, 0, null, this.errorPolicy, this.readError);
  }

  private startFlight(): Observable<SessionInfo> {
    const tokenBefore = this.tokens.get();
    const expiryBefore = this.session()?.accessExpiresAt ?? 0;
    const stored = this.storage.read();
    const refreshExpiresAt = stored.refresh_expires_at;
    // On reload the store holds no session yet: the record of one found over names the stored one.
    const lastKnown = this.session() ?? storedSession(stored, this.clock());
    // Only the first attempt gives another tab's token a moment to arrive uninvited: a retry after
    // a failure would otherwise wait for it again each time, with no other tab open.
    let attempt = 0;
    return defer(() =>
      this.lock.run(REFRESH_LOCK, (contended) =>
        this.refreshUnlessShared(tokenBefore, expiryBefore, contended, attempt++ === 0),
      ),
    ).pipe(
      retry({
        count: this.config.refreshRetries,
        delay: (error, attempt) =>
          this.classify(error).kind === 'transient' && !(error instanceof SessionEndedElsewhere)
            ? race(timer(this.backoff(attempt), this.scheduler), this.retryRequests.pipe(take(1)))
            : throwError(() => error),
      }),
      catchError((error: unknown) =>
        this.report(error, refreshExpiresAt, lastKnown).pipe(switchMap(() => throwError(() => error))),
      ),
      map(({ session }) => session),
      finalize(() => {
        this.flight = null;
        this.sendAtOnce = false;
      }),
      share(),
    );
  }

  /**
   * Runs inside the lock: another tab's fresh token if there is one, else a network refresh. A tab
   * that waited for the lock (`contended`) gives the holder's token a moment to arrive: the
   * holder sent it just before letting go, and localStorage reaches other tabs late. A tab that did
   * not wait gives it that moment on the flight's first attempt only (`firstAttempt`).
   */
  private refreshUnlessShared(
    tokenBefore: string | null,
    expiryBefore: number,
    contended: boolean,
    firstAttempt: boolean,
  ): Observable<{ session: SessionInfo; fromOtherTab: boolean }> {
    const current = this.tokens.get();
    const session = this.session();
    if (current && current !== tokenBefore && session) return of({ session, fromOtherTab: true });
    const stored = this.storage.read();
    if (session && stored.session_id !== session.sessionId) return throwError(() => new SessionEndedElsewhere());
    const network = () =>
      defer(() => {
        this.sendAtOnce = false;
        return race(
          this.api.refresh(session ?? storedSession(stored, this.clock())).pipe(timeout({ first: this.config.refreshTimeoutMs, scheduler: this.scheduler })),
          this.retryRequests.pipe(take(1), switchMap(() => throwError(() => new RetryRequested()))),
        );
      }).pipe(
        // A retry asked for while the answer is awaited sends the request again at once, still
        // inside the lock and as the same attempt.
        retry({ delay: (error) => (error instanceof RetryRequested ? of(0) : throwError(() => error)) }),
        switchMap((fresh) => {
          // The user signed out while this answer was on its way: it must not sign them back in
          // (the server ends the session through the sign-out's event).
          if (this.status() === 'signed-out') {
            this.tokens.clear();
            return throwError(() => new SessionEndedElsewhere());
          }
          // Still inside the lock: the new session is stored and sent to the other tabs before a
          // tab waiting for the lock gets it, so that tab takes this token instead of refreshing.
          this.store.dispatch(AuthApiActions.tokenRefreshed({ session: fresh, at: this.clock() }));
          return of({ session: fresh, fromOtherTab: false });
        }),
        // Still inside the lock: a tab waiting for it must see the session is over.
        catchError((error: unknown) => {
          if (this.classify(error).kind === 'session-over') this.storage.clearSession();
          return throwError(() => error);
        }),
      );
    // Another tab refreshed (its expiry is in storage, or it held the lock) but its token has not
    // arrived yet — unless a person asked to retry now, which is not worth a wait.
    const storedExpiry = stored.access_expires_at ?? 0;
    if (this.sendAtOnce || (!contended && (storedExpiry <= expiryBefore || !firstAttempt))) return network();
    return race(
      this.shared.next(SHARED_TOKEN_WAIT_MS),
      this.retryRequests.pipe(take(1), map(() => null)),
    ).pipe(
      switchMap((shared) => {
        if (!shared) return network();
        this.tokens.set(shared.access);
        this.tokens.setCarried(shared.carried);
        return of({ session: shared.session, fromOtherTab: true });
      }),
    );
  }

  /** Tells the store how the flight failed: once, and only if no other tab already did. */
  private report(
    error: unknown,
    refreshExpiresAt: number | null,
    lastKnown: SessionInfo | null,
  ): Observable<unknown> {
    if (error instanceof SessionEndedElsewhere) return of(null);
    const failure = classifyRefreshError(error, this.serverClock.now(), refreshExpiresAt, this.errorPolicy, this.readError);
    if (failure.kind === 'transient') {
      const { status, reason } = failure;
      this.store.dispatch(AuthApiActions.refreshFailedTransiently({ status, reason, at: this.clock() }));
      return of(null);
    }
    const { logoutType, message, code, reuse } = failure;
    return this.shared.signedOutElsewhere(SIGN_OUT_ELSEWHERE_WAIT_MS).pipe(
      tap((elsewhere) => {
        if (elsewhere) return;
        const lastKnownSession = lastKnown ?? undefined;
        this.store.dispatch(
          SessionActions.ended({ logoutType, message, code, reuse, lastKnownSession, at: this.clock() }),
        );
      }),
    );
  }

  private backoff(attempt: number): number {
    const { refreshRetryBaseDelayMs: base, refreshRetryMaxDelayMs: max } = this.config;
    return Math.min(max, base * 2 ** (attempt - 1));
  }
}
