import { DemoWords } from './demo-words';

/** The demo app's own words in German (fetched with Logout Lens's German words, ?lang=de). */
export const GERMAN_DEMO_WORDS: DemoWords = {
  titles: { signIn: 'Anmelden', home: 'Start', sessions: 'Aktive Sitzungen', changePassword: 'Passwort ändern' },

  signInSubtitle: 'Melden Sie sich an, um fortzufahren',
  email: 'E-Mail',
  emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein.',
  emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.',
  password: 'Passwort',
  passwordSecret: 'Passwort',
  passwordRequired: 'Geben Sie Ihr Passwort ein.',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft',
  signInError: (error, supportContact) => {
    switch (error.kind) {
      case 'invalid-credentials':
        return 'E-Mail-Adresse oder Passwort ist falsch.';
      case 'account-disabled':
        return `Dieses Konto wurde deaktiviert. Wenden Sie sich an ${supportContact}, um den Zugang wiederherzustellen.`;
      case 'unreachable':
        return 'Der Server ist nicht erreichbar — prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';
      case 'throttled':
        return 'Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.';
      case 'invalid-input':
        return 'Bitte korrigieren Sie die markierten Felder.';
      case 'server':
        return `Auf dem Server ist ein Fehler aufgetreten (${error.status || 'keine Antwort'}). Versuchen Sie es erneut.`;
    }
  },

  accountMenu: (name) => `${name}, Kontomenü`,
  activeSessions: 'Aktive Sitzungen',
  changePassword: 'Passwort ändern',
  signOut: 'Abmelden',
  welcome: (name) => `Willkommen, ${name}`,
  signedIn: (lifetime, rememberMe) =>
    `Sie sind ${
      lifetime
        ? rememberMe
          ? `angemeldet und bleiben es auf diesem Gerät ${lifetime} lang.`
          : `auf diesem Gerät bis zu ${lifetime} lang angemeldet.`
        : 'auf diesem Gerät angemeldet.'
    } Ihre Sitzung verlängert sich im Hintergrund von selbst.`,

  tryApi: 'Die API ausprobieren',
  tryApiHint: 'Jeder Aufruf zeigt, wie die App antwortet. Keiner meldet Sie ab.',
  noCallYet: 'Noch kein Aufruf.',
  endpoints: {
    data: 'Daten laden',
    forbidden: 'Verboten',
    paymentRequired: 'Zahlung erforderlich',
    serverError: 'Serverfehler',
    badGateway: 'Fehlerhaftes Gateway',
    unavailable: 'Nicht verfügbar',
    networkCut: 'Netz getrennt',
  },
  burst: (count) => `Daten laden ×${count}`,
  answeredOk: (label) => `${label}: Der Server hat mit 200 OK geantwortet.`,
  burstResult: (label, ok, count) => `${label}: ${ok} von ${count} Aufrufen erfolgreich.`,

  ownReasons: 'Eigene Gründe der App',
  ownReasonsHint: 'Abmeldungen, die diese App festlegt: erfasst, angezeigt und gemeldet wie die eingebauten.',
  switchTenant: 'Organisation wechseln',
  expireLicence: 'Lizenz ablaufen lassen',
};
