import { DiagnosisWords } from '@logout-lens/angular';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'medium' });

/** A span after a preposition ("nach", "vor", "in": dative, "7 Tagen") or on its own (accusative, "7 Tage"). */
function dauer(ms: number, afterPreposition = true): string {
  const span = Math.abs(ms);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (span < MINUTE) return afterPreposition ? 'weniger als einer Minute' : 'weniger als eine Minute';
  if (span < 2 * HOUR) return n(Math.round(span / MINUTE), 'Minute', 'Minuten');
  if (span < 2 * DAY) return n(Math.round(span / HOUR), 'Stunde', 'Stunden');
  return n(Math.round(span / DAY), 'Tag', afterPreposition ? 'Tagen' : 'Tage');
}

/** The diagnosis in German, for the demo's second language. `duration` reads after a preposition. */
export const GERMAN_DIAGNOSIS_WORDS: DiagnosisWords = {
  duration: dauer,
  clockOffset: (skewMs) => `${dauer(skewMs, false)} ${skewMs >= 0 ? 'nach' : 'vor'}`,
  times: (count) => (count === 1 ? 'einmal' : count === 2 ? 'zweimal' : `${count}-mal`),
  statuses: (statuses) => {
    const names = [...new Set(statuses)].map((s) => (s === 0 ? 'einem Netzwerkfehler' : String(s)));
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} und ${names[names.length - 1]}`;
  },
  time: (epochMs) => TIME.format(epochMs),

  clockSkewAtExpiry: ({ expired, earlyMs, skewMs }, w) =>
    `${expired ? 'Die Sitzung galt als abgelaufen' : 'Der Browser hat das Sitzungs-Cookie nicht mehr gesendet'}` +
    `${earlyMs === null ? '' : ` (${w.duration(earlyMs)} vor ihrem Ende)`}, und die Uhr dieses ` +
    `Computers geht ${w.clockOffset(skewMs)}: Vermutlich liegt es an der falschen Uhrzeit.`,
  tokenExpiredAt: ({ at }, w) => `Das Verlängerungs-Token ist am ${w.time(at)} abgelaufen.`,
  tokenExpired: ({ rememberMe, ageMs }, w) =>
    `Das Verlängerungs-Token ist abgelaufen: Diese Sitzung wurde vor ${w.duration(ageMs)} ` +
    `${rememberMe ? 'mit' : 'ohne'} „Angemeldet bleiben“ begonnen.`,
  simplejwtNoRememberMe: ({ lifetimeMs }, w) =>
    '„Angemeldet bleiben“ war gewählt, aber simplejwt ohne Erweiterung kennt es nicht: Jede Sitzung erhält ' +
    `die REFRESH_TOKEN_LIFETIME des Servers (${w.duration(lifetimeMs)}), gleich, was das Kästchen sagt. ` +
    'Verlängern Sie REFRESH_TOKEN_LIFETIME, oder binden Sie logout_lens.contrib.simplejwt ein: eine eigene Laufzeit je Wahl.',
  simplejwtSlidingLifetimeEnded: ({ lifetimeMs, sinceRefreshMs }, w) =>
    `Die Sitzung blieb ${w.duration(sinceRefreshMs)} ohne Verlängerung: Mit ` +
    `ROTATE_REFRESH_TOKENS beginnt jede Verlängerung die REFRESH_TOKEN_LIFETIME (${w.duration(lifetimeMs)}) neu, ` +
    'die Sitzung endet also nach so langer Zeit ohne Verlängerung (Laptop zugeklappt, App nicht geöffnet) statt zu einem festen Zeitpunkt.',
  tokenReuseRace: () =>
    'Anfragen dieses Browsers haben sich überschnitten: Ein älterer Sitzungsschlüssel kam nach der Kulanzfrist ' +
    'von derselben Adresse und demselben Browser zurück, wie es bei einem verspätet verlängernden Tab geschieht.',
  tokenReuse: ({ at, theft }, w) =>
    theft
      ? `Ein alter Sitzungsschlüssel wurde am ${w.time(at)} von einer anderen Netzwerkadresse oder einem anderen ` +
        'Browser erneut verwendet, daher hat der Server die Sitzung beendet: wahrscheinlich ein gestohlenes Cookie. ' +
        'Ändern Sie das Passwort und prüfen Sie die aktiven Sitzungen.'
      : `Ein alter Sitzungsschlüssel wurde am ${w.time(at)} erneut verwendet, daher hat der Server die Sitzung zum ` +
        'Schutz des Kontos beendet: Ein gestohlenes Cookie oder eine wiederhergestellte Sicherung des Browserprofils kann das auslösen.',
  passwordChanged: ({ at }, w) =>
    `Das Passwort des Kontos wurde geändert, was jede Sitzung beendet; dieser Browser hat es am ${w.time(at)} erfahren.`,
  accountDisabled: ({ at }, w) =>
    'Ein Administrator hat das Konto deaktiviert, was jede Sitzung beendet; dieser Browser hat es am ' +
    `${w.time(at)} erfahren. Nur ein Administrator kann es wieder aktivieren.`,
  sessionRevoked: ({ at }, w) =>
    'Diese Sitzung wurde von einem anderen Gerät oder auf der Seite „Aktive Sitzungen“ beendet; dieser Browser ' +
    `hat es am ${w.time(at)} erfahren.`,
  userSignedOut: ({ at, fromOtherTab }, w) =>
    fromOtherTab
      ? `Die Person hat sich am ${w.time(at)} in einem anderen Tab abgemeldet, was jeden Tab abmeldet.`
      : `Die Person hat am ${w.time(at)} „Abmelden“ gewählt.`,
  idleTimeout: ({ idleMs }, w) =>
    `Die Inaktivitätsregel der Organisation hat die Person nach ${w.duration(idleMs)} ohne Aktivität abgemeldet.`,
  authError: ({ failure }) => {
    const answer = !failure
      ? ''
      : failure.status === 0
        ? ` (${failure.method} ${failure.path} bekam keine Antwort)`
        : ` (${failure.method} ${failure.path} antwortete ${failure.status})`;
    return (
      `Der Server hat die Sitzung direkt nach einer erfolgreichen Verlängerung abgelehnt${answer}; ` +
      'vermutlich liegt es an der Anmeldekonfiguration der API, nicht an der Sitzung.'
    );
  },
  sessionNotKept: ({ at }, w) =>
    `Die Seite wurde am ${w.time(at)} neu geladen oder wieder geöffnet, ohne dass ein anderer Tab der App offen war: ` +
    'Der Server übergibt das Verlängerungs-Token der Seite (simplejwt ohne Erweiterung), es lag also nur im Speicher ' +
    'der Tabs und ging mit ihnen verloren. Nichts ist fehlgeschlagen; damit Sitzungen das Neuladen überstehen, ' +
    'binden Sie logout_lens.contrib.simplejwt ein (das Token liegt dann in einem HttpOnly-Cookie).',
  cookieMissing: () =>
    'Der Browser hat das Sitzungs-Cookie nicht mehr gesendet – Cookies wurden gelöscht, blockiert, oder das Cookie ist abgelaufen.',
  signOutUnexplained: ({ at, type, code }, w) =>
    `Für die Abmeldung am ${w.time(at)} gibt es keine genauere Erklärung ` +
    `(erfasst als ${type}${code ? ` mit dem Code ${code}` : ''}).`,

  sessionEndingSoon: ({ leftMs }, w) =>
    leftMs > 0
      ? `Die Sitzung endet in ${w.duration(leftMs)}; danach ist eine neue Anmeldung nötig.`
      : 'Die Sitzung hat das Ende ihrer Laufzeit erreicht; eine neue Anmeldung ist jetzt nötig.',
  accessOutlivesSession: ({ byMs }, w) =>
    `Das Zugriffs-Token überdauert die Sitzung um ${w.duration(byMs)}: Die Zugriffslaufzeit (ACCESS_TOKEN_LIFETIME ` +
    'bei simplejwt) ist länger als die Verlängerungslaufzeit. Die API nimmt das Token also noch nach dem Ende ' +
    'der Sitzung an, und eine Abmeldung kann das nicht verhindern.',
  refreshFailing: ({ count, statuses }, w) =>
    `Die Verlängerung ist ${w.times(count)} mit ${w.statuses(statuses)} fehlgeschlagen; die Sitzung blieb bestehen.`,
  clockSkew: ({ skewMs }, w) => `Die Uhr dieses Computers geht ${w.clockOffset(skewMs)}.`,
  laptopSlept: ({ sleptMs, restored }, w) =>
    `Der Laptop war ${dauer(sleptMs, false)} im Ruhezustand; die Sitzung wurde ` +
    `${restored ? 'beim Aufwachen wiederhergestellt' : 'beibehalten'}.`,
  signedOutWithoutRecord: () => 'Nicht angemeldet, und in diesem Browser ist keine Abmeldung erfasst.',
  healthy: ({ afterSignOut }) =>
    afterSignOut
      ? 'Seit der letzten Anmeldung ist kein Risiko zu sehen: Die Sitzung ist in Ordnung.'
      : 'Keine Abmeldung erfasst und kein Risiko zu sehen: Die Sitzung ist in Ordnung.',
};
