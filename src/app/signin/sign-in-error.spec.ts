import { HttpErrorResponse } from '@angular/common/http';

import { toSignInError } from '@logout-lens/angular';
import { signInErrorMessage } from './signin-error-message';

const answer = (status: number, body: unknown = null) => new HttpErrorResponse({ status, error: body });

describe('toSignInError', () => {
  it('tells a deactivated account from a wrong password', () => {
    const disabled = toSignInError(answer(401, { code: 'account_disabled', detail: 'x' }));
    const wrong = toSignInError(answer(401, { code: 'invalid_credentials', detail: 'x' }));

    expect(disabled).toEqual({ kind: 'account-disabled' });
    expect(wrong).toEqual({ kind: 'invalid-credentials' });
    expect(signInErrorMessage(disabled, 'the IT help desk')).toBe(
      'This account has been deactivated. Contact the IT help desk to restore access.',
    );
    expect(signInErrorMessage(wrong, 'the IT help desk')).toBe('Email or password is wrong.');
  });
});

describe('toSignInError on invalid input', () => {
  it("puts the server's messages by their fields", () => {
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
});
