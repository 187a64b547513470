import { Injectable, inject, isDevMode } from '@angular/core';
import { Store } from '@ngrx/store';

import { AuthStorage } from '../auth/auth-storage';
import { authFeature } from '../auth/state/auth.feature';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { diagnose } from '../diagnosis/diagnose';
import { ApiCallLog } from '../diagnostics/api-call-log';
import { ErrorLog } from '../diagnostics/error-log';
import { TokenMonitor } from '../diagnostics/token-monitor';
import { EvidenceCollector } from '../logout/evidence-collector';
import { LastLogoutReason } from '../logout/last-logout-reason';
import { LogoutHistory } from '../logout/logout-history';
import { ActivityClock } from '../platform/activity-clock';
import { LOCAL_STORAGE, SESSION_STORAGE, WINDOW } from '../platform/browser.tokens';
import { ConsoleLog } from '../platform/console-log';
import { redactSecrets, redactText } from '../platform/redact-secrets';
import { TAB_ID } from '../platform/tab-id';
import { AuditRecord } from './audit-api';

/** Identifies the report format; bump the version when a field changes meaning. */
export const REPORT_SCHEMA = 'logout-lens.diagnostic-report';
export const REPORT_VERSION = 1;

const iso = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);

/**
 * The one file support needs to explain a sign-out: state, history, the last API calls and log
 * lines, errors, environment and configuration, and the diagnosis. Every buffer is bounded, and
 * the whole is scrubbed of anything secret before it leaves memory.
 */
@Injectable({ providedIn: 'root' })
export class DiagnosticReportBuilder {
  private readonly store = inject(Store);
  private readonly config = inject(LOGOUT_LENS_CONFIG);
  private readonly monitor = inject(TokenMonitor);
  private readonly evidence = inject(EvidenceCollector);
  private readonly activity = inject(ActivityClock);
  private readonly apiCalls = inject(ApiCallLog);
  private readonly errors = inject(ErrorLog);
  private readonly consoleLog = inject(ConsoleLog);
  private readonly history = inject(LogoutHistory);
  private readonly lastReason = inject(LastLogoutReason);
  private readonly authStorage = inject(AuthStorage);
  private readonly tabId = inject(TAB_ID);
  private readonly win = inject(WINDOW);
  private readonly local = inject(LOCAL_STORAGE);
  private readonly session = inject(SESSION_STORAGE);
  private readonly auth = this.store.selectSignal(authFeature.selectAuthState);

  build(serverAudit: readonly AuditRecord[] | null): Record<string, unknown> {
    const auth = this.auth();
    const nav = this.win?.navigator;
    const report = {
      schema: REPORT_SCHEMA,
      version: REPORT_VERSION,
      generated_at: new Date().toISOString(),
      app: { name: this.config.appName, version: this.config.appVersion, production: !isDevMode() },
      environment: {
        user_agent: nav?.userAgent ?? null,
        language: nav?.language ?? null,
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        online: nav?.onLine ?? null,
        storage: { local: this.local !== null, session: this.session !== null },
        url_path: this.win?.location.pathname ?? null,
      },
      configuration: this.config,
      diagnosis: diagnose(this.evidence.collect()),
      auth: {
        status: auth.status,
        user: auth.session?.user ?? null,
        session_id: auth.session?.sessionId ?? null,
        remember_me: auth.session?.rememberMe ?? null,
        device_id: this.authStorage.deviceId(),
        tab_id: this.tabId,
        last_refresh: auth.lastRefresh,
      },
      token_status: this.monitor.status(),
      activity: {
        last_activity_at: iso(this.activity.lastActivityAt()),
        idle_seconds: Math.round(this.activity.idleMs() / 1000),
      },
      logout_history: this.history.read(),
      last_logout_reason: this.lastReason.read(),
      api_calls: this.apiCalls.recentCalls().map((c) => ({ ...c, at: iso(c.at) })),
      api_failures: this.apiCalls.recentFailures().map((c) => ({ ...c, at: iso(c.at) })),
      console: this.consoleLog.recent().map((l) => ({ ...l, at: iso(l.at) })),
      errors: this.errors.recent().map((e) => ({ ...e, at: iso(e.at) })),
      server_audit: serverAudit,
    };
    // Belt and braces: nothing secret-looking survives, whatever a buffer picked up.
    return JSON.parse(redactText(JSON.stringify(redactSecrets(report))));
  }
}
