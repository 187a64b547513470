import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';

import { AuthStorage } from '../auth/auth-storage';
import { EndedSession } from '../auth/state/auth.feature';
import { ApiCallLog } from '../diagnostics/api-call-log';
import { LogoutRecord } from '../model/logout-record';
import { ActivityClock } from '../platform/activity-clock';
import { newDeviceId } from '../platform/ids';
import { TAB_ID } from '../platform/tab-id';

const iso = (ms: number | null | undefined) =>
  typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;

/** Gathers everything known at the moment a session ends into one record. */
@Injectable({ providedIn: 'root' })
export class LogoutRecordBuilder {
  private readonly router = inject(Router);
  private readonly storage = inject(AuthStorage);
  private readonly activity = inject(ActivityClock);
  private readonly apiCalls = inject(ApiCallLog);
  private readonly tabId = inject(TAB_ID);

  build(ended: EndedSession): LogoutRecord {
    const { session, lastRefresh } = ended;
    return {
      id: newDeviceId(),
      type: ended.logoutType,
      message: ended.message,
      code: ended.code,
      occurred_at: new Date(ended.at).toISOString(),
      idle_seconds: Math.round(Math.max(0, ended.at - this.activity.lastActivityAt()) / 1000),
      route: this.router.url.split(/[?#]/)[0] || '/',
      tab_id: this.tabId,
      session_id: session?.sessionId || null,
      device_id: this.storage.deviceId(),
      user_id: session ? String(session.user.id) : null,
      remember_me: session?.rememberMe ?? null,
      access_expires_at: iso(session?.accessExpiresAt),
      refresh_expires_at: iso(session?.refreshExpiresAt),
      session_lifetime_seconds: session?.lifetimeSeconds ?? null,
      ...(ended.details ? { app_details: ended.details } : {}),
      last_refresh: lastRefresh
        ? {
            at: iso(lastRefresh.at)!,
            outcome: lastRefresh.outcome,
            status: lastRefresh.status,
            reason: lastRefresh.reason,
          }
        : null,
      api_failures: this.apiCalls.recentFailures(5).map((f) => ({
        method: f.method,
        path: f.path,
        status: f.status,
        at: iso(f.at)!,
      })),
      from_other_tab: ended.fromOtherTab,
      reuse_verdict: ended.reuse,
    };
  }
}
