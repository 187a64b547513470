import { DrawerWords } from '@logout-lens/angular';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span on its own, in the unit a person would use: "1 Minute", "10 Minuten", "3 Tage". */
function dauer(ms: number): string {
  const span = Math.abs(ms);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (span < MINUTE) return 'weniger als eine Minute';
  if (span < 2 * HOUR) return n(Math.round(span / MINUTE), 'Minute', 'Minuten');
  if (span < 2 * DAY) return n(Math.round(span / HOUR), 'Stunde', 'Stunden');
  return n(Math.round(span / DAY), 'Tag', 'Tage');
}

/** A refresh's outcome as recorded, in German (an outcome not listed shows as recorded). */
const OUTCOMES: Record<string, string> = { success: 'erfolgreich', 'transient-failure': 'vorübergehend fehlgeschlagen' };

/** The debug drawer and its launcher in German, for the demo's second language. */
export const GERMAN_DRAWER_WORDS: DrawerWords = {
  launcherLabel: 'Diagnosebereich (Strg+Umschalt+D)',
  launcherTooltip: '🔍 Diagnosebereich (Strg+Umschalt+D)',
  dialogLabel: 'Diagnosebereich',

  title: 'Diagnosebereich',
  close: 'Diagnosebereich schließen',
  details: 'Diagnosedetails',
  clockNote: (skewMs) =>
    `Zeiten umgerechnet: Die Uhr dieses Computers geht gegenüber dem Server ${dauer(skewMs)} ${skewMs >= 0 ? 'nach' : 'vor'}.`,

  status: 'Status',
  auth: 'Anmeldung',
  signedIn: 'Angemeldet',
  signedOut: 'Abgemeldet',
  user: 'Benutzer',
  session: 'Sitzung',
  rememberMe: 'Angemeldet bleiben',
  rememberMeValue: (rememberMe, lifetime) => `${rememberMe ? 'ja' : 'nein'}${lifetime === null ? '' : ` (${lifetime})`}`,
  device: 'Gerät',

  tokens: 'Tokens',
  accessToken: 'Zugriffstoken',
  refreshToken: 'Verlängerungs-Token (Sitzung)',
  timeLeft: (span) => `noch ${span}`,
  expiredAgo: (span) => `vor ${span} abgelaufen`,
  timeLeftLabel: (token) => `${token}: verbleibende Zeit`,
  nextRefreshMarker: 'Nächste geplante Verlängerung',
  nextRefresh: 'Nächste Verlängerung:',
  lastRefresh: 'Letzte Verlängerung:',
  lastRefreshValue: (outcome, time) => `${OUTCOMES[outcome] ?? outcome} um ${time}`,
  noRefresh: 'keine in diesem Tab',

  activity: 'Aktivität',
  idleFor: 'Inaktiv seit',
  lastActivity: 'Letzte Aktivität',
  tabsSeen: 'Erkannte Tabs',
  thisTab: 'dieser Tab:',
  clockSkew: 'Uhrabweichung',
  warning: 'Warnung',
  clockOff: 'die Uhr dieses Computers geht falsch',
  lateTimers: 'Verspätete Timer',

  diagnosis: 'Diagnose',

  history: 'Abmeldeverlauf',
  historyIdle: (seconds) => `${seconds} s inaktiv`,
  noHistory: 'In diesem Browser wurden keine Abmeldungen aufgezeichnet.',

  calls: 'Letzte API-Aufrufe',
  callTime: 'Zeit',
  callName: 'Aufruf',
  callStatus: 'Status',
  callMs: 'ms',
  noAnswer: 'Netzwerk',
  noCalls: 'Noch keine Aufrufe.',
  recentProblems: (failures, errors) =>
    `Zuletzt ${failures} ${failures === 1 ? 'fehlgeschlagener Aufruf' : 'fehlgeschlagene Aufrufe'} · ${errors} Fehler`,

  audit: 'Audit-Einträge des Servers für dieses Gerät',
  noAudit: 'Keine.',
  auditSignedOut: 'Wird angezeigt, solange Sie angemeldet sind.',

  logFullState: 'Vollständigen Zustand in der Konsole ausgeben',
  copyReport: 'Bericht kopieren',
  downloadReport: 'Bericht herunterladen',
  fullStateLogged: 'Der vollständige Zustand wurde in der Konsole ausgegeben.',
  reportCopied: 'Der Bericht wurde in die Zwischenablage kopiert.',
  copyFailed: 'Kopieren fehlgeschlagen – verwenden Sie „Bericht herunterladen“.',
};
