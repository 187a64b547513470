import { Injector, computed, runInInjectionContext, signal } from '@angular/core';
import { DefaultUrlSerializer, Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { Action, Store } from '@ngrx/store';
import { BehaviorSubject, Subject, map } from 'rxjs';

import { DEFAULT_LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { AccessTokenStore } from '../auth/access-token.store';
import { AuthApiActions, SessionActions } from '../auth/state/auth.actions';
import { AuthState, EndedSession, initialAuthState } from '../auth/state/auth.feature';
import { ChangePasswordPageActions } from '../auth/state/change-password-page.actions';
import { ActivityActions } from '../diagnostics/state/diagnostics.actions';
import { SessionInfo } from '../model/session.model';
import { ActivityClock } from '../platform/activity-clock';
import { BROADCAST_CHANNEL_FACTORY, LOCAL_STORAGE, WINDOW } from '../platform/browser.tokens';
import { TAB_ID } from '../platform/tab-id';
import { TabSyncActions } from '../tabs/state/tab-sync.actions';
import { TAB_MESSAGE_KEY, TabChannel } from '../tabs/tab-channel';
import { TabMessage } from '../tabs/tab-message';
import { TabRegistry } from '../tabs/tab-registry';
import { announcePresence, followSignInElsewhere, receiveFromOtherTabs, shareActivity, shareSession, shareSignOut } from './tab-sync.effects';

// No effect here runs a timer, so none needs the virtual SESSION_SCHEDULER.
const THIS_TAB = 'tab-a';
const NOW = 1_700_000_000_000;
const clock = () => NOW;

const session: SessionInfo = {
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  sessionId: 'sess-1',
  rememberMe: true,
  accessExpiresAt: 2_000_000,
  refreshExpiresAt: 9_000_000,
  issuedAt: 1_000_000,
};

type Root = { auth: AuthState };
const signedIn = (s: SessionInfo | null): Root => ({ auth: { ...initialAuthState, session: s } });

function fakeChannel() {
  return { messages$: new Subject<TabMessage>(), post: jest.fn<void, [TabMessage]>(), sharesTokens: true };
}

/** A real TabChannel on the storage-event fallback (no BroadcastChannel), or on a fake BroadcastChannel. */
function realChannel(broadcast: EventTarget | null = null) {
  const storage = { setItem: jest.fn<void, [string, string]>(), removeItem: jest.fn() };
  const injector = Injector.create({
    providers: [
      { provide: TAB_ID, useValue: THIS_TAB },
      { provide: LOCAL_STORAGE, useValue: storage },
      { provide: WINDOW, useValue: window },
      { provide: BROADCAST_CHANNEL_FACTORY, useValue: () => broadcast },
    ],
  });
  return { channel: runInInjectionContext(injector, () => new TabChannel()), storage };
}

describe('receiveFromOtherTabs', () => {
  function setUp({ state = signedIn(null), token = null as string | null, channel = fakeChannel() as unknown as TabChannel } = {}) {
    const tokens = new AccessTokenStore();
    if (token) tokens.set(token);
    const activity = { noteRemote: jest.fn() };
    const registry = new TabRegistry();
    const root = signal(state);
    const store = { selectSignal: <T>(selector: (s: Root) => T) => computed(() => selector(root())) };
    const dispatched: Action[] = [];
    receiveFromOtherTabs(channel, tokens, activity as unknown as ActivityClock, registry, store as unknown as Store, clock, THIS_TAB)
      .subscribe((action) => dispatched.push(action));
    const fake = channel as unknown as ReturnType<typeof fakeChannel>;
    return { messages$: fake.messages$, post: fake.post, tokens, activity, registry, dispatched };
  }

  it("takes the session another tab signed in or refreshed with, and its token, as this tab's", () => {
    const { messages$, tokens, dispatched } = setUp({ token: 'old-token' });

    messages$.next({ kind: 'session', from: 'tab-b', session, access: 'token-b', carried: null, at: 5 });

    expect(dispatched).toEqual([TabSyncActions.sessionShared({ session, at: NOW })]);
    expect(tokens.get()).toBe('token-b');
  });

  it("takes the carried credential (stock simplejwt's refresh token) with the token, so its next refresh sends the rotated one", () => {
    const { messages$, tokens } = setUp({ token: 'old-token' });
    tokens.setCarried('refresh-1');

    messages$.next({ kind: 'session', from: 'tab-b', session, access: 'token-b', carried: 'refresh-2', at: 5 });

    expect(tokens.carried()).toBe('refresh-2');
  });

  it('keeps its own token when the session comes without one (the storage fallback)', () => {
    const { messages$, tokens, dispatched } = setUp({ token: 'my-token' });

    messages$.next({ kind: 'session', from: 'tab-b', session, access: null, carried: null, at: 5 });

    expect(dispatched).toEqual([TabSyncActions.sessionShared({ session, at: NOW })]);
    expect(tokens.get()).toBe('my-token');
  });

  it("drops its token when another session comes without one: it is not the new session's", () => {
    const { messages$, tokens } = setUp({ state: signedIn(session), token: 'my-token' });
    const someoneElse = { ...session, sessionId: 'session-of-another-sign-in', user: { ...session.user, id: 2 } };

    messages$.next({ kind: 'session', from: 'tab-b', session: someoneElse, access: null, carried: null, at: 5 });

    expect(tokens.get()).toBeNull();
  });

  it('keeps its token when its own session comes again without one (a refresh elsewhere)', () => {
    const { messages$, tokens } = setUp({ state: signedIn(session), token: 'my-token' });

    messages$.next({ kind: 'session', from: 'tab-b', session: { ...session, accessExpiresAt: session.accessExpiresAt + 1 }, access: null, carried: null, at: 5 });

    expect(tokens.get()).toBe('my-token');
  });

  it.each([
    ['with its code', 'REVOKED_BY_ADMIN', 'REVOKED_BY_ADMIN'],
    ['without a code', null, undefined],
  ])('ends this tab\'s session as the other tab\'s ended, %s', (_case, code, expected) => {
    const { messages$, dispatched } = setUp({ state: signedIn(session) });

    messages$.next({ kind: 'signed-out', from: 'tab-b', logoutType: 'SESSION_REVOKED', message: 'Revoked.', code });

    expect(dispatched).toEqual([
      SessionActions.ended({ logoutType: 'SESSION_REVOKED', message: 'Revoked.', code: expected, fromOtherTab: true, at: NOW }),
    ]);
  });

  it("answers a new tab's session request with its session and token", () => {
    const { messages$, post, dispatched } = setUp({ state: signedIn(session), token: 'token-a' });

    messages$.next({ kind: 'session-request', from: 'tab-b' });

    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith({ kind: 'session', from: THIS_TAB, session, access: 'token-a', carried: null, at: NOW });
    expect(dispatched).toEqual([]);
  });

  it.each([
    ['it is signed out (a stale token left over)', signedIn(null), 'token-a'],
    ['it holds no token', signedIn(session), null],
  ])('does not answer a session request when %s', (_case, state, token) => {
    const { messages$, post } = setUp({ state, token });

    messages$.next({ kind: 'session-request', from: 'tab-b' });

    expect(post).not.toHaveBeenCalled();
  });

  it("counts another tab's activity toward idle time, and dispatches nothing", () => {
    const { messages$, activity, dispatched } = setUp({ state: signedIn(session) });

    messages$.next({ kind: 'activity', from: 'tab-b', at: 42 });

    expect(activity.noteRemote).toHaveBeenCalledWith(42);
    expect(dispatched).toEqual([]);
  });

  it('greets a tab it has not seen (once), and forgets it when it says bye', () => {
    const { messages$, post, registry } = setUp();

    messages$.next({ kind: 'hello', from: 'tab-b' });
    messages$.next({ kind: 'hello', from: 'tab-b' });

    expect(post.mock.calls).toEqual([[{ kind: 'hello', from: THIS_TAB }]]);
    expect([...registry.others()]).toEqual(['tab-b']);

    messages$.next({ kind: 'bye', from: 'tab-b' });
    expect([...registry.others()]).toEqual([]);
  });

  describe('over the storage-event fallback (a real TabChannel)', () => {
    const storageEvent = (message: object) =>
      new StorageEvent('storage', { key: TAB_MESSAGE_KEY, newValue: JSON.stringify({ ...message, seq: 1 }) });
    const signOut = { kind: 'signed-out', logoutType: 'USER_INITIATED', message: 'You signed out.', code: null };

    it("acts on another tab's storage event, and ignores one carrying this tab's own id", () => {
      const { dispatched } = setUp({ channel: realChannel().channel });

      window.dispatchEvent(storageEvent({ ...signOut, from: THIS_TAB }));
      expect(dispatched).toEqual([]);

      window.dispatchEvent(storageEvent({ ...signOut, from: 'tab-b' }));
      expect(dispatched).toEqual([
        SessionActions.ended({ logoutType: 'USER_INITIATED', message: 'You signed out.', fromOtherTab: true, at: NOW }),
      ]);
    });
  });
});

describe('shareSession', () => {
  function setUp(channel: TabChannel = fakeChannel() as unknown as TabChannel) {
    const actions$ = new Subject<Action>();
    const tokens = new AccessTokenStore();
    tokens.set('token-a');
    tokens.setCarried('refresh-a');
    shareSession(new Actions(actions$), channel, tokens, THIS_TAB, clock).subscribe();
    return { actions$, post: (channel as unknown as ReturnType<typeof fakeChannel>).post };
  }

  it.each([
    ['a sign-in', AuthApiActions.signInSucceeded({ session })],
    ['a token refresh', AuthApiActions.tokenRefreshed({ session, at: 7 })],
    ['a password change', ChangePasswordPageActions.passwordChanged({ session, at: 7 })],
  ])('hands the session, its token and carried credential to the other tabs after %s', (_case, action) => {
    const { actions$, post } = setUp();

    actions$.next(action);

    expect(post.mock.calls).toEqual([[{ kind: 'session', from: THIS_TAB, session, access: 'token-a', carried: 'refresh-a', at: NOW }]]);
  });

  it('does not echo a session another tab shared, nor post on other actions', () => {
    const { actions$, post } = setUp();

    actions$.next(TabSyncActions.sessionShared({ session, at: 7 }));
    actions$.next(AuthApiActions.signInFailed({ error: { kind: 'invalid-credentials' } }));

    expect(post).not.toHaveBeenCalled();
  });

  it('sends the token over BroadcastChannel, which stays in memory', () => {
    const broadcast = Object.assign(new EventTarget(), { postMessage: jest.fn(), close: jest.fn() });
    const { actions$ } = setUp(realChannel(broadcast).channel);

    actions$.next(AuthApiActions.signInSucceeded({ session }));

    expect(broadcast.postMessage).toHaveBeenCalledWith(expect.objectContaining({ kind: 'session', access: 'token-a' }));
  });

  it('shares the session but never writes the token to storage where there is no BroadcastChannel', () => {
    const { channel, storage } = realChannel();
    const { actions$ } = setUp(channel);

    actions$.next(AuthApiActions.tokenRefreshed({ session, at: 7 }));

    expect(storage.setItem).toHaveBeenCalledTimes(1);
    const [key, written] = storage.setItem.mock.calls[0]!;
    expect(key).toBe(TAB_MESSAGE_KEY);
    expect(JSON.parse(written)).toMatchObject({ kind: 'session', from: THIS_TAB, session, access: null });
    expect(written).not.toContain('token-a');
  });
});

describe('shareSignOut', () => {
  const ended = (overrides: Partial<EndedSession> = {}): EndedSession => ({
    logoutType: 'IDLE_TIMEOUT',
    message: 'You were signed out after a while without activity.',
    code: 'IDLE',
    ...{ fromOtherTab: false, at: 1_000, reuse: null, session, lastRefresh: null },
    ...overrides,
  });

  function setUp() {
    const state$ = new BehaviorSubject<Root>(signedIn(session));
    const store = { select: <T>(selector: (s: Root) => T) => state$.pipe(map(selector)) };
    const channel = fakeChannel();
    shareSignOut(store as unknown as Store, channel as unknown as TabChannel, THIS_TAB).subscribe();
    const endWith = (lastLogout: EndedSession) => state$.next({ auth: { ...initialAuthState, lastLogout } });
    return { endWith, post: channel.post };
  }

  it("tells the other tabs when this tab's session ended, with its type, message and code (and only then)", () => {
    const { endWith, post } = setUp();
    expect(post).not.toHaveBeenCalled();

    endWith(ended());

    const { message } = ended();
    expect(post.mock.calls).toEqual([[{ kind: 'signed-out', from: THIS_TAB, logoutType: 'IDLE_TIMEOUT', message, code: 'IDLE' }]]);
  });

  it('does not echo a sign-out that came from another tab', () => {
    const { endWith, post } = setUp();

    endWith(ended({ fromOtherTab: true }));

    expect(post).not.toHaveBeenCalled();
  });
});

describe('shareActivity', () => {
  it("reports this tab's activity, with its time, to the other tabs", () => {
    const actions$ = new Subject<Action>();
    const channel = fakeChannel();
    shareActivity(new Actions(actions$), channel as unknown as TabChannel, THIS_TAB).subscribe();

    actions$.next(AuthApiActions.signInSucceeded({ session }));
    actions$.next(ActivityActions.detected({ at: 42 }));

    expect(channel.post.mock.calls).toEqual([[{ kind: 'activity', from: THIS_TAB, at: 42 }]]);
  });
});

describe('announcePresence', () => {
  it('says hello as soon as it starts, and bye when the page is hidden', () => {
    const channel = fakeChannel();
    const win = new EventTarget();

    const presence$ = announcePresence(channel as unknown as TabChannel, THIS_TAB, win as Window);
    expect(channel.post.mock.calls).toEqual([[{ kind: 'hello', from: THIS_TAB }]]);

    presence$.subscribe();
    win.dispatchEvent(new Event('pagehide'));
    expect(channel.post.mock.calls).toEqual([[{ kind: 'hello', from: THIS_TAB }], [{ kind: 'bye', from: THIS_TAB }]]);
  });

  it('only says hello where there is no window', () => {
    const channel = fakeChannel();
    const complete = jest.fn();

    announcePresence(channel as unknown as TabChannel, THIS_TAB, null).subscribe({ complete });

    expect(channel.post.mock.calls).toEqual([[{ kind: 'hello', from: THIS_TAB }]]);
    expect(complete).toHaveBeenCalled();
  });
});

describe('followSignInElsewhere', () => {
  function setUp(url: string) {
    const actions$ = new Subject<Action>();
    const router = { url, navigateByUrl: jest.fn(), parseUrl: (u: string) => new DefaultUrlSerializer().parse(u) };
    followSignInElsewhere(new Actions(actions$), router as unknown as Router, DEFAULT_LOGOUT_LENS_CONFIG).subscribe();
    return { actions$, router };
  }

  it('takes a tab on the sign-in page home when another tab signs in', () => {
    const { actions$, router } = setUp('/signin');

    actions$.next(TabSyncActions.sessionShared({ session, at: 7 }));

    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('takes it back to the page its sign-in page names, when another tab signs in', () => {
    const { actions$, router } = setUp('/signin?returnUrl=%2Faccount%2Fsessions');

    actions$.next(TabSyncActions.sessionShared({ session, at: 7 }));

    expect(router.navigateByUrl).toHaveBeenCalledWith('/account/sessions');
  });

  it('leaves a tab on any other page where it is', () => {
    const { actions$, router } = setUp('/account/sessions');

    actions$.next(TabSyncActions.sessionShared({ session, at: 7 }));

    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it("does not act on this tab's own sign-in", () => {
    const { actions$, router } = setUp('/signin');

    actions$.next(AuthApiActions.signInSucceeded({ session }));

    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });
});
