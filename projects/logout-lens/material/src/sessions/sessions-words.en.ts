import { SessionsWords } from '@logout-lens/angular';

const devices = (count: number): string => (count === 1 ? '1 other device' : `${count} other devices`);

/** Every word of the Active sessions page in English; an app changes them in `LogoutLensIntl.sessions`. */
export const ENGLISH_SESSIONS_WORDS: SessionsWords = {
  back: 'Back to home',
  title: 'Active sessions',
  loading: 'Loading sessions',

  intro:
    "These are the browsers signed in to your account. If you don't recognise one, sign it out; it will have to sign in again with your password.",
  signedInCount: (count) => (count === 1 ? '1 device signed in' : `${count} devices signed in`),
  signOutOthers: 'Sign out all other devices',
  onlyThisDevice: 'Only this device is signed in.',

  tableLabel: 'Signed-in devices',
  deviceColumn: 'Browser and OS',
  thisDevice: 'This device',
  signedInColumn: 'Signed in',
  lastActiveColumn: 'Last active',
  ipColumn: 'IP address',
  rememberMeColumn: 'Remember me',
  deviceIdColumn: 'Device ID',
  actionsColumn: 'Actions',
  signOut: 'Sign out',
  unknown: 'Unknown',
  rememberMeValue: (rememberMe, lifetime) => `${rememberMe ? 'Yes' : 'No'}${lifetime === null ? '' : `, ${lifetime}`}`,

  justNow: 'just now',
  minutesAgo: (minutes) => (minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`),
  hoursAgo: (hours) => (hours === 1 ? '1 hour ago' : `${hours} hours ago`),
  daysAgo: (days) => (days === 1 ? 'yesterday' : `${days} days ago`),
  weeksAgo: (weeks) => (weeks === 1 ? 'last week' : `${weeks} weeks ago`),
  monthsAgo: (months) => (months === 1 ? 'last month' : `${months} months ago`),
  yearsAgo: (years) => (years === 1 ? 'last year' : `${years} years ago`),

  browserOnOs: (browser, os) => `${browser} on ${os}`,
  unknownBrowser: 'Unknown browser',

  anUnknownBrowser: 'an unknown browser',
  signedOutDevice: (device) => `Signed out ${device}.`,
  alreadySignedOut: 'That device was already signed out.',
  signOutDeviceFailed: (device, detail) => `Couldn't sign out ${device}. ${detail}`,
  signedOutOthers: (count) => `Signed out ${devices(count)}.`,
  signOutOthersFailed: (detail) => `Couldn't sign out the other devices. ${detail}`,

  loadFailedTitle: "Couldn't load your sessions",
  tryAgain: 'Try again',
  emptyTitle: 'No active sessions',
  emptyMessage: 'No browser is signed in to your account right now.',

  confirmTitle: 'Sign out all other devices?',
  confirmMessage: (count) =>
    `${devices(count)} will be signed out. Anyone using ${count === 1 ? 'it' : 'them'} will have to sign in again.`,
  confirmThisDeviceStays: 'This device stays signed in.',
  cancel: 'Cancel',
  confirm: 'Sign out others',
};
