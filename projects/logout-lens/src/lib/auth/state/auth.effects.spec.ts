import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DefaultUrlSerializer, Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { Action } from '@ngrx/store';
import { NEVER, Observable, Subject, VirtualTimeScheduler, defer, map, of, race, take, throwError, timer } from 'rxjs';

import { DEFAULT_LOGOUT_LENS_CONFIG } from '../../config/logout-lens.config';
import { LogoutLensIntl } from '../../intl/logout-lens-intl';
import { advanceBy } from '../../../testing/virtual-time';
import { Credentials, SessionInfo } from '../../model/session.model';
import { SESSION_HANDOVER_WAIT_MS, SharedSession, SharedSessionWaiter } from '../../tabs/shared-session';
import { TabSyncActions } from '../../tabs/state/tab-sync.actions';
import { TabChannel } from '../../tabs/tab-channel';
import { LogoutLensUi } from '../../platform/logout-lens-ui';
import { AccessTokenStore } from '../access-token.store';
import { AuthApi } from '../auth-api';
import { AuthStorage, AuthStorageRecord, storedSession } from '../auth-storage';
import { RefreshCoordinator, RefreshEngineModule, SessionEndedElsewhere } from '../refresh-coordinator';
import { classifyRefreshError } from '../refresh-outcome';
import { toSignInError } from '../sign-in-error';
import { AppActions, AuthApiActions, SessionActions, SignInPageActions, UserMenuActions } from './auth.actions';
import {
  forgetSession,
  navigateHomeAfterSignIn,
  persistSession,
  reportTransientRefreshFailure,
  retryRestoreNow,
  signIn,
  signOut,
  startRestore,
} from './auth.effects';
import { ChangePasswordPageActions } from './change-password-page.actions';
import { restoreSession } from './restore-session.effects';
import { RestoringSessionActions } from './restoring-session.actions';

const NOW = Date.UTC(2026, 11, 1, 9, 0);
const user = { id: 1, email: 'dana@example.com', name: 'Dana' };
const session: SessionInfo = {
  user,
  sessionId: 'session-1',
  rememberMe: true,
  accessExpiresAt: NOW + 5 * 60_000,
  refreshExpiresAt: NOW + 14 * 24 * 3_600_000,
  issuedAt: NOW,
};
const credentials: Credentials = { email: 'dana@example.com', password: 'correct horse', rememberMe: true };
const stored: AuthStorageRecord = {
  device_id: 'device-0001',
  user,
  session_id: 'session-1',
  remember_me: true,
  access_expires_at: session.accessExpiresAt,
  refresh_expires_at: session.refreshExpiresAt,
};
const noSession: AuthStorageRecord = { ...stored, user: null, session_id: null, access_expires_at: null, refresh_expires_at: null };

/** The actions stream an effect listens to, and everything it emits. */
function actionsAndOutput() {
  const actions$ = new Subject<Action>();
  const emitted: Action[] = [];
  return { actions$, actions: actions$ as unknown as Actions, emitted, collect: (a: Action) => emitted.push(a) };
}

function storageFake(record: AuthStorageRecord = stored) {
  return { read: jest.fn(() => record), saveSession: jest.fn(), clearSession: jest.fn() };
}

function httpError(status: number, code?: string): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: code ? { code } : null, url: '/v1/auth/' });
}

describe('startRestore', () => {
  /** A start with `record` in auth-storage; the engine's module loads as `engine$` says. */
  function setUp(record: AuthStorageRecord, engine$: Observable<RefreshEngineModule>) {
    const { actions$, actions, emitted, collect } = actionsAndOutput();
    const load = jest.fn(() => engine$);
    startRestore(actions, storageFake(record) as unknown as AuthStorage, () => NOW, load, TestBed.inject(EnvironmentInjector)).subscribe(
      collect,
    );
    return { actions$, emitted, load };
  }

  it('says there is nothing to restore without loading the refresh engine when no session is stored', () => {
    const { actions$, emitted, load } = setUp(noSession, NEVER);

    actions$.next(AppActions.started());

    expect(load).not.toHaveBeenCalled();
    expect(emitted).toEqual([AuthApiActions.noSessionToRestore()]);
  });

  it('loads the engine for a stored session and restores through it, with the start it answers', () => {
    const restored = TabSyncActions.sessionShared({ session, at: NOW });
    const restore = jest.fn((started$: Observable<Action>) => started$.pipe(map(() => restored)));
    const { actions$, emitted, load } = setUp(stored, of({ restoreSession: restore } as unknown as RefreshEngineModule));

    actions$.next(AppActions.started());

    expect(load).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([restored]);
  });

  it('keeps the stored session, as with the server out of reach, when the engine cannot be loaded', () => {
    const { actions$, emitted } = setUp(stored, throwError(() => new TypeError('Failed to fetch')));

    actions$.next(AppActions.started());

    expect(emitted).toEqual([
      AuthApiActions.restoreDeferred({ session: storedSession(stored, NOW)!, status: 0, reason: 'network error', at: NOW }),
    ]);
  });
});

