import { HttpErrorResponse } from '@angular/common/http';

import { toSignInError } from './sign-in-error';

const answer = (status: number, body: unknown = null) => new HttpErrorResponse({ status, error: body });

describe('toSignInError', () => {
  it('tells a deactivated account from a wrong password', () => {
    expect(toSignInError(answer(401, { code: 'account_disabled', detail: 'x' }))).toEqual({ kind: 'account-disabled' });
    expect(toSignInError(answer(401, { code: 'invalid_credentials', detail: 'x' }))).toEqual({ kind: 'invalid-credentials' });
  });

  it("puts the server's messages on invalid input by their fields", () => {
    const body = {
      detail: 'Invalid input.',
      code: 'invalid',
      errors: { email: ['Enter a valid email address.'], password: ['Too long.', 'Really.'] },
    };

    expect(toSignInError(answer(400, body))).toEqual({
      kind: 'invalid-input',
      fields: { email: 'Enter a valid email address.', password: 'Too long. Really.' },
    });
  });

  it.each([
    [0, { kind: 'unreachable' }],
    [503, { kind: 'unreachable' }],
    [429, { kind: 'throttled' }],
    [500, { kind: 'server', status: 500 }],
  ])('reads HTTP %s', (status, expected) => {
    expect(toSignInError(answer(status))).toEqual(expected);
  });

  it('reads anything that is not an HTTP answer as a server failure', () => {
    expect(toSignInError(new Error('Malformed token response'))).toEqual({ kind: 'server', status: 0 });
  });
});
