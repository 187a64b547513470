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

describe('classifyRefreshError with an error policy (withErrorPolicy)', () => {
  it('shows the policy each failure, and keeps the default where it says so', () => {
    const policy = jest.fn(() => 'default' as const);

    const failure = classifyRefreshError(answer(401, 'refresh_revoked'), 0, null, policy);

    expect(failure).toMatchObject({ kind: 'session-over', logoutType: 'SESSION_REVOKED' });
    expect(policy).toHaveBeenCalledWith(expect.objectContaining({ kind: 'refresh', status: 401, code: 'refresh_revoked', method: 'POST' }));
  });

  it('retries what the policy calls transient, instead of ending the session', () => {
    const failure = classifyRefreshError(answer(401, 'refresh_missing'), 0, null, () => 'retry');

    expect(failure).toMatchObject({ kind: 'transient', status: 401 });
  });

  it('ends the session for the reason the policy names', () => {
    const policy = ({ status }: { status: number }) =>
      status === 402 ? { endSession: 'LICENSE_EXPIRED', message: 'The licence expired.' } : ('default' as const);

    expect(classifyRefreshError(answer(402), 0, null, policy)).toEqual({
      kind: 'session-over',
      logoutType: 'LICENSE_EXPIRED',
      code: 'HTTP 402',
      message: 'The licence expired.',
    });
    expect(classifyRefreshError(answer(503), 0, null, policy)).toMatchObject({ kind: 'transient', status: 503 });
  });

  it('falls back to the default when the policy throws', () => {
    const failure = classifyRefreshError(answer(503), 0, null, () => {
      throw new Error('bug in the app');
    });

    expect(failure).toMatchObject({ kind: 'transient', status: 503 });
  });
});
