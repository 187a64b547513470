import { Injectable, inject } from '@angular/core';
import { Store } from '@ngrx/store';

import { ServerClock } from '../auth/server-clock';
import { authFeature } from '../auth/state/auth.feature';
import { Evidence } from '../diagnosis/evidence';
import { ApiCallLog } from '../diagnostics/api-call-log';
import { diagnosticsFeature } from '../diagnostics/state/diagnostics.feature';
import { LogoutRecord } from '../model/logout-record';
import { CLOCK } from '../platform/browser.tokens';
import { LogoutHistory } from './logout-history';


/** Gathers what the diagnosis reasons from, at this moment. */
@Injectable({ providedIn: 'root' })
export class EvidenceCollector {
  private readonly store = inject(Store);
  private readonly clock = inject(CLOCK);
  private readonly serverClock = inject(ServerClock);
  private readonly history = inject(LogoutHistory);
  private readonly apiCalls = inject(ApiCallLog);
  private readonly session = this.store.selectSignal(authFeature.selectSession);
  private readonly lateTimers = this.store.selectSignal(diagnosticsFeature.selectLateTimers);

  /** The evidence now; `lastLogout` overrides the newest history record (the banner's own). */
  collect(lastLogout: LogoutRecord | null = this.history.read().at(-1) ?? null): Evidence {
    const session = this.session();
    return {
      now: this.clock(),
      signedIn: session !== null,
      session: session
        ? {
            rememberMe: session.rememberMe,
            startedAt: session.lifetimeSeconds ? session.refreshExpiresAt - session.lifetimeSeconds * 1000 : null,
            accessExpiresAt: session.accessExpiresAt,
            refreshExpiresAt: session.refreshExpiresAt,
          }
        : null,
      lastLogout,
      clockSkewMs: this.serverClock.skewMs(),
      lateTimers: this.lateTimers(),
      apiCalls: this.apiCalls.recentCalls(),
    };
  }
}
