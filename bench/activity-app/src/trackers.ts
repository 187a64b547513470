import { EnvironmentProviders, Provider, inject, provideAppInitializer } from '@angular/core';
import { provideNgIdle, Idle } from '@ng-idle/core';
import { Actions, ofType, provideEffects } from '@ngrx/effects';
import { provideStore } from '@ngrx/store';

// The product's own activity tracking and idle policy, wired as src/app/app.config.ts wires them.
import { AuthState, authFeature, initialAuthState } from '../../../projects/logout-lens/src/lib/auth/state/auth.feature';
import { provideLogoutLensConfig } from '../../../projects/logout-lens/src/lib/config/logout-lens.config';
import { ActivityActions } from '../../../projects/logout-lens/src/lib/diagnostics/state/diagnostics.actions';
import { DiagnosticsState, diagnosticsFeature } from '../../../projects/logout-lens/src/lib/diagnostics/state/diagnostics.feature';
import * as activityEffects from '../../../projects/logout-lens/src/lib/diagnostics/state/activity.effects';
import * as idleEffects from '../../../projects/logout-lens/src/lib/idle/idle.effects';
import { shareActivity } from '../../../projects/logout-lens/src/lib/sync/tab-sync.effects';
// The peer app's ng-idle setup (bench/peer-app), as the bundle bench builds it.
import { PeerIdle } from '../../peer-app/src/app/idle/peer-idle';

export type Mode = 'none' | 'ours' | 'ng-idle';

/** What the bench page exposes to bench/activity.mjs. */
export interface BenchState {
  mode: Mode;
  ready: boolean;
  /** ApplicationRef change-detection passes (`_tick`). */
  ticks: number;
  /** Throttled emissions: ActivityActions.detected (ours) or Idle.onInterrupt (ng-idle). */
  emitted: number;
}

export function benchState(): BenchState {
  return (window as unknown as { __bench: BenchState }).__bench;
}

/** A signed-in session, so the idle policy runs (it is off while signed out). */
const signedIn: AuthState = {
  ...initialAuthState,
  status: 'signed-in',
  session: {
    user: { id: 1, email: 'bench@example.com', name: 'Bench' },
    sessionId: 'bench',
    rememberMe: false,
    accessExpiresAt: Date.now() + 3_600_000,
    refreshExpiresAt: Date.now() + 7 * 86_400_000,
    issuedAt: Date.now(),
  },
};

/** Logout Lens: passive capture listeners + ActivityClock, throttled store action, idle policy. */
function ours(): (Provider | EnvironmentProviders)[] {
  return [
    provideStore<{ auth: AuthState; diagnostics: DiagnosticsState }>(
      { auth: authFeature.reducer, diagnostics: diagnosticsFeature.reducer },
      { initialState: { auth: signedIn } },
    ),
    // 16 minutes like ng-idle's 15 min idle + 60 s countdown below.
    provideLogoutLensConfig({ idleTimeoutMinutes: 16, idleWarningSeconds: 60 }),
    provideEffects(activityEffects, idleEffects, { shareActivity }),
    provideAppInitializer(() => {
      inject(Actions)
        .pipe(ofType(ActivityActions.detected))
        .subscribe(() => benchState().emitted++);
    }),
  ];
}

/** @ng-idle/core: DEFAULT_INTERRUPTSOURCES, 15 min idle, 60 s timeout, watching. */
function ngIdle(): (Provider | EnvironmentProviders)[] {
  return [
    provideNgIdle(),
    provideAppInitializer(() => {
      inject(Idle).onInterrupt.subscribe(() => benchState().emitted++);
      inject(PeerIdle).start(() => undefined);
    }),
  ];
}

export function trackerProviders(mode: Mode): (Provider | EnvironmentProviders)[] {
  return mode === 'ours' ? ours() : mode === 'ng-idle' ? ngIdle() : [];
}
