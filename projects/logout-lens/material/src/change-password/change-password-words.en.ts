import { ChangePasswordWords } from '@logout-lens/angular';

/** Every word of the change-password form in English; an app changes them in `LogoutLensIntl.changePassword`. */
export const ENGLISH_CHANGE_PASSWORD_WORDS: ChangePasswordWords = {
  back: 'Back',
  title: 'Change password',

  intro: 'Changing your password signs out every other device signed in to your account. This device stays signed in.',
  currentPasswordLabel: 'Current password',
  newPasswordLabel: 'New password',
  newPasswordHint: 'A long passphrase you use nowhere else works best.',
  confirmationLabel: 'Confirm new password',
  currentPasswordSecret: 'current password',
  newPasswordSecret: 'new password',
  confirmationSecret: 'confirmation',
  cancel: 'Cancel',
  submit: 'Change password',
  submitting: 'Changing password…',

  currentPasswordRequired: 'Enter your current password.',
  newPasswordRequired: 'Enter a new password.',
  confirmationRequired: 'Enter the new password again.',
  confirmationMismatch: "The passwords don't match.",

  doneTitle: 'Password changed',
  doneMessage: "You're still signed in here; every other device has been signed out.",
  done: 'Done',
};
