import { EnvironmentInjector, Injectable, Signal, computed, inject, signal } from '@angular/core';
import { Actions, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { Observable, Subject, filter, firstValueFrom, map, merge, switchMap, take } from 'rxjs';

import { AUTH_API } from '../auth/auth-api-loader';
import { AuthStorage } from '../auth/auth-storage';
import { SessionPolicyStore } from '../auth/session-policy';
import { AppActions, AuthApiActions, SessionActions, SignInPageActions, UserMenuActions } from '../auth/state/auth.actions';
import { AuthStatus, authFeature } from '../auth/state/auth.feature';
import { TokenMonitorActions } from '../diagnostics/state/diagnostics.actions';
import { IdleActions } from '../idle/idle.actions';
import { LastLogoutReason } from '../logout/last-logout-reason';
import { LogoutTrackerActions } from '../logout/state/logout-tracker.actions';
import { AppDetails, LogoutRecord, parseAppDetails } from '../model/logout-record';
import { LogoutType } from '../model/logout-type';
import { Credentials, SessionInfo, SessionPolicy, SignInError } from '../model/session.model';
import { ApiErrorActions } from '../notifications/api-error.actions';
import { CLOCK } from '../platform/browser.tokens';
import { loadLogoutLensKit } from '../report/logout-lens-kit';
import { TabSyncActions } from '../tabs/state/tab-sync.actions';
import { LogoutLensEvent } from './logout-lens-events';

/** A sign-in the server refused, with the reason in a form a page can put into words. */
export class SignInFailedError extends Error {
  constructor(readonly reason: SignInError) {
    super(`Sign-in failed: ${reason.kind}`);
    this.name = 'SignInFailedError';
  }
}

/**
 * The session as an app sees it, and what an app may do with it. Inject it anywhere once
 * `provideLogoutLens()` is in the app's providers.
 *
 * ```ts
 * const lens = inject(LogoutLens);
 * lens.events$.pipe(filter((e) => e.type === 'signed-out')).subscribe((e) => analytics.track(e.record.type));
 * ```
 */
@Injectable({ providedIn: 'root' })
export class LogoutLens {
  private readonly store = inject(Store);
  private readonly actions$ = inject(Actions);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(EnvironmentInjector);
  private readonly authStorage = inject(AuthStorage);
  private readonly api$ = inject(AUTH_API);
  private readonly policies = inject(SessionPolicyStore);
  private policyRequested = false;
  private readonly auth = this.store.selectSignal(authFeature.selectAuthState);
  private readonly recorded = signal<LogoutRecord | null>(inject(LastLogoutReason).current());

  /** Where the session stands: `unknown` before start, `restoring` on a reload, then `signed-in` or `signed-out`. */
  readonly state: Signal<AuthStatus> = computed(() => this.auth().status);
  /** The live session (no token: that stays in memory inside Logout Lens), or `null`. */
  readonly session: Signal<SessionInfo | null> = computed(() => this.auth().session);
  /** The record of the latest sign-out in this tab; it survives the redirect and a reload. */
  readonly lastSignOut: Signal<LogoutRecord | null> = this.recorded.asReadonly();
  /**
   * The session policy as the server states it (how long "Remember me" keeps a session), or null
   * until it has: every sign-in and refresh answer carries it, and `loadPolicy()` asks for it.
   */
  readonly policy: Signal<SessionPolicy | null> = inject(SessionPolicyStore).policy;

  /**
   * Every event, in order, one at a time — never merged or dropped while subscribed. Hot: a
   * subscriber sees what happens from then on (read `state`, `session`, `lastSignOut` for now).
   */
  readonly events$: Observable<LogoutLensEvent>;

  constructor() {
    // Subscribed from the start (provideLogoutLens() creates this service before the app starts),
    // so the flags below follow every action, whoever listens.
    const events = new Subject<LogoutLensEvent>();
    this.events$ = events.asObservable();
    this.eventsFromActions().subscribe(events);
    this.actions$
      .pipe(ofType(LogoutTrackerActions.recorded))
      .subscribe(({ record }) => this.recorded.set(record));
  }

  /**
   * Signs in; resolves with the session, or rejects with a `SignInFailedError` whose `reason`
   * says why (wrong credentials, throttled, the server unreachable). Afterwards the app goes to
   * the page the user came from, else `routes.afterSignIn`.
   */
  signIn(credentials: Credentials): Promise<SessionInfo> {
    const outcome = firstValueFrom(
      this.actions$.pipe(
        ofType(AuthApiActions.signInSucceeded, AuthApiActions.signInFailed),
        take(1),
        map((action) => {
          if (action.type === AuthApiActions.signInFailed.type) throw new SignInFailedError(action.error);
          return action.session;
        }),
      ),
    );
    this.store.dispatch(SignInPageActions.signInSubmitted({ credentials }));
    return outcome;
  }

  /** Asks the server for its session policy (for a sign-in page), unless it is known already. */
  loadPolicy(): void {
    if (this.policy() || this.policyRequested) return;
    this.policyRequested = true;
    this.api$.pipe(switchMap((api) => api.policy())).subscribe({
      next: (policy) => policy && this.policies.set(policy),
      error: () => (this.policyRequested = false),
    });
  }

  /** Signs out as the user chose to (USER_INITIATED): here, in every tab, and on the server. */
  signOut(): void {
    this.store.dispatch(UserMenuActions.signOutClicked());
  }

  /**
   * Ends the session for the app's own reason (a type of `withLogoutReasons()`, or a built-in
   * one): recorded, shown and reported like any other sign-out, and ended on the server.
   * `details` — short, non-secret facts (at most 10; strings cut to 200 characters) — go into
   * the record and the audit trail.
   */
  endSession(type: LogoutType, message: string, details?: AppDetails): void {
    const facts = parseAppDetails(details);
    this.store.dispatch(SessionActions.ended({ logoutType: type, message, at: this.clock(), ...(facts ? { details: facts } : {}) }));
  }

  /**
   * The diagnostic report support asks for: state, history, the last API calls and log lines,
   * errors, configuration and the likely cause, scrubbed of anything secret. With
   * `{ serverAudit: true }` it includes this device's records from the backend's audit trail.
   */
  async report(options: { serverAudit?: boolean } = {}): Promise<Record<string, unknown>> {
    // The report and the diagnosis rules load on first use: they are not in the initial bundle.
    const { AuditApi, DiagnosticReportBuilder } = await loadLogoutLensKit();
    let audit = null;
    if (options.serverAudit) {
      const api = this.injector.get(AuditApi);
      audit = await firstValueFrom(api.forDevice(this.authStorage.deviceId())).catch(() => null);
    }
    return this.injector.get(DiagnosticReportBuilder).build(audit);
  }

  private eventsFromActions(): Observable<LogoutLensEvent> {
    const a$ = this.actions$;
    let restoring = false;
    let signedIn = false;
    return merge(
      a$.pipe(ofType(AppActions.started), map(() => ((restoring = true), null))),
      a$.pipe(
        ofType(AuthApiActions.signInSucceeded),
        map(({ session }): LogoutLensEvent => ((signedIn = true), { type: 'session-started', at: this.clock(), session })),
      ),
      a$.pipe(
        ofType(AuthApiActions.tokenRefreshed, TabSyncActions.sessionShared),
        map((action): LogoutLensEvent => {
          const by = action.type === AuthApiActions.tokenRefreshed.type ? 'this-tab' : 'other-tab';
          const at = action.at;
          const event: LogoutLensEvent = restoring
            ? { type: 'session-restored', at, session: action.session, by }
            : !signedIn && by === 'other-tab'
              ? { type: 'session-handed-over', at, session: action.session }
              : { type: 'token-refreshed', at, session: action.session, by };
          restoring = false;
          signedIn = true;
          return event;
        }),
      ),
      a$.pipe(ofType(AuthApiActions.noSessionToRestore), map(() => ((restoring = false), null))),
      a$.pipe(
        ofType(AuthApiActions.refreshFailedTransiently, AuthApiActions.restoreDeferred),
        map(({ status, reason, at }): LogoutLensEvent => ({ type: 'refresh-retrying', at, status, reason })),
      ),
      a$.pipe(
        ofType(ApiErrorActions.failedSessionKept),
        map(({ type: _type, ...call }): LogoutLensEvent => ({ type: 'api-error-kept-session', ...call })),
      ),
      a$.pipe(
        ofType(IdleActions.warned),
        map(({ limitMs, at }): LogoutLensEvent => ({ type: 'idle-warning', at, limitMs })),
      ),
      a$.pipe(
        ofType(TokenMonitorActions.checked),
        map(({ late }): LogoutLensEvent | null => (late ? { type: 'late-timer', at: late.firedAt, delayMs: late.delayMs } : null)),
      ),
      this.store.select(authFeature.selectLastLogout).pipe(
        filter((ended) => ended !== null),
        map((ended): LogoutLensEvent => {
          restoring = false;
          signedIn = false;
          return { type: 'signing-out', at: ended.at, logoutType: ended.logoutType, message: ended.message, fromOtherTab: ended.fromOtherTab };
        }),
      ),
      a$.pipe(
        ofType(LogoutTrackerActions.recorded),
        map(({ record, delivered }): LogoutLensEvent => ({ type: 'signed-out', at: this.clock(), record, delivered })),
      ),
    ).pipe(filter((event): event is LogoutLensEvent => event !== null));
  }
}
