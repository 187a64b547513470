import { Injectable } from '@angular/core';

import { AlertWords, BannerWords, IdleWords, LogoutLensIntl, LogoutPresentation, RestoringWords } from '@logout-lens/angular';

export { GERMAN_APP_LOGOUT_REASONS } from './intl-de-reasons';
import { GERMAN_CHANGE_PASSWORD_WORDS } from './intl-de-change-password';
import { GERMAN_DIAGNOSIS_WORDS } from './intl-de-diagnosis';
import { GERMAN_DRAWER_WORDS } from './intl-de-drawer';
import { GERMAN_SESSIONS_WORDS } from './intl-de-sessions';

/** Logout Lens in German: the demo's second language (open the app with `?lang=de`). */
@Injectable()
export class GermanLogoutLensIntl extends LogoutLensIntl {
  override reasons = {
    USER_INITIATED: { icon: 'logout', tone: 'neutral', title: 'Sie haben sich abgemeldet', sentence: 'Sie haben sich von {app} abgemeldet.' },
    TOKEN_EXPIRED: {
      icon: 'schedule',
      tone: 'warning',
      title: 'Ihre Sitzung ist abgelaufen',
      sentence: 'Ihre Sitzung hat das Ende ihrer Laufzeit erreicht. Bitte melden Sie sich erneut an.',
    },
    REFRESH_FAILED: {
      icon: 'sync_problem',
      tone: 'warning',
      title: 'Ihre Sitzung konnte nicht verlängert werden',
      sentence: 'Ihre Sitzung konnte nicht verlängert werden. Bitte melden Sie sich erneut an.',
    },
    SESSION_REVOKED: {
      icon: 'block',
      tone: 'error',
      title: 'Ihre Sitzung wurde an anderer Stelle beendet',
      sentence: 'Ihre Sitzung wurde von anderer Stelle abgemeldet, etwa auf der Seite „Aktive Sitzungen“.',
      nextStep: 'melden Sie sich erneut an, ändern Sie Ihr Passwort und prüfen Sie die aktiven Sitzungen auf unbekannte Geräte.',
    },
    PASSWORD_CHANGED: {
      icon: 'password',
      tone: 'error',
      title: 'Ihr Passwort wurde geändert',
      sentence: 'Ihre Sitzung wurde beendet, weil Ihr Passwort auf einem anderen Gerät geändert wurde.',
      nextStep: 'jemand könnte Ihr Passwort kennen. Wenden Sie sich sofort an {contact}, um es zurückzusetzen.',
    },
    TOKEN_REUSE_DETECTED: {
      icon: 'gpp_maybe',
      tone: 'error',
      title: 'Ihre Sitzung wurde zu Ihrem Schutz beendet',
      sentence: 'Ein alter Sitzungsschlüssel wurde erneut verwendet, daher wurde die Sitzung zum Schutz Ihres Kontos beendet.',
      nextStep: 'melden Sie sich erneut an, ändern Sie Ihr Passwort und informieren Sie {contact}.',
    },
    IDLE_TIMEOUT: {
      icon: 'bedtime',
      tone: 'warning',
      title: 'Sie waren inaktiv',
      sentence: 'Sie wurden nach einer Zeit der Inaktivität abgemeldet, wie es Ihre Organisation verlangt.',
    },
    AUTH_ERROR: {
      icon: 'error',
      tone: 'error',
      title: 'Der Server hat Ihre Sitzung abgelehnt',
      sentence: 'Der Server hat Ihre Sitzung auch nach der Verlängerung abgelehnt. Bitte melden Sie sich erneut an.',
    },
    ACCOUNT_DISABLED: {
      icon: 'person_off',
      tone: 'error',
      title: 'Ihr Konto wurde deaktiviert',
      sentence: 'Ein Administrator hat Ihr Konto deaktiviert. Wenden Sie sich an {contact}, um den Zugang wiederherzustellen.',
    },
    SESSION_NOT_KEPT: {
      icon: 'memory',
      tone: 'warning',
      title: 'Ihre Sitzung hat das Neuladen nicht überstanden',
      sentence:
        'Der Server von {app} übergibt den Sitzungsschlüssel der Seite selbst. Er lag daher nur im Speicher dieses Tabs, und das Neuladen ohne einen weiteren geöffneten Tab von {app} hat ihn verloren. Lassen Sie einen Tab offen, um über das Neuladen hinweg angemeldet zu bleiben.',
    },
    UNKNOWN: {
      icon: 'help',
      tone: 'warning',
      title: 'Sie wurden abgemeldet',
      sentence: 'Sie wurden aus einem Grund abgemeldet, den die App nicht feststellen konnte.',
    },
  } satisfies Record<string, LogoutPresentation>;

  override unknownReason(type: string): string {
    return `Sie wurden abgemeldet (${type}).`;
  }

