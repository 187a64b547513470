import { createFeature, createReducer, on } from '@ngrx/store';

import { ActivityActions } from './diagnostics.actions';

export interface DiagnosticsState {
  /** Last user activity in any tab, epoch ms (at most one throttle window behind). */
  lastActivityAt: number | null;
}

export const initialDiagnosticsState: DiagnosticsState = { lastActivityAt: null };

export const diagnosticsFeature = createFeature({
  name: 'diagnostics',
  reducer: createReducer(
    initialDiagnosticsState,
    on(ActivityActions.detected, (state, { at }) => ({ ...state, lastActivityAt: at })),
  ),
});
