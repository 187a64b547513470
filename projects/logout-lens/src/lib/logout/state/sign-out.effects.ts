import { EnvironmentInjector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { Action } from '@ngrx/store';
import { Observable, concatMap, forkJoin, last, map, of, switchMap, tap } from 'rxjs';

import { EndedSession } from '../../auth/state/auth.feature';
import { onSignInPage, signInTree } from '../../auth/routes';
import { LOGOUT_LENS_CONFIG, LogoutLensConfig } from '../../config/logout-lens.config';
import { ConsoleLog } from '../../platform/console-log';
import { LogoutLensUi } from '../../platform/logout-lens-ui';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { beforeSignOutHook, runBeforeSignOut } from '../run-before-sign-out';
import { LastLogoutReason } from '../last-logout-reason';
import { LogoutEventOutbox } from '../logout-event-outbox';
import { LogoutHistory } from '../logout-history';
import { LogoutPresenter } from '../logout-presenter';
import { LogoutRecordBuilder } from '../logout-record-builder';
import { LogoutTrackerActions } from './logout-tracker.actions';
import { endedSessions } from './sign-out-path';

// What runs when a session ends, loaded the first time one does (see logout-tracker.effects.ts):
// each function is called in the injection context, with what it needs injected as defaults.

/**
 * Writes every sign-out down: `logout_history`, `last_logout_reason`, a `[LogoutTracker]` line,
 * and the backend's audit trail (through the outbox, so an unreachable backend loses nothing).
 */
export function recordLogout(
  ended$ = endedSessions(),
  builder = inject(LogoutRecordBuilder),
  history = inject(LogoutHistory),
  reason = inject(LastLogoutReason),
  outbox = inject(LogoutEventOutbox),
  log = inject(ConsoleLog),
): Observable<Action> {
  return ended$.pipe(
    map((ended) => ({ ended, record: builder.build(ended) })),
    tap(({ ended, record }) => reason.write(record, ended.session?.user.email)),
    map(({ record }) => record),
    tap((record) => {
      const origin = record.from_other_tab ? ' (from another tab)' : '';
      log.write('warn', '[LogoutTracker]', `Logout event: ${record.type}${origin} — ${record.message}`, record);
      log.write('info', '[LogoutTracker]', `Idle time: ${formatIdle(record.idle_seconds)}`);
    }),
    // In order: into the shared history (under a cross-tab lock), then to the backend. A
    // sign-out that came from another tab is reported by that tab, not again by this one.
    concatMap((record) =>
      history.appendShared(record).pipe(
        switchMap(() => (record.from_other_tab ? of(false) : outbox.submit(record))),
        map((delivered) => LogoutTrackerActions.recorded({ record, delivered })),
      ),
    ),
  );
}

/**
 * Says why before the redirect: a dialog that cannot be missed, then the sign-in page. The dialog
 * is for a sign-out the user did not choose, met on a page of the app; when they chose it (here or
 * in another tab), or no page has been shown yet (a reload that finds the session over), or they
 * are on the sign-in page already, they go there at once and its banner says it.
 */
export function alertBeforeRedirect(
  ended$ = endedSessions(),
  ui = inject(LogoutLensUi),
  router = inject(Router),
  config = inject(LOGOUT_LENS_CONFIG),
  presenter = inject(LogoutPresenter),
  hook = beforeSignOutHook(),
  injector = inject(EnvironmentInjector),
  scheduler = inject(SESSION_SCHEDULER),
): Observable<unknown> {
  return ended$.pipe(
    switchMap((ended) => {
      // Other dialogs, and a notice such as "… You are still signed in", are no longer true.
      ui.closeAll();
      // The page to come back to after signing in again (none when the user chose to leave).
      const signIn = signInTree(router, config, ended.logoutType === 'USER_INITIATED' ? null : router.url);
      // The app's own clean-up runs while the dialog is up; the redirect waits for both.
      const signingOut = { type: ended.logoutType, message: ended.message, fromOtherTab: ended.fromOtherTab };
      const cleanedUp$ = runBeforeSignOut(hook, signingOut, injector, scheduler);
      const alerted$ = needsDialog(ended, router, config)
        ? ui
            .alertSignOut({
              type: ended.logoutType,
              presentation: presenter.present(ended.logoutType),
              fromOtherTab: ended.fromOtherTab,
              delayMs: config.logoutAlertDelayMs,
            })
            .pipe(last(null, null))
        : of(null);
      return forkJoin([alerted$, cleanedUp$]).pipe(map(() => signIn));
    }),
    tap((signIn) => void router.navigateByUrl(signIn)),
  );
}

/** Whether a sign-out is said in a dialog first: one the user did not choose, on a page other than sign-in. */
function needsDialog(ended: EndedSession, router: Router, config: LogoutLensConfig): boolean {
  if (ended.logoutType === 'USER_INITIATED') return false;
  // Before the first page is shown (a reload) the user is on no page: the sign-in page is the first.
  if (!router.navigated) return false;
  return !onSignInPage(router, config);
}

/** Sends the events the outbox still holds (from an earlier page, or kept while the backend was away). */
export function flushLogoutEvents(outbox = inject(LogoutEventOutbox)): Observable<number> {
  return outbox.flush();
}

function formatIdle(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
