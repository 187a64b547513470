import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { VirtualTimeScheduler } from 'rxjs';

import { ActivityClock } from '../../src/lib/platform/activity-clock';
import { CLOCK } from '../../src/lib/platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../src/lib/platform/scheduler.token';
import { IdleWarningDialog } from './idle-warning-dialog';

describe('IdleWarningDialog', () => {
  /** Opens the warning with `leftMs` to go before the idle limit; time moves on `scheduler`. */
  function open(leftMs: number) {
    const limitMs = 15 * 60_000;
    const scheduler = new VirtualTimeScheduler();
    let now = 0;
    TestBed.configureTestingModule({
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { limitMs } },
        { provide: SESSION_SCHEDULER, useValue: scheduler },
        { provide: CLOCK, useValue: () => now },
      ],
    });
    // The last activity was at 0; the warning opens (limit - left) later.
    TestBed.inject(ActivityClock).mark();
    now = limitMs - leftMs;
    const fixture = TestBed.createComponent(IdleWarningDialog);
    const element = fixture.nativeElement as HTMLElement;
    const heard: string[] = [];
    const advance = (ms: number) => {
      for (let t = 0; t < ms; t += 1000) {
        now += 1000;
        scheduler.maxFrames = scheduler.frame + 1000;
        scheduler.flush();
        fixture.detectChanges();
        const said = element.querySelector('[data-testid="idle-announcement"]')!.textContent!.trim();
        if (heard.at(-1) !== said) heard.push(said);
      }
    };
    fixture.detectChanges();
    return { element, heard, advance };
  }

  it('shows the countdown every second but is read out only at 60, 30 and 10 seconds', () => {
    const { element, heard, advance } = open(60_000);
    advance(59_000);

    expect(element.querySelector('[role="timer"]')!.getAttribute('aria-live')).toBe('off');
    expect(element.querySelector('[role="timer"]')!.textContent).toBe('0:01');
    expect(heard).toEqual([
      'You will be signed out in 60 seconds.',
      'You will be signed out in 30 seconds.',
      'You will be signed out in 10 seconds.',
    ]);
  });

  it('announces a longer warning once at the start, in minutes', () => {
    const { heard, advance } = open(5 * 60_000);
    advance(10_000);

    expect(heard).toEqual(['You will be signed out in 5 minutes.']);
  });
});
