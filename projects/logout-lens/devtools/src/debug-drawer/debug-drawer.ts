import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe, DecimalPipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Store } from '@ngrx/store';
import { catchError, of, timer } from 'rxjs';

import {
  ActivityClock,
  ApiCallLog,
  AuditRecord,
  authFeature,
  AuthStorage,
  ErrorLog,
  LogoutLensIntl,
  LogoutLensKit,
  SESSION_SCHEDULER,
  SessionInfo,
  TAB_ID,
  TabRegistry,
  TIME_FORMAT,
  WINDOW,
  intlWords,
} from '@logout-lens/angular';
import { clockCorrectionNote, isNotableSkew } from './clock-note';
import { ENGLISH_DRAWER_WORDS } from './drawer-words.en';
import { TokenTimeline, formatSpan } from './token-timeline';

/**
 * The support engineer's view of the session, live. Lazy-loaded on first open. Every time is shown
 * on this computer's clock: server times (expiries, the next refresh, audit records) are converted
 * with the skew estimate, so times from both clocks line up.
 */
@Component({
  selector: 'll-debug-drawer',
  imports: [
    DatePipe,
    DecimalPipe,
    JsonPipe,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatExpansionModule,
    MatIconModule,
    TokenTimeline,
  ],
  templateUrl: './debug-drawer.html',
  styleUrl: './debug-drawer.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DebugDrawer {
  protected readonly intl = inject(LogoutLensIntl);
  /** The drawer's words: the app's (`LogoutLensIntl.drawer`) where it set them, English for the rest. */
  protected readonly words = intlWords(this.intl, (i) => i.drawer, ENGLISH_DRAWER_WORDS);
  /** Every date and time in the drawer, in the app's one format (local time). */
  protected readonly timeFormat = TIME_FORMAT;
  private readonly store = inject(Store);
  /** The report, diagnosis, history and monitor, fetched with the drawer (`loadLogoutLensKit()`). */
  private readonly kit = inject<LogoutLensKit>(MAT_DIALOG_DATA);
  private readonly monitor = inject(this.kit.TokenMonitor);
  private readonly evidence = inject(this.kit.EvidenceCollector);
  private readonly activity = inject(ActivityClock);
  private readonly reports = inject(this.kit.DiagnosticReportBuilder);
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  private readonly win = inject(WINDOW);
  protected readonly tabId = inject(TAB_ID);
  protected readonly otherTabs = inject(TabRegistry).others;
  protected readonly deviceId = inject(AuthStorage).deviceId();
  private readonly apiCalls = inject(ApiCallLog);
  private readonly errors = inject(ErrorLog);
  private readonly history = inject(this.kit.LogoutHistory);

  /** Ticks every second so countdowns stay live while the drawer is open. */
  private readonly now = toSignal(timer(0, 1000, inject(SESSION_SCHEDULER)), { initialValue: 0 });
  protected readonly auth = this.store.selectSignal(authFeature.selectAuthState);
  protected readonly status = computed(() => (this.now(), this.monitor.status()));
  protected readonly diagnosis = computed(() => (this.now(), this.kit.diagnose(this.evidence.collect(), this.intl.diagnosis)));
  protected readonly idle = computed(() => (this.now(), formatSpan(Math.max(0, Math.round(this.activity.idleMs() / 1000)))));
  protected readonly lastActivity = computed(() => (this.now(), this.activity.lastActivityAt()));
  protected readonly recentLogouts = computed(() => (this.now(), [...this.history.read()].reverse().slice(0, 10)));
  protected readonly calls = computed(() => (this.now(), [...this.apiCalls.recentCalls()].reverse().slice(0, 15)));
  protected readonly failures = computed(() => (this.now(), [...this.apiCalls.recentFailures()].reverse().slice(0, 10)));
  protected readonly recentErrors = computed(() => (this.now(), [...this.errors.recent()].reverse()));
  protected readonly accessLifetime = computed(() => {
    const session = this.auth().session;
    return session ? Math.max(1, (session.accessExpiresAt - session.issuedAt) / 1000) : 3600;
  });
  protected readonly refreshLifetime = computed(() => {
    // The server's policy for this session; else what is left of it stands in for the whole.
    const session = this.auth().session;
    if (!session) return 1;
    return session.lifetimeSeconds ?? Math.max(1, (session.refreshExpiresAt - session.issuedAt) / 1000);
  });
  /** "yes (20 days)": the choice, and the lifetime the server gave the session. */
  protected rememberMe(session: SessionInfo): string {
    const seconds = session.lifetimeSeconds ?? null;
    return this.words().rememberMeValue(session.rememberMe, seconds === null ? null : this.intl.lifetime(seconds));
  }
  protected readonly nextRefreshIn = computed(() => {
    const next = this.status().nextRefreshAt;
    const left = this.status().access.secondsLeft;
    const accessAt = this.status().access.expiresAt;
    if (!next || left === null || !accessAt) return null;
    return left - Math.round((Date.parse(accessAt) - Date.parse(next)) / 1000);
  });
  protected readonly serverAudit = signal<AuditRecord[] | null>(null);
  protected readonly skewWarning = computed(() => isNotableSkew(this.status().clockSkewMs));
  /** Said once, at the top, when the conversion from server time changed the times noticeably. */
  protected readonly clockNote = computed(() =>
    clockCorrectionNote(this.status().clockSkewMs, this.words(), (skewMs) =>
      (this.intl.diagnosis.clockOffset ?? this.kit.ENGLISH_DIAGNOSIS_WORDS.clockOffset)(skewMs),
    ),
  );
  protected readonly nextRefreshAt = computed(() => this.toLocal(this.status().nextRefreshAt));

  constructor() {
    if (this.auth().status === 'signed-in') {
      inject(this.kit.AuditApi)
        .forDevice(this.deviceId)
        .pipe(catchError(() => of(null)))
        .subscribe((records) => this.serverAudit.set(records));
    }
  }

  /** A server-clock instant (ISO) as epoch ms on this computer's clock, by the status's skew. */
  protected toLocal(serverTime: string | null): number | null {
    const at = serverTime ? Date.parse(serverTime) : NaN;
    return Number.isFinite(at) ? at - this.status().clockSkewMs : null;
  }

  /** A local instant for a `<time datetime>` attribute. */
  protected iso(at: number): string {
    return new Date(at).toISOString();
  }

  protected short(id: string | null | undefined): string {
    return id ? `${id.slice(0, 8)}…` : '—';
  }

  protected logFullState(): void {
    const report = this.reports.build(this.serverAudit());
    console.groupCollapsed('%c[DebugPanel]%c Full state', 'color:#1565c0;font-weight:bold', '');
    console.log('[DebugPanel] Full state', report);
    console.groupEnd();
    this.snackBar.open(this.words().fullStateLogged, undefined, { duration: 3000 });
  }

  protected copyReport(): void {
    const copied = this.clipboard.copy(this.reportText());
    const words = this.words();
    this.snackBar.open(copied ? words.reportCopied : words.copyFailed, undefined, { duration: 3000 });
  }

  protected downloadReport(): void {
    const doc = this.win?.document;
    if (!doc) return;
    const blob = new Blob([this.reportText()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = `logout-lens-report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private reportText(): string {
    return JSON.stringify(this.reports.build(this.serverAudit()), null, 2);
  }
}
