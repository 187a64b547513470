import { SignInError } from '@logout-lens/angular';

import { DemoWords, ENGLISH_DEMO_WORDS } from '../demo/demo-words';

/** The sign-in failure in words a person understands (field-level errors sit by their fields). */
export function signInErrorMessage(
  error: SignInError | null,
  supportContact: string,
  words: DemoWords = ENGLISH_DEMO_WORDS,
): string | null {
  return error ? words.signInError(error, supportContact) : null;
}
