import { AppActions, AuthApiActions, SessionActions } from './auth.actions';
import { authFeature, initialAuthState } from './auth.feature';
import { ChangePasswordPageActions } from './change-password-page.actions';

const session = {
  user: { id: 1, email: 'dana@example.com', name: 'Dana' },
  sessionId: 's-1',
  rememberMe: true,
  accessExpiresAt: 2_000,
  refreshExpiresAt: 9_000,
  issuedAt: 1_000,
};

describe('auth reducer', () => {
  const reduce = authFeature.reducer;
  const signedIn = reduce(initialAuthState, AuthApiActions.signInSucceeded({ session }));

  it('remembers the session that ended, once', () => {
    const ended = reduce(
      signedIn,
      SessionActions.ended({ logoutType: 'TOKEN_EXPIRED', message: 'x', code: 'refresh_expired', at: 5 }),
    );

    expect(ended.status).toBe('signed-out');
    expect(ended.session).toBeNull();
    expect(ended.lastLogout).toEqual({
      logoutType: 'TOKEN_EXPIRED',
      message: 'x',
      code: 'refresh_expired',
      fromOtherTab: false,
      at: 5,
      reuse: null,
      session,
      lastRefresh: null,
    });
    // A second `Ended` for the same, already ended session changes nothing.
    expect(reduce(ended, SessionActions.ended({ logoutType: 'AUTH_ERROR', message: 'y', at: 6 }))).toBe(ended);
  });

  it('records transient refresh failures without signing out', () => {
    const state = reduce(signedIn, AuthApiActions.refreshFailedTransiently({ status: 503, reason: 'HTTP 503', at: 7 }));

    expect(state.status).toBe('signed-in');
    expect(state.session).toBe(session);
    expect(state.lastRefresh).toEqual({ at: 7, outcome: 'transient-failure', status: 503, reason: 'HTTP 503' });
  });

  it('takes the fresh session of a password change like a refresh', () => {
    const fresh = { ...session, sessionId: 's-2', accessExpiresAt: 4_000, issuedAt: 3_000 };
    const state = reduce(signedIn, ChangePasswordPageActions.passwordChanged({ session: fresh, at: 8 }));

    expect(state.status).toBe('signed-in');
    expect(state.session).toBe(fresh);
    expect(state.lastRefresh).toEqual({ at: 8, outcome: 'success', status: 200, reason: null });
    expect(state.lastLogout).toBeNull();
  });

  it('keeps a stored session when the server could not be reached on reload', () => {
    const state = reduce(
      initialAuthState,
      AuthApiActions.restoreDeferred({ session, status: 0, reason: 'network error', at: 3 }),
    );

    expect(state.status).toBe('signed-in');
    expect(state.session).toBe(session);
  });

  it('records the stored session for a session found over on reload, when the store holds none', () => {
    const restoring = reduce(initialAuthState, AppActions.started());
    const ended = reduce(
      restoring,
      SessionActions.ended({ logoutType: 'SESSION_REVOKED', message: 'x', lastKnownSession: session, at: 4 }),
    );

    expect(ended.status).toBe('signed-out');
    expect(ended.lastLogout?.session).toBe(session);
    // The store's own session, when it has one, is the one recorded.
    const other = { ...session, sessionId: 's-other' };
    const fromStore = reduce(signedIn, SessionActions.ended({ logoutType: 'AUTH_ERROR', message: 'y', lastKnownSession: other, at: 5 }));
    expect(fromStore.lastLogout?.session).toBe(session);
  });
});

describe('auth reducer and token reuse', () => {
  it("keeps the server's reuse verdict with the session that ended", () => {
    const signedIn = authFeature.reducer(
      initialAuthState,
      AuthApiActions.signInSucceeded({
        session: { user: { id: '1', email: 'a@b.c', name: 'A' }, sessionId: 's', rememberMe: true, accessExpiresAt: 2, refreshExpiresAt: 9, issuedAt: 1 },
      }),
    );
    const ended = authFeature.reducer(
      signedIn,
      SessionActions.ended({ logoutType: 'TOKEN_REUSE_DETECTED', message: 'x', code: 'refresh_reused', reuse: 'likely_theft', at: 5 }),
    );
    expect(ended.lastLogout?.reuse).toBe('likely_theft');
  });
});
