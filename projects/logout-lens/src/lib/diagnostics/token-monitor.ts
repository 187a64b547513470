import { Injectable, inject } from '@angular/core';
import { Store } from '@ngrx/store';

import { refreshDueAt } from '../auth/refresh-schedule';
import { ServerClock } from '../auth/server-clock';
import { authFeature } from '../auth/state/auth.feature';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { LateTimer } from '../diagnosis/evidence';
import { CLOCK, WINDOW } from '../platform/browser.tokens';
import { diagnosticsFeature } from './state/diagnostics.feature';
import { TokenStatus, computeTokenStatus } from './token-status';

/** The support console's handle: `window.__tokenMonitor.getTokenStatus()`. */
export interface TokenMonitorHandle {
  getTokenStatus(): TokenStatus;
}

declare global {
  interface Window {
    __tokenMonitor?: TokenMonitorHandle;
  }
}

/** Computes the session's health at any moment, from the store and the clocks. */
@Injectable({ providedIn: 'root' })
export class TokenMonitor {
  private readonly store = inject(Store);
  private readonly serverClock = inject(ServerClock);
  private readonly clock = inject(CLOCK);
  private readonly leadMs = inject(LOGOUT_LENS_CONFIG).refreshLeadSeconds * 1000;
  private readonly session = this.store.selectSignal(authFeature.selectSession);
  private readonly lastRefresh = this.store.selectSignal(authFeature.selectLastRefresh);
  private readonly lateTimers = this.store.selectSignal(diagnosticsFeature.selectLateTimers);

  /** The status now; `late` adds a check that is being recorded as late. */
  status(late: LateTimer | null = null): TokenStatus {
    const session = this.session();
    return computeTokenStatus({
      session,
      lastRefresh: this.lastRefresh(),
      localNow: this.clock(),
      serverNow: this.serverClock.now(),
      clockSkewMs: this.serverClock.skewMs(),
      nextRefreshAt: session ? refreshDueAt(session, this.leadMs) : null,
      lateTimers: late ? [...this.lateTimers(), late] : this.lateTimers(),
    });
  }

  /** Exposes `window.__tokenMonitor` for support engineers. */
  install(win: Window | null = inject(WINDOW)): void {
    if (!win) return;
    const handle: TokenMonitorHandle = { getTokenStatus: () => this.status() };
    win.__tokenMonitor = Object.freeze(handle);
  }
}
