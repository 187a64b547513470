import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideMockStore } from '@ngrx/store/testing';
import { VirtualTimeScheduler } from 'rxjs';

import { initialAuthState } from '../../src/lib/auth/state/auth.feature';
import { DEFAULT_LOGOUT_LENS_CONFIG } from '../../src/lib/config/logout-lens.config';
import { initialDiagnosticsState } from '../../src/lib/diagnostics/state/diagnostics.feature';
import { LAST_LOGOUT_REASON_KEY, LastLogoutReason } from '../../src/lib/logout/last-logout-reason';
import { record } from '../../src/lib/model/logout-record.fixture';
import { loadLogoutLensKit } from '../../src/lib/report/logout-lens-kit';
import { SESSION_STORAGE } from '../../src/lib/platform/browser.tokens';
import { SESSION_SCHEDULER } from '../../src/lib/platform/scheduler.token';
import { advanceBy } from '../../src/testing/virtual-time';
import { LogoutReasonBanner } from './logout-reason-banner';

describe('LogoutReasonBanner', () => {
  let fixture: ComponentFixture<LogoutReasonBanner>;
  let scheduler: VirtualTimeScheduler;
  let storage: Storage;

  function create(stored: object | null = null): void {
    scheduler = new VirtualTimeScheduler();
    sessionStorage.clear();
    if (stored) sessionStorage.setItem(LAST_LOGOUT_REASON_KEY, JSON.stringify(stored));
    storage = sessionStorage;
    TestBed.configureTestingModule({
      providers: [
        provideMockStore({ initialState: { auth: initialAuthState, diagnostics: initialDiagnosticsState } }),
        { provide: SESSION_STORAGE, useValue: storage },
        { provide: SESSION_SCHEDULER, useValue: scheduler },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    fixture = TestBed.createComponent(LogoutReasonBanner);
    fixture.detectChanges();
  }

  const banner = () => (fixture.nativeElement as HTMLElement).querySelector('section.banner');
  /** Renders once the banner's words and diagnosis have been fetched (they load with the page). */
  const settle = async () => {
    await loadLogoutLensKit();
    fixture.detectChanges();
    await fixture.whenStable();
    await fixture.whenStable();
    fixture.detectChanges();
  };

  it('shows the record stored before the page opened, with its title', async () => {
    create(record({ type: 'TOKEN_EXPIRED' }));
    await settle();
    expect(banner()?.getAttribute('data-type')).toBe('TOKEN_EXPIRED');
    expect(banner()?.textContent).toContain('Your session expired');
  });

  it('shows a record written after the page opened (a reload that found the session over)', async () => {
    create();
    await settle();
    expect(banner()).toBeNull();

    TestBed.inject(LastLogoutReason).write(record({ type: 'SESSION_REVOKED' }), 'dana@example.com');
    await settle();

    expect(banner()?.getAttribute('data-type')).toBe('SESSION_REVOKED');
    expect(TestBed.inject(LastLogoutReason).currentEmail()).toBe('dana@example.com');
  });

  it('leaves by itself after its lifetime, also when its record came late, and takes the record along', async () => {
    create();
    await settle();
    TestBed.inject(LastLogoutReason).write(record({ type: 'TOKEN_EXPIRED' }));
    await settle();

    advanceBy(scheduler, DEFAULT_LOGOUT_LENS_CONFIG.bannerLifetimeMs - 1);
    await settle();
    expect(banner()).not.toBeNull();

    advanceBy(scheduler, 1);
    await settle();
    expect(banner()).toBeNull();
    expect(storage.getItem(LAST_LOGOUT_REASON_KEY)).toBeNull();
  });
});
