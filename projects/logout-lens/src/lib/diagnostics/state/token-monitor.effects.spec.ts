import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockActions } from '@ngrx/effects/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { Subject, VirtualTimeScheduler, firstValueFrom } from 'rxjs';

import { initialAuthState } from '../../auth/state/auth.feature';
import { WINDOW } from '../../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { TokenMonitorHandle } from '../token-monitor';
import { TokenMonitorActions } from './diagnostics.actions';
import { initialDiagnosticsState } from './diagnostics.feature';
import { monitorTokens } from './token-monitor.effects';

describe('monitorTokens (the start-up effect)', () => {
  it('fetches the monitor, exposes window.__tokenMonitor and checks at once', async () => {
    const win = Object.assign(new EventTarget(), {
      document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    }) as unknown as Window & { __tokenMonitor?: TokenMonitorHandle };
    TestBed.configureTestingModule({
      providers: [
        provideMockStore({ initialState: { auth: initialAuthState, diagnostics: initialDiagnosticsState } }),
        provideMockActions(new Subject()),
        { provide: WINDOW, useValue: win },
        { provide: SESSION_SCHEDULER, useValue: new VirtualTimeScheduler() },
      ],
    });
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    expect(win.__tokenMonitor).toBeUndefined();

    const first = await firstValueFrom(runInInjectionContext(TestBed.inject(EnvironmentInjector), () => monitorTokens()));

    expect(first.type).toBe(TokenMonitorActions.checked.type);
    expect(win.__tokenMonitor?.getTokenStatus()).toMatchObject({ signedIn: false });
  });
});
