import { signInErrorMessage } from './signin-error-message';

describe('signInErrorMessage', () => {
  it('tells a deactivated account from a wrong password', () => {
    expect(signInErrorMessage({ kind: 'account-disabled' }, 'the IT help desk')).toBe(
      'This account has been deactivated. Contact the IT help desk to restore access.',
    );
    expect(signInErrorMessage({ kind: 'invalid-credentials' }, 'the IT help desk')).toBe('Email or password is wrong.');
  });
});