describe('restoreSession', () => {
  /** A reload with `record` in auth-storage, other tabs that share tokens, and a refresh left unanswered. */
  function setUp(record: AuthStorageRecord = stored) {
    const { actions$, actions, emitted, collect } = actionsAndOutput();
    const scheduler = new VirtualTimeScheduler();
    const fromOtherTab$ = new Subject<SharedSession>();
    const answer$ = new Subject<SessionInfo>();
    const coordinator = {
      refresh: jest.fn(() => answer$.asObservable()),
      classify: (error: unknown) => classifyRefreshError(error, 0, null),
    };
    const channel = { post: jest.fn() };
    // Like the real waiter: the first session another tab hands over within `ms`, else null.
    const shared = {
      next: jest.fn((ms: number) => race(fromOtherTab$.pipe(take(1)), timer(ms, scheduler).pipe(map(() => null)))),
    };
    const storage = storageFake(record);
    const tokens = new AccessTokenStore();
    restoreSession(
      actions,
      storage as unknown as AuthStorage,
      coordinator as unknown as RefreshCoordinator,
      channel as unknown as TabChannel,
      shared as unknown as SharedSessionWaiter,
      tokens,
      () => NOW,
      'tab-1',
    ).subscribe(collect);

    /** Moves virtual time forward by `ms`, firing only the timers due by then. */
    const advance = (ms: number): void => advanceBy(scheduler, ms);
    /** Starts the app and lets the hand-over wait pass with no other tab answering. */
    function startAlone(): void {
      actions$.next(AppActions.started());
      advance(SESSION_HANDOVER_WAIT_MS);
    }
    return { actions$, emitted, coordinator, channel, shared, storage, tokens, fromOtherTab$, answer$, advance, startAlone };
  }

  it('reports nothing to restore, asking neither the other tabs nor the server, when no session is stored', () => {
    const { actions$, emitted, coordinator, channel } = setUp(noSession);

    actions$.next(AppActions.started());

    expect(emitted).toEqual([AuthApiActions.noSessionToRestore()]);
    expect(channel.post).not.toHaveBeenCalled();
    expect(coordinator.refresh).not.toHaveBeenCalled();
  });

  it('asks the other tabs first and refreshes only once the hand-over wait has passed unanswered', () => {
    const { actions$, coordinator, channel, shared, advance } = setUp();

    actions$.next(AppActions.started());

    expect(channel.post).toHaveBeenCalledWith({ kind: 'session-request', from: 'tab-1' });
    expect(shared.next).toHaveBeenCalledWith(SESSION_HANDOVER_WAIT_MS);
    advance(SESSION_HANDOVER_WAIT_MS - 1);
    expect(coordinator.refresh).not.toHaveBeenCalled();
    advance(1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });

  it('takes the session and token another tab hands over, and never refreshes (the cookie is not rotated)', () => {
    const { actions$, emitted, coordinator, tokens, fromOtherTab$, advance } = setUp();
    const theirs = { ...session, accessExpiresAt: NOW + 9 * 60_000 };

    actions$.next(AppActions.started());
    fromOtherTab$.next({ session: theirs, access: 'token-from-tab-2', carried: 'refresh-from-tab-2' });
    advance(SESSION_HANDOVER_WAIT_MS);

    expect(emitted).toEqual([TabSyncActions.sessionShared({ session: theirs, at: NOW })]);
    expect(tokens.get()).toBe('token-from-tab-2');
    expect(tokens.carried()).toBe('refresh-from-tab-2');
    expect(coordinator.refresh).not.toHaveBeenCalled();
  });

  it('leaves a successful refresh for the coordinator to report', () => {
    const { emitted, storage, answer$, startAlone } = setUp();

    startAlone();
    answer$.next(session);
    answer$.complete();

    expect(emitted).toEqual([]);
    expect(storage.saveSession).not.toHaveBeenCalled();
  });

  it('emits nothing when the server says the session is over: the coordinator has ended it', () => {
    const { emitted, answer$, startAlone } = setUp();

    startAlone();
    answer$.error(httpError(401, 'refresh_revoked'));

    expect(emitted).toEqual([]);
  });

  it.each([
    ['the server is unavailable', httpError(503), 503, 'HTTP 503'],
    ['the network is down', httpError(0), 0, 'network error'],
  ])('keeps the stored session, deferred, when %s', (_case, error, status, reason) => {
    const { emitted, answer$, startAlone } = setUp();

    startAlone();
    answer$.error(error);

    expect(emitted).toEqual([
      AuthApiActions.restoreDeferred({ session: storedSession(stored, NOW)!, status, reason, at: NOW }),
    ]);
  });

  it('does not bring back a session another tab ended while this tab was restoring it', () => {
    // The other tab signed out while this tab's refresh was on its way: the coordinator drops the
    // answer (SessionEndedElsewhere) and the other tab's sign-out has ended this tab's session.
    const { emitted, answer$, startAlone } = setUp();

    startAlone();
    answer$.error(new SessionEndedElsewhere());

    expect(emitted).toEqual([]);
  });

  it('ignores another start while a restore is under way', () => {
    const { actions$, coordinator, channel, advance } = setUp();

    actions$.next(AppActions.started());
    actions$.next(AppActions.started());
    advance(SESSION_HANDOVER_WAIT_MS);

    expect(channel.post).toHaveBeenCalledTimes(1);
    expect(coordinator.refresh).toHaveBeenCalledTimes(1);
  });
});

describe('retryRestoreNow', () => {
  it('sends the refresh under way again when the person clicks Retry, and only then', () => {
    const { actions$, actions } = actionsAndOutput();
    const coordinator = { retryNow: jest.fn() };
    retryRestoreNow(actions, coordinator as unknown as RefreshCoordinator).subscribe();

    actions$.next(AppActions.started());
    expect(coordinator.retryNow).not.toHaveBeenCalled();
    actions$.next(RestoringSessionActions.retryClicked());
    expect(coordinator.retryNow).toHaveBeenCalledTimes(1);
  });
});

describe('signIn', () => {
  function setUp() {
    const { actions$, actions, emitted, collect } = actionsAndOutput();
    // The server's answers to the first and second login, given by each test.
    const answers = [new Subject<SessionInfo>(), new Subject<SessionInfo>()];
    const unasked = [...answers];
    const api = { login: jest.fn((_credentials: Credentials) => unasked.shift()!.asObservable()) };
    // The error reader as it is once loaded; `readerLoads` fail first, as with the network gone.
    const reader = { loads: 0, failing: 0 };
    const readers$ = defer(() => (++reader.loads <= reader.failing ? throwError(() => new TypeError('Failed to fetch')) : of(toSignInError)));
    // The session calls as AUTH_API gives them; `failing` loads fail first, as it reports them.
    const calls = { loads: 0, failing: 0 };
    const unreachable = () => new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' });
    const api$ = defer(() => (++calls.loads <= calls.failing ? throwError(unreachable) : of(api as unknown as AuthApi)));
    signIn(actions, api$, readers$).subscribe(collect);
    const submit = () => actions$.next(SignInPageActions.signInSubmitted({ credentials }));
    return { emitted, api, answers, submit, reader, calls };
  }

  it('reports the server as out of reach when the session calls cannot be loaded, and loads them again next time', () => {
    const { emitted, api, answers, submit, calls } = setUp();
    calls.failing = 1;

    submit();
    expect(api.login).not.toHaveBeenCalled();
    submit();
    answers[0]!.next(session);

    expect(calls.loads).toBe(2);
    expect(emitted).toEqual([
      AuthApiActions.signInFailed({ error: { kind: 'unreachable' } }),
      AuthApiActions.signInSucceeded({ session }),
    ]);
  });

  it('loads the error reader only for a refused sign-in', () => {
    const { emitted, answers, submit, reader } = setUp();

    submit();
    answers[0]!.next(session);
    expect(reader.loads).toBe(0);
    expect(emitted).toEqual([AuthApiActions.signInSucceeded({ session })]);
  });

  it('reports a refusal as unreachable when its reader cannot be loaded, and loads it again next time', () => {
    const { emitted, answers, submit, reader } = setUp();
    reader.failing = 1;

    submit();
    answers[0]!.error(httpError(0));
    submit();
    answers[1]!.error(httpError(401, 'invalid_credentials'));

    expect(reader.loads).toBe(2);
    expect(emitted).toEqual([
      AuthApiActions.signInFailed({ error: { kind: 'unreachable' } }),
      AuthApiActions.signInFailed({ error: { kind: 'invalid-credentials' } }),
    ]);
  });

  it('signs in with the submitted credentials and reports the session', () => {
    const { emitted, api, answers, submit } = setUp();

    submit();
    answers[0]!.next(session);

    expect(api.login).toHaveBeenCalledWith(credentials);
    expect(emitted).toEqual([AuthApiActions.signInSucceeded({ session })]);
  });

  it.each([
    ['wrong credentials', httpError(401, 'invalid_credentials'), { kind: 'invalid-credentials' } as const],
    ['a disabled account', httpError(401, 'account_disabled'), { kind: 'account-disabled' } as const],
    ['an unreachable server', httpError(0), { kind: 'unreachable' } as const],
  ])('reports %s as a sign-in error the page can word', (_case, error, expected) => {
    const { emitted, answers, submit } = setUp();

    submit();
    answers[0]!.error(error);

    expect(emitted).toEqual([AuthApiActions.signInFailed({ error: expected })]);
  });

  it('keeps listening after a failed attempt: the next submit signs in', () => {
    const { emitted, api, answers, submit } = setUp();

    submit();
    answers[0]!.error(httpError(401, 'invalid_credentials'));
    submit();
    answers[1]!.next(session);

    expect(api.login).toHaveBeenCalledTimes(2);
    expect(emitted[1]).toEqual(AuthApiActions.signInSucceeded({ session }));
  });

  it('ignores a second submit while the first is unanswered', () => {
    const { emitted, api, answers, submit } = setUp();

    submit();
    submit();
    answers[0]!.next(session);

    expect(api.login).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([AuthApiActions.signInSucceeded({ session })]);
  });
});

describe('navigateHomeAfterSignIn', () => {
  function setUp(url = '/signin') {
    const { actions$, actions } = actionsAndOutput();
    const router = {
      url,
      navigateByUrl: jest.fn(() => Promise.resolve(true)),
      parseUrl: (u: string) => new DefaultUrlSerializer().parse(u),
    };
    navigateHomeAfterSignIn(actions, router as unknown as Router, DEFAULT_LOGOUT_LENS_CONFIG).subscribe();
    return { actions$, router };
  }

  it('goes back to the page the sign-in page names (where the session ended)', () => {
    const { actions$, router } = setUp('/signin?returnUrl=%2Faccount%2Fsessions%3Ftab%3D2');

    actions$.next(AuthApiActions.signInSucceeded({ session }));

    expect(router.navigateByUrl).toHaveBeenCalledWith('/account/sessions?tab=2');
  });

  it.each([
    ['another origin', 'https://evil.example.net/'],
    ['a protocol-relative URL', '//evil.example.net/'],
    ['the sign-in page itself', '/signin'],
    ['a relative path', 'account'],
  ])('goes to the home page when the named page is %s', (_case, returnUrl) => {
    const { actions$, router } = setUp(`/signin?returnUrl=${encodeURIComponent(returnUrl)}`);

    actions$.next(AuthApiActions.signInSucceeded({ session }));

    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('goes to the home page after a sign-in, and not after a refresh or a hand-over', () => {
    const { actions$, router } = setUp();

    actions$.next(AuthApiActions.tokenRefreshed({ session, at: NOW }));
    actions$.next(TabSyncActions.sessionShared({ session, at: NOW }));
    expect(router.navigateByUrl).not.toHaveBeenCalled();

    actions$.next(AuthApiActions.signInSucceeded({ session }));
    expect(router.navigateByUrl).toHaveBeenCalledTimes(1);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });
});

describe('persistSession', () => {
  function setUp() {
    const { actions$, actions } = actionsAndOutput();
    const storage = storageFake();
    persistSession(actions, storage as unknown as AuthStorage).subscribe();
    return { actions$, storage };
  }

  it.each([
    ['a sign-in', AuthApiActions.signInSucceeded({ session })],
    ['a refresh', AuthApiActions.tokenRefreshed({ session, at: NOW })],
    ['a password change', ChangePasswordPageActions.passwordChanged({ session, at: NOW })],
  ])('stores the session after %s', (_case, action) => {
    const { actions$, storage } = setUp();

    actions$.next(action);

    expect(storage.saveSession).toHaveBeenCalledTimes(1);
    expect(storage.saveSession).toHaveBeenCalledWith(session);
  });

  it('writes nothing for a failed sign-in or a deferred restore', () => {
    const { actions$, storage } = setUp();

    actions$.next(AuthApiActions.signInFailed({ error: { kind: 'unreachable' } }));
    actions$.next(AuthApiActions.restoreDeferred({ session, status: 503, reason: 'HTTP 503', at: NOW }));

    expect(storage.saveSession).not.toHaveBeenCalled();
  });
});

describe('signOut', () => {
  it("ends the session as the user's own sign-out, at once", () => {
    const { actions$, actions, emitted, collect } = actionsAndOutput();
    signOut(actions, () => NOW).subscribe(collect);

    actions$.next(UserMenuActions.signOutClicked());

    expect(emitted).toEqual([
      SessionActions.ended({ logoutType: 'USER_INITIATED', message: 'You signed out.', at: NOW }),
    ]);
  });
});

describe('forgetSession', () => {
  function setUp() {
    const { actions$, actions } = actionsAndOutput();
    const tokens = new AccessTokenStore();
    tokens.set('access-token');
    const storage = storageFake();
    forgetSession(actions, tokens, storage as unknown as AuthStorage).subscribe();
    return { actions$, tokens, storage };
  }

  it.each([
    ['the user signed out', SessionActions.ended({ logoutType: 'USER_INITIATED', message: 'You signed out.', at: NOW })],
    [
      'another tab ended it',
      SessionActions.ended({ logoutType: 'SESSION_REVOKED', message: 'Revoked.', at: NOW, fromOtherTab: true }),
    ],
  ])('drops the access token and the stored session when %s', (_case, action) => {
    const { actions$, tokens, storage } = setUp();

    actions$.next(action);

    expect(tokens.get()).toBeNull();
    expect(storage.clearSession).toHaveBeenCalledTimes(1);
  });

  it('keeps both while the session goes on', () => {
    const { actions$, tokens, storage } = setUp();

    actions$.next(AuthApiActions.tokenRefreshed({ session, at: NOW }));
    actions$.next(AuthApiActions.refreshFailedTransiently({ status: 503, reason: 'HTTP 503', at: NOW }));

    expect(tokens.get()).toBe('access-token');
    expect(storage.clearSession).not.toHaveBeenCalled();
  });
});

describe('reportTransientRefreshFailure', () => {
  function setUp() {
    const actions$ = new Subject<Action>();
    const ui = { notify: jest.fn() };
    reportTransientRefreshFailure(actions$, ui as unknown as LogoutLensUi, new LogoutLensIntl()).subscribe();
    return { actions$, ui };
  }

  it('says the server could not be reached, and that the user is still signed in', () => {
    const { actions$, ui } = setUp();

    actions$.next(AuthApiActions.refreshFailedTransiently({ status: 0, reason: 'network', at: NOW }));

    expect(ui.notify).toHaveBeenCalledWith(
      "Couldn't renew your session right now (the server can't be reached). You are still signed in; it will retry.",
      8000,
    );
  });

  it('names the status of a deferred restore, and stays quiet for other actions', () => {
    const { actions$, ui } = setUp();

    actions$.next(AuthApiActions.signInSucceeded({ session: session }));
    expect(ui.notify).not.toHaveBeenCalled();

    actions$.next(AuthApiActions.restoreDeferred({ session: session, status: 503, reason: 'unavailable', at: NOW }));
    expect(ui.notify.mock.calls[0]![0]).toContain('(the server answered 503)');
  });
});
