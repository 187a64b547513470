import { InjectionToken } from '@angular/core';

import type { SignInError } from '@logout-lens/angular';

/** Which "Try the API" button: one per demo endpoint. */
export type DemoEndpointKey = 'data' | 'forbidden' | 'paymentRequired' | 'serverError' | 'badGateway' | 'unavailable' | 'networkCut';

/**
 * The demo app's own words (its pages around Logout Lens's), in the language it shows. Logout
 * Lens's words come from its `LogoutLensIntl`; these are the app's, as any app has its own.
 */
export interface DemoWords {
  /** Page titles, after which " · Logout Lens" follows. */
  titles: { signIn: string; home: string; sessions: string; changePassword: string };

  signInSubtitle: string;
  email: string;
  emailRequired: string;
  emailInvalid: string;
  password: string;
  /** The password, as its show/hide button names it ("Show password"). */
  passwordSecret: string;
  passwordRequired: string;
  signIn: string;
  signingIn: string;
  /** The sign-in failure in words a person understands (field-level errors sit by their fields). */
  signInError: (error: SignInError, supportContact: string) => string;

  accountMenu: (name: string) => string;
  activeSessions: string;
  changePassword: string;
  signOut: string;
  welcome: (name: string) => string;
  /** "You are signed in …": `lifetime` in words ("20 days"), or null when the server gave none. */
  signedIn: (lifetime: string | null, rememberMe: boolean) => string;

  tryApi: string;
  tryApiHint: string;
  noCallYet: string;
  endpoints: Record<DemoEndpointKey, string>;
  burst: (count: number) => string;
  answeredOk: (label: string) => string;
  burstResult: (label: string, ok: number, count: number) => string;

  ownReasons: string;
  ownReasonsHint: string;
  switchTenant: string;
  expireLicence: string;
}

export const ENGLISH_DEMO_WORDS: DemoWords = {
  titles: { signIn: 'Sign in', home: 'Home', sessions: 'Active sessions', changePassword: 'Change password' },

  signInSubtitle: 'Sign in to continue',
  email: 'Email',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  password: 'Password',
  passwordSecret: 'password',
  passwordRequired: 'Enter your password.',
  signIn: 'Sign in',
  signingIn: 'Signing in',
  signInError: (error, supportContact) => {
    switch (error.kind) {
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
  },

  accountMenu: (name) => `${name}, account menu`,
  activeSessions: 'Active sessions',
  changePassword: 'Change password',
  signOut: 'Sign out',
  welcome: (name) => `Welcome, ${name}`,
  signedIn: (lifetime, rememberMe) =>
    `You are signed in ${
      lifetime ? (rememberMe ? `and remembered on this device for ${lifetime}.` : `for up to ${lifetime} on this device.`) : 'on this device.'
    } Your session renews itself in the background.`,

  tryApi: 'Try the API',
  tryApiHint: 'Each call shows how the app answers. None of them signs you out.',
  noCallYet: 'No call made yet.',
  endpoints: {
    data: 'Load data',
    forbidden: 'Forbidden',
    paymentRequired: 'Payment required',
    serverError: 'Server error',
    badGateway: 'Bad gateway',
    unavailable: 'Unavailable',
    networkCut: 'Network cut',
  },
  burst: (count) => `Load data ×${count}`,
  answeredOk: (label) => `${label}: the server answered 200 OK.`,
  burstResult: (label, ok, count) => `${label}: ${ok} of ${count} calls succeeded.`,

  ownReasons: "The app's own reasons",
  ownReasonsHint: 'Sign-outs this app defines: recorded, shown and reported like the built-in ones.',
  switchTenant: 'Switch organisation',
  expireLicence: 'Expire the licence',
};

/** The demo's words in the language it shows (main.ts picks the language before bootstrap). */
export const DEMO_WORDS = new InjectionToken<DemoWords>('DEMO_WORDS', {
  providedIn: 'root',
  factory: () => ENGLISH_DEMO_WORDS,
});
