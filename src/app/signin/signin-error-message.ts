import { SignInError } from '@logout-lens/angular';

/** The sign-in failure in words a person understands (field-level errors sit by their fields). */
export function signInErrorMessage(error: SignInError | null, supportContact: string): string | null {
  switch (error?.kind) {
    case undefined:
      return null;
    case 'invalid-credentials':
      return 'Email or password is wrong.';
    case 'account-disabled':
      return `This account has been deactivated. Contact ${supportContact} to restore access.`;
    case 'unreachable':
      return "Can't reach the server — check your connection and try again.";
    case 'throttled':
      return 'Too many attempts. Wait a minute and try again.';
    case 'invalid-input':
      return 'Please correct the highlighted fields.';
    case 'server':
      return `Something went wrong on the server (${error.status || 'no answer'}). Try again.`;
  }
}
