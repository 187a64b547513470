import { createFeature, createReducer, on } from '@ngrx/store';

import { LateTimer } from '../../diagnosis/evidence';
import { TokenStatus } from '../token-status';
import { ActivityActions, TokenMonitorActions } from './diagnostics.actions';

/** How many late timers are remembered. */
export const LATE_TIMERS_KEPT = 10;

export interface DiagnosticsState {
  /** Last user activity in any tab, epoch ms (at most one throttle window behind). */
  lastActivityAt: number | null;
  /** The token monitor's latest check. */
  tokenStatus: TokenStatus | null;
  /** Checks that fired much later than scheduled, oldest first. */
  lateTimers: LateTimer[];
}

export const initialDiagnosticsState: DiagnosticsState = {
  lastActivityAt: null,
  tokenStatus: null,
  lateTimers: [],
};

export const diagnosticsFeature = createFeature({
  name: 'diagnostics',
  reducer: createReducer(
    initialDiagnosticsState,
    on(ActivityActions.detected, (state, { at }) => ({ ...state, lastActivityAt: at })),
    on(TokenMonitorActions.checked, (state, { status, late }) => ({
      ...state,
      tokenStatus: status,
      lateTimers: late ? [...state.lateTimers, late].slice(-LATE_TIMERS_KEPT) : state.lateTimers,
    })),
  ),
});
