import { SessionsWords } from '@logout-lens/angular';

const devices = (count: number): string => (count === 1 ? '1 anderes Gerät' : `${count} andere Geräte`);

/** Sessions words in German, for the demo's second language. */
export const GERMAN_SESSIONS_WORDS: SessionsWords = {
  back: 'Zurück zur Startseite',
  title: 'Aktive Sitzungen',
  loading: 'Sitzungen werden geladen',

  intro:
    'Diese Browser sind bei Ihrem Konto angemeldet. Wenn Sie einen nicht erkennen, melden Sie ihn ab; er muss sich dann erneut mit Ihrem Passwort anmelden.',
  signedInCount: (count) => (count === 1 ? '1 Gerät angemeldet' : `${count} Geräte angemeldet`),
  signOutOthers: 'Alle anderen Geräte abmelden',
  onlyThisDevice: 'Nur dieses Gerät ist angemeldet.',

  tableLabel: 'Angemeldete Geräte',
  deviceColumn: 'Browser und Betriebssystem',
  thisDevice: 'Dieses Gerät',
  signedInColumn: 'Angemeldet',
  lastActiveColumn: 'Zuletzt aktiv',
  ipColumn: 'IP-Adresse',
  rememberMeColumn: 'Angemeldet bleiben',
  deviceIdColumn: 'Geräte-ID',
  actionsColumn: 'Aktionen',
  signOut: 'Abmelden',
  unknown: 'Unbekannt',
  rememberMeValue: (rememberMe, lifetime) => `${rememberMe ? 'Ja' : 'Nein'}${lifetime === null ? '' : `, ${lifetime}`}`,

  justNow: 'gerade eben',
  minutesAgo: (minutes) => (minutes === 1 ? 'vor 1 Minute' : `vor ${minutes} Minuten`),
  hoursAgo: (hours) => (hours === 1 ? 'vor 1 Stunde' : `vor ${hours} Stunden`),
  daysAgo: (days) => (days === 1 ? 'gestern' : `vor ${days} Tagen`),
  weeksAgo: (weeks) => (weeks === 1 ? 'letzte Woche' : `vor ${weeks} Wochen`),
  monthsAgo: (months) => (months === 1 ? 'letzten Monat' : `vor ${months} Monaten`),
  yearsAgo: (years) => (years === 1 ? 'letztes Jahr' : `vor ${years} Jahren`),

  browserOnOs: (browser, os) => `${browser} unter ${os}`,
  unknownBrowser: 'Unbekannter Browser',

  anUnknownBrowser: 'Ein unbekannter Browser',
  signedOutDevice: (device) => `${device} wurde abgemeldet.`,
  alreadySignedOut: 'Dieses Gerät war bereits abgemeldet.',
  signOutDeviceFailed: (device, detail) => `${device} konnte nicht abgemeldet werden. ${detail}`,
  signedOutOthers: (count) => `${devices(count)} ${count === 1 ? 'wurde' : 'wurden'} abgemeldet.`,
  signOutOthersFailed: (detail) => `Die anderen Geräte konnten nicht abgemeldet werden. ${detail}`,

  loadFailedTitle: 'Ihre Sitzungen konnten nicht geladen werden',
  tryAgain: 'Erneut versuchen',
  emptyTitle: 'Keine aktiven Sitzungen',
  emptyMessage: 'Derzeit ist kein Browser bei Ihrem Konto angemeldet.',

  confirmTitle: 'Alle anderen Geräte abmelden?',
  confirmMessage: (count) =>
    `${devices(count)} ${count === 1 ? 'wird' : 'werden'} abgemeldet. Wer ${count === 1 ? 'es' : 'sie'} verwendet, muss sich erneut anmelden.`,
  confirmThisDeviceStays: 'Dieses Gerät bleibt angemeldet.',
  cancel: 'Abbrechen',
  confirm: 'Andere abmelden',
};
