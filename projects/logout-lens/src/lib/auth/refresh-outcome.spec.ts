import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';

import { classifyRefreshError } from './refresh-outcome';

const answer = (status: number, code?: string) =>
  new HttpErrorResponse({ status, error: code ? { code, detail: 'x' } : null });

describe('classifyRefreshError', () => {
  it.each([
    ['refresh_expired', 'TOKEN_EXPIRED'],
    ['refresh_revoked', 'SESSION_REVOKED'],
    ['refresh_reused', 'TOKEN_REUSE_DETECTED'],
    ['password_changed', 'PASSWORD_CHANGED'],
    ['account_disabled', 'ACCOUNT_DISABLED'],
    ['refresh_missing', 'REFRESH_FAILED'],
  ])('ends the session on 401 %s as %s', (code, logoutType) => {
    expect(classifyRefreshError(answer(401, code), 0, null)).toMatchObject({
      kind: 'session-over',
      logoutType,
      code,
    });
  });

  it('calls a missing cookie after the session lifetime an expiry', () => {
    const failure = classifyRefreshError(answer(401, 'refresh_missing'), 2_000, 1_000);
    expect(failure).toMatchObject({ kind: 'session-over', logoutType: 'TOKEN_EXPIRED' });
  });

  it.each([
    ['a network error', answer(0)],
    ['a 500', answer(500)],
    ['a 502', answer(502)],
    ['a 503', answer(503)],
    ['a 403', answer(403)],
    ['a 401 without a session-over code', answer(401)],
    ['a 401 with an unknown code', answer(401, 'something_else')],
    ['a timeout', new TimeoutError()],
    ['a non-HTTP error', new Error('boom')],
  ])('keeps the session on %s', (_name, error) => {
    expect(classifyRefreshError(error, 0, null).kind).toBe('transient');
  });
});

describe("the server's reuse verdict", () => {
  it.each(['likely_race', 'likely_theft'])('is kept from a refresh_reused answer (%s)', (reuse) => {
    const error = new HttpErrorResponse({ status: 401, error: { code: 'refresh_reused', detail: 'x', reuse } });
    expect(classifyRefreshError(error, 0, null)).toMatchObject({ logoutType: 'TOKEN_REUSE_DETECTED', reuse });
  });

  it('is absent when the server gives none, or an unknown one', () => {
    const error = new HttpErrorResponse({ status: 401, error: { code: 'refresh_reused', detail: 'x', reuse: 'maybe' } });
    expect(classifyRefreshError(error, 0, null)).not.toHaveProperty('reuse');
  });
});
