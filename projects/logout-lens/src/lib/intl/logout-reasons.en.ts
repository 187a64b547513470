import { LogoutPresentation } from '../model/logout-presentation';
import { BuiltInLogoutType } from '../model/logout-type';

/**
 * The built-in reasons in English: icon, tone, title, sentence and (for those the user may not
 * have caused) what to do. Loaded with what presents a sign-out (the sign-out path, the banner),
 * not at start; an app rewords them through `LogoutLensIntl.reasons`.
 */
export const ENGLISH_LOGOUT_REASONS: Record<BuiltInLogoutType, LogoutPresentation> = {
  USER_INITIATED: {
    icon: 'logout',
    tone: 'neutral',
    title: 'You signed out',
    sentence: 'You signed out of {app}.',
  },
  TOKEN_EXPIRED: {
    icon: 'schedule',
    tone: 'warning',
    title: 'Your session expired',
    sentence: 'Your session reached the end of its lifetime, so please sign in again.',
  },
  REFRESH_FAILED: {
    icon: 'sync_problem',
    tone: 'warning',
    title: "Your session couldn't be renewed",
    sentence: "Your session couldn't be renewed, so please sign in again.",
  },
  SESSION_REVOKED: {
    icon: 'block',
    tone: 'error',
    title: 'Your session was ended elsewhere',
    sentence: 'Your session was signed out from another place, such as the Active sessions page.',
    nextStep: 'sign in again, then change your password and check Active sessions for devices you don\'t know.',
  },
  PASSWORD_CHANGED: {
    icon: 'password',
    tone: 'error',
    title: 'Your password was changed',
    sentence: 'Your session ended because your password was changed on another device.',
    nextStep: 'someone may know your password. Contact {contact} now to reset it, then review Active sessions.',
  },
  TOKEN_REUSE_DETECTED: {
    icon: 'gpp_maybe',
    tone: 'error',
    title: 'Your session was closed to protect you',
    sentence: 'An old session key was used again, so the session was closed to protect your account.',
    nextStep:
      'sign in again, change your password, and sign out devices you don\'t know in Active sessions. Tell {contact} about it.',
  },
  IDLE_TIMEOUT: {
    icon: 'bedtime',
    tone: 'warning',
    title: 'You were inactive',
    sentence: 'You were signed out after a period of inactivity, as your organisation requires.',
  },
  AUTH_ERROR: {
    icon: 'error',
    tone: 'error',
    title: 'The server refused your session',
    sentence: 'The server refused your session even after renewing it, so please sign in again.',
  },
  ACCOUNT_DISABLED: {
    icon: 'person_off',
    tone: 'error',
    title: 'Your account was deactivated',
    sentence: 'An administrator deactivated your account, so you were signed out. Contact {contact} to restore access.',
  },
  SESSION_NOT_KEPT: {
    icon: 'memory',
    tone: 'warning',
    title: 'Your session did not survive the reload',
    sentence:
      "{app}'s server hands the session key to the page, so it was kept in this tab's memory only, and reloading with no other tab of {app} open lost it. Keep one tab open to stay signed in across reloads.",
  },
  UNKNOWN: {
    icon: 'help',
    tone: 'warning',
    title: 'You were signed out',
    sentence: 'You were signed out for a reason the app could not determine.',
  },
};
