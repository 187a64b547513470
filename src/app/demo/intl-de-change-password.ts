import { ChangePasswordWords } from '@logout-lens/angular';

/** ChangePassword words in German, for the demo's second language. */
export const GERMAN_CHANGE_PASSWORD_WORDS: ChangePasswordWords = {
  back: 'Zurück',
  title: 'Passwort ändern',

  intro:
    'Wenn Sie Ihr Passwort ändern, werden alle anderen Geräte abgemeldet, die bei Ihrem Konto angemeldet sind. Dieses Gerät bleibt angemeldet.',
  currentPasswordLabel: 'Aktuelles Passwort',
  newPasswordLabel: 'Neues Passwort',
  newPasswordHint: 'Am besten eine lange Passphrase, die Sie nirgendwo sonst verwenden.',
  confirmationLabel: 'Neues Passwort bestätigen',
  currentPasswordSecret: 'Aktuelles Passwort',
  newPasswordSecret: 'Neues Passwort',
  confirmationSecret: 'Bestätigung',
  cancel: 'Abbrechen',
  submit: 'Passwort ändern',
  submitting: 'Passwort wird geändert …',

  currentPasswordRequired: 'Geben Sie Ihr aktuelles Passwort ein.',
  newPasswordRequired: 'Geben Sie ein neues Passwort ein.',
  confirmationRequired: 'Geben Sie das neue Passwort erneut ein.',
  confirmationMismatch: 'Die Passwörter stimmen nicht überein.',

  doneTitle: 'Passwort geändert',
  doneMessage: 'Sie bleiben hier angemeldet; alle anderen Geräte wurden abgemeldet.',
  done: 'Fertig',
};
