import { MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Subject } from 'rxjs';

import { EndedSession } from '../../auth/state/auth.feature';
import { DEFAULT_LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LogoutType } from '../../model/logout-type';
import { LOGOUT_ALERT_SENTENCE_ID, LogoutAlertDialog } from '../logout-alert-dialog';
import { alertBeforeRedirect } from './logout-tracker.effects';

function ended(logoutType: LogoutType, overrides: Partial<EndedSession> = {}): EndedSession {
  return {
    logoutType,
    message: 'The session ended.',
    code: null,
    fromOtherTab: false,
    at: 1_000,
    reuse: null,
    session: null,
    lastRefresh: null,
    ...overrides,
  };
}

/** Runs the effect with the user on `url` (`null`: no page shown yet, as on a reload). */
function setUp(url: string | null) {
  const ended$ = new Subject<EndedSession>();
  const closed$ = new Subject<void>();
  const dialog = {
    closeAll: jest.fn(),
    open: jest.fn((_component: unknown, _config: MatDialogConfig) => ({ afterClosed: () => closed$ })),
  };
  const router = { navigated: url !== null, url: url ?? '/', navigateByUrl: jest.fn() };
  const snackBar = { dismiss: jest.fn() };
  alertBeforeRedirect(
    ended$,
    dialog as unknown as MatDialog,
    router as unknown as Router,
    DEFAULT_LOGOUT_LENS_CONFIG,
    snackBar as unknown as MatSnackBar,
  ).subscribe();
  return { ended$, closed$, dialog, router, snackBar };
}

describe('alertBeforeRedirect', () => {
  it.each([
    ['a sign-out it tells in a dialog', '/', ended('SESSION_REVOKED')],
    ['a sign-out the user chose', '/', ended('USER_INITIATED')],
  ])('dismisses an open snack bar ("… You are still signed in") on %s', (_case, url, session) => {
    const { ended$, snackBar } = setUp(url);

    ended$.next(session);

    expect(snackBar.dismiss).toHaveBeenCalledTimes(1);
  });

  it('says a sign-out the user did not choose in a dialog on the page they are on, then redirects', () => {
    const { ended$, closed$, dialog, router } = setUp('/account/sessions');

    ended$.next(ended('SESSION_REVOKED'));

    expect(dialog.open).toHaveBeenCalledTimes(1);
    const [component, config] = dialog.open.mock.calls[0]!;
    expect(component).toBe(LogoutAlertDialog);
    expect(config).toMatchObject({ disableClose: true, ariaDescribedBy: LOGOUT_ALERT_SENTENCE_ID });
    expect(config.data).toMatchObject({ type: 'SESSION_REVOKED', delayMs: DEFAULT_LOGOUT_LENS_CONFIG.logoutAlertDelayMs });
    expect(router.navigateByUrl).not.toHaveBeenCalled();

    closed$.next();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/signin');
  });

  it.each([
    ['the user signed out', '/', ended('USER_INITIATED')],
    ['the user signed out in another tab', '/', ended('USER_INITIATED', { fromOtherTab: true })],
    ['a reload found the session over (no page shown yet)', null, ended('SESSION_REVOKED')],
    ['the user is on the sign-in page already', '/signin?next=%2F', ended('TOKEN_EXPIRED')],
  ])('goes straight to the sign-in page, whose banner says it, when %s', (_case, url, session) => {
    const { ended$, dialog, router } = setUp(url);

    ended$.next(session);

    expect(dialog.open).not.toHaveBeenCalled();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/signin');
  });

  it('closes any other dialog first (the idle warning, the debug drawer)', () => {
    const { ended$, dialog } = setUp('/');

    ended$.next(ended('USER_INITIATED'));

    expect(dialog.closeAll).toHaveBeenCalledTimes(1);
  });
});
