import { ApplicationRef, ChangeDetectionStrategy, Component, afterEveryRender } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { ActionsSubject, provideState, provideStore } from '@ngrx/store';
import { VirtualTimeScheduler } from 'rxjs';

import { provideLogoutLensConfig } from '../../config/logout-lens.config';
import { ActivityClock } from '../../platform/activity-clock';
import { CLOCK } from '../../platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../platform/scheduler.token';
import { trackActivity } from './activity.effects';
import { ActivityActions } from './diagnostics.actions';
import { diagnosticsFeature } from './diagnostics.feature';

@Component({
  selector: 'app-render-counter',
  template: `<p>page</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class RenderCounter {
  renders = 0;
  constructor() {
    afterEveryRender(() => this.renders++);
  }
}

describe('activity tracking (Chromium)', () => {
  const WINDOW_MS = 5000;
  let scheduler: VirtualTimeScheduler;
  let now: number;
  /** `at` of each Activity Detected action. */
  let dispatched: number[];
  /** The test clock's time when each was dispatched. */
  let dispatchedWhen: number[];

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    now = 1_000_000;
    TestBed.configureTestingModule({
      imports: [RenderCounter],
      providers: [
        provideStore(),
        provideState(diagnosticsFeature),
        provideEffects({ trackActivity }),
        provideLogoutLensConfig({ activityThrottleMs: WINDOW_MS }),
        { provide: SESSION_SCHEDULER, useValue: scheduler },
        { provide: CLOCK, useValue: () => now },
      ],
    });
    dispatched = [];
    dispatchedWhen = [];
    TestBed.inject(ActionsSubject).subscribe((action) => {
      if (action.type !== ActivityActions.detected.type) return;
      dispatched.push((action as ReturnType<typeof ActivityActions.detected>).at);
      dispatchedWhen.push(now);
    });
  });

  function advance(ms: number): void {
    now += ms;
    scheduler.maxFrames = scheduler.frame + ms;
    scheduler.flush();
  }

  function fire(count: number): void {
    for (let i = 0; i < count; i++) {
      const event = i % 2 ? new KeyboardEvent('keydown', { key: 'a' }) : new MouseEvent('mousemove', { clientX: i, clientY: i });
      window.dispatchEvent(event);
    }
  }

  it('turns 1,000 events into at most one dispatch per throttle window and no change detection', async () => {
    const fixture = TestBed.createComponent(RenderCounter);
    await fixture.whenStable();
    const appRef = TestBed.inject(ApplicationRef);
    const ticks = spyOn(appRef, 'tick').and.callThrough();
    const rendersBefore = fixture.componentInstance.renders;

    fire(1000);
    expect(dispatched.length).toBe(1);

    // 1,000 more spread over four windows.
    for (let window = 0; window < 4; window++) {
      fire(250);
      advance(WINDOW_MS);
    }
    await fixture.whenStable();

    expect(dispatched.length).toBeLessThanOrEqual(1 + 4);
    for (let i = 1; i < dispatchedWhen.length; i++) {
      expect(dispatchedWhen[i] - dispatchedWhen[i - 1]).toBeGreaterThanOrEqual(WINDOW_MS);
    }
    expect(ticks).not.toHaveBeenCalled();
    expect(fixture.componentInstance.renders).toBe(rendersBefore);
  });

  it('keeps the exact time of the last event, and the trailing dispatch carries it', () => {
    TestBed.createComponent(RenderCounter);
    const activity = TestBed.inject(ActivityClock);

    fire(1);
    advance(1234);
    fire(3);
    expect(activity.lastActivityAt()).toBe(now);
    const last = now;
    advance(WINDOW_MS);

    expect(dispatched.at(-1)).toBe(last);
    expect(activity.idleMs()).toBe(WINDOW_MS);
  });

  it('counts the window regaining focus, not focus moving between elements', () => {
    TestBed.createComponent(RenderCounter);
    const input = document.createElement('input');
    document.body.appendChild(input);
    try {
      input.dispatchEvent(new FocusEvent('focus'));
      expect(dispatched.length).toBe(0);
      window.dispatchEvent(new FocusEvent('focus'));
      expect(dispatched.length).toBe(1);
    } finally {
      input.remove();
    }
  });
});
