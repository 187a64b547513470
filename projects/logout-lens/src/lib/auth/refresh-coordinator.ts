import { EnvironmentInjector, Injectable, InjectionToken, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { EMPTY, Observable, catchError, map, of, switchMap, throwError, timeout } from 'rxjs';

import { SessionInfo } from '../model/session.model';
import { onDemand } from '../platform/on-demand';
import { SESSION_SCHEDULER } from '../platform/scheduler.token';
import { AccessTokenStore } from './access-token.store';
import type { RefreshEngine } from './refresh-engine';
import type { RefreshFailure } from './refresh-outcome';
import { ServerClock } from './server-clock';
import { authFeature } from './state/auth.feature';

/** The module that holds the refresh engine (`refresh-engine.ts`). */
export type RefreshEngineModule = typeof import('./refresh-engine');

/** Loads the refresh engine's module; specs give it synchronously. */
export const REFRESH_ENGINE_LOADER = new InjectionToken<() => Observable<RefreshEngineModule> | Promise<RefreshEngineModule>>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'LOGOUT_LENS_REFRESH_ENGINE_LOADER' : '',
  { providedIn: 'root', factory: () => () => import('./refresh-engine') },
);

/**
 * Another tab ended this session (or replaced it) while this tab waited for the lock: no refresh
 * is sent, and the other tab's sign-out message ends this tab's session with its type.
 */
export class SessionEndedElsewhere extends Error {
  constructor() {
    super('The session was ended in another tab.');
    this.name = 'SessionEndedElsewhere';
  }
}

/** A refresh that could not run because the refresh engine could not be loaded (the network gone). */
const ENGINE_UNREACHABLE: RefreshFailure = { kind: 'transient', status: 0, reason: 'network error' };

/**
 * The one refresh of this tab, as the interceptor, the start-up and the timers ask for it. The
 * engine behind it (`RefreshEngine`: one flight per tab, a lock across tabs, retries with
 * backoff) loads on first use — on a reload that finds a session, once a session is live, or at
 * the first refresh — so a page that is never signed in does not ship it. A load that fails
 * counts as a network failure: transient, the session kept, tried again at the next refresh.
 */
@Injectable({ providedIn: 'root' })
export class RefreshCoordinator {
  private readonly injector = inject(EnvironmentInjector);
  private readonly load = inject(REFRESH_ENGINE_LOADER);
  private readonly tokens = inject(AccessTokenStore);
  private readonly serverClock = inject(ServerClock);
  private readonly scheduler = inject(SESSION_SCHEDULER);
  private readonly session = inject(Store).selectSignal(authFeature.selectSession);
  private engine: RefreshEngine | null = null;
  private readonly engine$ = onDemand(this.load).pipe(
    map(({ RefreshEngine }) => (this.engine ??= this.injector.get(RefreshEngine))),
  );

  /** Loads the engine ahead of its first refresh; a failed load is left to that refresh. */
  preload(): void {
    this.engine$.pipe(catchError(() => EMPTY)).subscribe();
  }

  /** The refresh under way in this tab, or a new one: callers share one flight. */
  refresh(): Observable<SessionInfo> {
    return this.engine$.pipe(switchMap((engine) => engine.refresh()));
  }

  /**
   * Sends the refresh under way again now, as a person's "Retry" asks (see
   * `RefreshEngine.retryNow`). Does nothing when no refresh is under way.
   */
  retryNow(): void {
    this.engine?.retryNow();
  }

  /**
   * How a failed refresh is to be treated: transient (retried, the session kept) or session over,
   * by the session backend's reading and then the app's error policy.
   */
  classify(error: unknown): RefreshFailure {
    return this.engine ? this.engine.classify(error) : ENGINE_UNREACHABLE;
  }

  /**
   * Whether this tab's access token is past its expiry on the server's clock: the tab knows it
   * before the server says so (a laptop that woke, a throttled tab catching up).
   */
  tokenKnownExpired(): boolean {
    const session = this.session();
    if (!session || this.tokens.get() === null) return false;
    // A token that already looked expired when it arrived says the clock estimate is off, not the
    // token: holding calls for a refresh would then repeat with every call.
    if (session.accessExpiresAt <= session.issuedAt) return false;
    return this.serverClock.now() >= session.accessExpiresAt;
  }

  /**
   * The shared refresh, waited for at most `maxWaitMs` (on the session scheduler). Emits
   * `'refreshed'`, or `'gave-up'` when it is still under way by then or failed transiently; errors
   * only when the session is over (the refresh has reported that). A caller that gives up leaves
   * the flight to its other callers, like any caller that stops listening.
   */
  refreshWithin(maxWaitMs: number): Observable<'refreshed' | 'gave-up'> {
    return this.refresh().pipe(
      map(() => 'refreshed' as const),
      timeout({ first: maxWaitMs, scheduler: this.scheduler, with: () => of('gave-up' as const) }),
      catchError((error: unknown) =>
        this.classify(error).kind === 'transient' && !(error instanceof SessionEndedElsewhere)
          ? of('gave-up' as const)
          : throwError(() => error),
      ),
    );
  }
}