  override lifetime(seconds: number): string {
    const hours = Math.round(seconds / 3600);
    if (hours < 48) return hours === 1 ? '1 Stunde' : `${hours} Stunden`;
    const days = Math.round(hours / 24);
    return days === 1 ? '1 Tag' : `${days} Tage`;
  }
  override rememberMeLabel = (seconds: number | null): string =>
    seconds === null ? 'Auf diesem Gerät angemeldet bleiben' : `${this.lifetime(seconds)} angemeldet bleiben`;

  override alert = {
    fromOtherTab: 'Das geschah in einem anderen Tab dieses Browsers.',
    reasonCode: 'Grund:',
    countdown: (seconds: number): string => `Weiter zur Anmeldung in ${seconds} s …`,
    signInAgain: 'Erneut anmelden',
  } satisfies AlertWords;

  override banner = {
    label: 'Warum Sie abgemeldet wurden',
    fromOtherTab: 'Es geschah in einem anderen Tab dieses Browsers.',
    ifNotYou: 'Falls Sie das nicht waren:',
    details: 'Details',
    forIt: 'Für Ihre IT',
    type: 'Typ',
    time: 'Zeit',
    idleTime: 'Inaktiv seit',
    accessExpiry: 'Ablauf des Zugriffstokens',
    sessionExpiry: 'Ablauf der Sitzung',
    rememberMe: 'Angemeldet bleiben',
    rememberMeValue: (rememberMe: boolean, lifetime: string | null): string =>
      `${rememberMe ? 'ja' : 'nein'}${lifetime === null ? '' : ` (${lifetime})`}`,
    lastFailure: 'Letzte fehlgeschlagene Anfrage',
    noAnswer: 'keine Antwort',
    at: 'um',
    none: 'keine',
    lastRefresh: 'Letzte Verlängerung',
    noRefresh: 'keine in diesem Tab',
  } satisfies BannerWords;

  override restoring = {
    label: 'Ihre Sitzung wird wiederhergestellt',
    message: 'Ihre Sitzung wird wiederhergestellt …',
    unreachable: 'Der Server ist nicht erreichbar – neuer Versuch läuft',
    retry: 'Erneut versuchen',
  } satisfies RestoringWords;

  override idle = {
    title: 'Sind Sie noch da?',
    intro: 'Sie waren eine Weile inaktiv. Zu Ihrer Sicherheit werden Sie abgemeldet in',
    hint: 'Bewegen Sie die Maus oder drücken Sie eine Taste, um angemeldet zu bleiben.',
    stay: 'Angemeldet bleiben',
    announcement: (left: string): string => `Sie werden in ${left} abgemeldet.`,
    spokenDuration: (seconds: number): string =>
      seconds >= 120 ? `${Math.round(seconds / 60)} Minuten` : seconds === 1 ? '1 Sekunde' : `${seconds} Sekunden`,
  } satisfies IdleWords;
  override idleSignedOutMessage = (minutes: number): string => `Nach ${minutes} min ohne Aktivität abgemeldet.`;

  override showSecret = (what: string): string => `${what} anzeigen`;
  override hideSecret = (what: string): string => `${what} verbergen`;

  override dismiss = 'Schließen';
  override refreshRetrying = (status: number): string =>
    `Ihre Sitzung konnte gerade nicht verlängert werden (${status === 0 ? 'Server nicht erreichbar' : `Antwort ${status}`}). Sie bleiben angemeldet; es wird erneut versucht.`;
  override httpError(status: number): string {
    const still = 'Sie bleiben angemeldet.';
    if (status === 0) return `Der Server ist nicht erreichbar – prüfen Sie Ihre Verbindung. ${still}`;
    if (status === 402) return `Diese Aktion erfordert einen kostenpflichtigen Tarif (402). ${still}`;
    if (status === 403) return `Der Server hat diese Aktion abgelehnt (403). ${still}`;
    if (status === 404) return `Der Server kennt diese Adresse nicht (404). ${still}`;
    if (status === 429) return `Zu viele Anfragen – bitte warten Sie einen Moment. ${still}`;
    if (status === 502 || status === 503 || status === 504) {
      return `Der Server ist vorübergehend nicht verfügbar (${status}). ${still}`;
    }
    if (status >= 500) return `Der Server hat einen Fehler gemeldet (${status}). ${still}`;
    if (status === 401) return 'Der Server hat ein neues Anmeldetoken verlangt (401).';
    return `Die Anfrage ist fehlgeschlagen (${status}). ${still}`;
  }

  override diagnosis = GERMAN_DIAGNOSIS_WORDS;
  override drawer = GERMAN_DRAWER_WORDS;
  override sessions = GERMAN_SESSIONS_WORDS;
  override changePassword = GERMAN_CHANGE_PASSWORD_WORDS;
}
