import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { VirtualTimeScheduler, firstValueFrom } from 'rxjs';

import { SESSION_SCHEDULER } from '../../src/lib/platform/scheduler.token';
import { LOGOUT_ALERT_SENTENCE_ID, LogoutAlertData, LogoutAlertDialog } from './logout-alert-dialog';
import { ENGLISH_LOGOUT_REASONS } from '../../src/lib/intl/logout-reasons.en';
import { presentLogout } from '../../src/lib/logout/logout-presenter';

const data: LogoutAlertData = {
  type: 'SESSION_REVOKED',
  presentation: presentLogout(ENGLISH_LOGOUT_REASONS.SESSION_REVOKED, { supportContact: 'your administrator', appName: 'Logout Lens' }),
  fromOtherTab: false,
  delayMs: 5000,
};

describe('LogoutAlertDialog', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: SESSION_SCHEDULER, useValue: new VirtualTimeScheduler() },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  async function open(): Promise<HTMLElement> {
    const ref = TestBed.inject(MatDialog).open(LogoutAlertDialog, { data, ariaDescribedBy: LOGOUT_ALERT_SENTENCE_ID });
    await firstValueFrom(ref.afterOpened());
    await TestBed.tick();
    return document.querySelector<HTMLElement>('[role="dialog"]')!;
  }

  const content = () => document.querySelector<HTMLElement>('mat-dialog-content')!;

  it('is described by its sentence', async () => {
    const dialog = await open();

    const describedBy = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(describedBy?.textContent).toBe(data.presentation.sentence);
  });

  it('keeps its content out of the tab order while it does not scroll', async () => {
    await open();

    expect(content().hasAttribute('tabindex')).toBe(false);
  });

  it('makes its content reachable by keyboard once it scrolls (a short window)', async () => {
    await open();
    Object.defineProperty(content(), 'scrollHeight', { configurable: true, value: 400 });
    Object.defineProperty(content(), 'clientHeight', { configurable: true, value: 200 });

    window.dispatchEvent(new Event('resize'));
    await TestBed.tick();

    expect(content().getAttribute('tabindex')).toBe('0');
  });
});
