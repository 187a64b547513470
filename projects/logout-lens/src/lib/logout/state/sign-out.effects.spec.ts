import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { EnvironmentInjector, inject } from '@angular/core';
import { Subject, VirtualTimeScheduler } from 'rxjs';

import { advanceBy } from '../../../testing/virtual-time';

import { EndedSession } from '../../auth/state/auth.feature';
import { DEFAULT_LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LogoutType } from '../../model/logout-type';
import { LogoutLensUi, SignOutAlert } from '../../platform/logout-lens-ui';
import { BeforeSignOut } from '../before-sign-out';
import { BEFORE_SIGN_OUT_TIMEOUT_MS } from '../run-before-sign-out';
import { LogoutPresenter } from '../logout-presenter';
import { alertBeforeRedirect } from './sign-out.effects';

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
function setUp(url: string | null, hook: BeforeSignOut | null = null) {
  const scheduler = new VirtualTimeScheduler();
  const ended$ = new Subject<EndedSession>();
  const closed$ = new Subject<void>();
  const ui = {
    closeAll: jest.fn(),
    alertSignOut: jest.fn((_alert: SignOutAlert) => closed$),
  };
  // URL trees written out as the URL they stand for.
  const router = {
    navigated: url !== null,
    url: url ?? '/',
    navigateByUrl: jest.fn(),
    createUrlTree: (commands: string[], extras: { queryParams: Record<string, string> }) =>
      commands.join('/') + (extras.queryParams['returnUrl'] ? `?returnUrl=${encodeURIComponent(extras.queryParams['returnUrl'])}` : ''),
  };
  alertBeforeRedirect(
    ended$,
    ui as unknown as LogoutLensUi,
    router as unknown as Router,
    DEFAULT_LOGOUT_LENS_CONFIG,
    TestBed.inject(LogoutPresenter),
    hook,
    TestBed.inject(EnvironmentInjector),
    scheduler,
  ).subscribe();
  return { ended$, closed$, ui, router, scheduler };
}

describe('alertBeforeRedirect', () => {
  it.each([
    ['a sign-out it tells in a dialog', '/', ended('SESSION_REVOKED')],
    ['a sign-out the user chose', '/', ended('USER_INITIATED')],
  ])('takes down open notices ("… You are still signed in") and dialogs on %s', (_case, url, session) => {
    const { ended$, ui } = setUp(url);

    ended$.next(session);

    expect(ui.closeAll).toHaveBeenCalledTimes(1);
  });

  it('says a sign-out the user did not choose in an alert on the page they are on, then redirects, naming that page', () => {
    const { ended$, closed$, ui, router } = setUp('/account/sessions');

    ended$.next(ended('SESSION_REVOKED'));

    expect(ui.alertSignOut).toHaveBeenCalledTimes(1);
    expect(ui.alertSignOut.mock.calls[0]![0]).toMatchObject({
      type: 'SESSION_REVOKED',
      delayMs: DEFAULT_LOGOUT_LENS_CONFIG.logoutAlertDelayMs,
      presentation: { title: 'Your session was ended elsewhere' },
    });
    expect(router.navigateByUrl).not.toHaveBeenCalled();

    closed$.next();
    closed$.complete();
    expect(router.navigateByUrl).toHaveBeenCalledTimes(1);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/signin?returnUrl=%2Faccount%2Fsessions');
  });

  it('redirects as soon as the alert closes, whether it emits or only completes', () => {
    const { ended$, closed$, router } = setUp('/account/sessions');

    ended$.next(ended('TOKEN_EXPIRED'));
    closed$.complete();

    expect(router.navigateByUrl).toHaveBeenCalledWith('/signin?returnUrl=%2Faccount%2Fsessions');
  });

  it.each([
    ['the user signed out', '/', ended('USER_INITIATED')],
    ['the user signed out in another tab', '/', ended('USER_INITIATED', { fromOtherTab: true })],
    ['a reload found the session over (no page shown yet)', null, ended('SESSION_REVOKED')],
    ['the user is on the sign-in page already', '/signin?next=%2F', ended('TOKEN_EXPIRED')],
  ])('goes straight to the sign-in page, whose banner says it, when %s', (_case, url, session) => {
    const { ended$, ui, router } = setUp(url);

    ended$.next(session);

    expect(ui.alertSignOut).not.toHaveBeenCalled();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/signin');
  });

  describe('with a before-sign-out hook (withBeforeSignOut)', () => {
    it('runs it in an injection context with the sign-out, and redirects once it and the dialog are done', () => {
      const done = new Subject<void>();
      let seen: unknown = null;
      let injected: unknown = null;
      const { ended$, closed$, router } = setUp('/account/sessions', (signingOut) => {
        seen = signingOut;
        injected = inject(LogoutPresenter);
        return done;
      });

      ended$.next(ended('SESSION_REVOKED', { message: 'Revoked elsewhere.' }));

      expect(seen).toEqual({ type: 'SESSION_REVOKED', message: 'Revoked elsewhere.', fromOtherTab: false });
      expect(injected).toBeInstanceOf(LogoutPresenter);
      closed$.complete();
      expect(router.navigateByUrl).not.toHaveBeenCalled();
      done.complete();
      expect(router.navigateByUrl).toHaveBeenCalledWith('/signin?returnUrl=%2Faccount%2Fsessions');
    });

    it('waits for a Promise, even when no dialog is shown', async () => {
      let finish!: () => void;
      const { ended$, router } = setUp('/', () => new Promise<void>((resolve) => (finish = resolve)));

      ended$.next(ended('USER_INITIATED'));
      await Promise.resolve();
      expect(router.navigateByUrl).not.toHaveBeenCalled();

      finish();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(router.navigateByUrl).toHaveBeenCalledWith('/signin');
    });

    it.each([
      ['throws', () => { throw new Error('boom'); }],
      ['never finishes', () => new Subject<void>()],
    ])('does not hold the sign-out when the hook %s (at most the timeout)', (_case, hook) => {
      const { ended$, router, scheduler } = setUp('/', hook as BeforeSignOut);

      ended$.next(ended('USER_INITIATED'));
      advanceBy(scheduler, BEFORE_SIGN_OUT_TIMEOUT_MS);

      expect(router.navigateByUrl).toHaveBeenCalledWith('/signin');
    });
  });
});
