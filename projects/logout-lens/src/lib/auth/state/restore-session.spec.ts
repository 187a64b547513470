import { HttpErrorResponse } from '@angular/common/http';
import { Actions } from '@ngrx/effects';
import { Action } from '@ngrx/store';
import { Observable, of, throwError } from 'rxjs';

import { SessionInfo } from '../../model/session.model';
import { SharedSessionWaiter } from '../../tabs/shared-session';
import { TabChannel } from '../../tabs/tab-channel';
import { AccessTokenStore } from '../access-token.store';
import { AuthStorage, AuthStorageRecord } from '../auth-storage';
import { RefreshCoordinator } from '../refresh-coordinator';
import { classifyRefreshError } from '../refresh-outcome';
import { AppActions, AuthApiActions } from './auth.actions';
import { retryRestoreNow } from './auth.effects';
import { restoreSession } from './restore-session.effects';
import { RestoringSessionActions } from './restoring-session.actions';

const MINUTE = 60_000;
/** Server time now; this computer's clock is 10 minutes ahead of it. */
const SERVER_NOW = Date.UTC(2026, 11, 1, 9, 0);
const LOCAL_NOW = SERVER_NOW + 10 * MINUTE;

const user = { id: 1, email: 'dana@example.com', name: 'Dana' };

function storedRecord(overrides: Partial<AuthStorageRecord> = {}): AuthStorageRecord {
  return {
    device_id: 'device-0001',
    user,
    session_id: 'session-1',
    remember_me: false,
    access_expires_at: SERVER_NOW + 5 * MINUTE,
    refresh_expires_at: SERVER_NOW + 5 * MINUTE,
    ...overrides,
  };
}

/** Runs the effect on a reload with `record` in auth-storage; the refresh answers with `refresh$`. */
function restore(record: AuthStorageRecord, refresh$: Observable<SessionInfo> = of({} as SessionInfo)) {
  const refresh = jest.fn(() => refresh$);
  const classify = (error: unknown) => classifyRefreshError(error, 0, null);
  const emitted: Action[] = [];
  restoreSession(
    of(AppActions.started()) as Actions,
    { read: () => record } as unknown as AuthStorage,
    { refresh, classify } as unknown as RefreshCoordinator,
    { post: jest.fn() } as unknown as TabChannel,
    { next: () => of(null) } as unknown as SharedSessionWaiter,
    new AccessTokenStore(),
    () => LOCAL_NOW,
    'tab-1',
  ).subscribe((action) => emitted.push(action));
  return { refresh, emitted };
}

describe('restoreSession', () => {
  it('asks the server when this computer\'s clock, 10 minutes ahead, says the session has ended', () => {
    // 5 minutes left by the server's clock: only the server can say whether the session is alive.
    const { refresh, emitted } = restore(storedRecord());

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([]);
  });

  it('asks the server even for a session its stored expiry says is long over', () => {
    // The answer (session over) then ends it the normal way: recorded, explained, reported.
    const { refresh, emitted } = restore(storedRecord({ refresh_expires_at: SERVER_NOW - 30 * 24 * 60 * MINUTE }));

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual([]);
  });

  it('asks nothing when there was no session', () => {
    const { refresh, emitted } = restore(storedRecord({ user: null, session_id: null, refresh_expires_at: null }));

    expect(refresh).not.toHaveBeenCalled();
    expect(emitted).toEqual([AuthApiActions.noSessionToRestore()]);
  });

  it('keeps the stored session when the server cannot be reached', () => {
    const down = new HttpErrorResponse({ status: 0, url: '/v1/auth/refresh/' });
    const { emitted } = restore(storedRecord(), throwError(() => down));

    expect(emitted).toEqual([
      AuthApiActions.restoreDeferred({
        session: expect.objectContaining({ user, sessionId: 'session-1' }),
        status: 0,
        reason: 'network error',
        at: LOCAL_NOW,
      }),
    ]);
  });
});

describe('retryRestoreNow', () => {
  it('sends the refresh under way again at once when the person asks to retry', () => {
    const retryNow = jest.fn();
    retryRestoreNow(
      of(RestoringSessionActions.retryClicked()) as Actions,
      { retryNow } as unknown as RefreshCoordinator,
    ).subscribe();

    expect(retryNow).toHaveBeenCalledTimes(1);
  });
});
