import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, Injectable, Provider } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { VirtualTimeScheduler } from 'rxjs';

import { advanceBy } from '../../src/testing/virtual-time';
import { AuthStatus, initialAuthState } from '../../src/lib/auth/state/auth.feature';
import { RestoringSessionActions } from '../../src/lib/auth/state/restoring-session.actions';
import { SESSION_SCHEDULER } from '../../src/lib/platform/scheduler.token';
import { DEFAULT_LOGOUT_LENS_CONFIG, LOGOUT_LENS_CONFIG } from '../../src/lib/config/logout-lens.config';
import { LogoutLensIntl } from '../../src/lib/intl/logout-lens-intl';
import { RESTORE_SLOW_AFTER_MS, RestoringSession } from './restoring-session';

/** An app that words the screen its own way. */
@Injectable()
class AppIntl extends LogoutLensIntl {
  override restoring = {
    message: 'Ihre Sitzung wird wiederhergestellt …',
    unreachable: 'Der Server ist nicht erreichbar – neuer Versuch läuft',
  };
}

@Component({ template: '<h1>Home</h1>' })
class HomeStub {}

describe('RestoringSession', () => {
  let fixture: ComponentFixture<RestoringSession>;
  let loader: HarnessLoader;
  let store: MockStore;
  let scheduler: VirtualTimeScheduler;

  function create(status: AuthStatus, ...more: Provider[]) {
    scheduler = new VirtualTimeScheduler();
    TestBed.configureTestingModule({
      providers: [
        ...more,
        provideRouter([{ path: '', component: HomeStub }]),
        provideMockStore({ initialState: { auth: { ...initialAuthState, status } } }),
        { provide: SESSION_SCHEDULER, useValue: scheduler },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    store = TestBed.inject(MockStore);
    jest.spyOn(store, 'dispatch');
    fixture = TestBed.createComponent(RestoringSession);
    loader = TestbedHarnessEnvironment.loader(fixture);
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const status = () => (fixture.nativeElement as HTMLElement).querySelector('[role="status"]');

  /** Moves virtual time forward by `ms`, firing only the timers due by then. */
  const advance = (ms: number): void => advanceBy(scheduler, ms);

  function settle(status: AuthStatus): void {
    store.setState({ auth: { ...initialAuthState, status } });
  }

  it('says at once that the session is being restored, with progress, in a status region', async () => {
    create('restoring');
    await fixture.whenStable();

    expect(status()?.textContent).toContain('Restoring your session…');
    const progress = await loader.getHarness(MatProgressBarHarness);
    expect(await progress.getMode()).toBe('indeterminate');
    expect(await (await progress.host()).getAttribute('aria-label')).toBe('Restoring your session');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Retry' }))).toEqual([]);
  });

  it('after about 3 s without an answer says the server can\'t be reached, and retries on request', async () => {
    create('restoring');
    advance(RESTORE_SLOW_AFTER_MS - 1);
    await fixture.whenStable();
    expect(text()).not.toContain("Can't reach the server");

    advance(1);
    await fixture.whenStable();
    expect(status()?.textContent).toContain("Can't reach the server — retrying");
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();

    expect(store.dispatch).toHaveBeenCalledWith(RestoringSessionActions.retryClicked());
    // Still restoring: only the server's answers (through the retry policy) settle it.
    expect(text()).toContain('Restoring your session…');
  });

  it('stays until the first page is shown once the session is settled, then leaves', async () => {
    create('restoring');
    await fixture.whenStable();

    settle('signed-in');
    await fixture.whenStable();
    expect(text()).toContain('Restoring your session…');

    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    expect(text()).toBe('');
  });

  it('never shows when there was no session to restore', async () => {
    create('signed-out');
    advance(RESTORE_SLOW_AFTER_MS);
    await fixture.whenStable();

    expect(text()).toBe('');
  });

  it("names the app as configured, and leaves the heading out when no name is", async () => {
    create('restoring', { provide: LOGOUT_LENS_CONFIG, useValue: { ...DEFAULT_LOGOUT_LENS_CONFIG, appName: 'Acme Portal' } });
    fixture.detectChanges();
    await fixture.whenStable();
    const main = (fixture.nativeElement as HTMLElement).querySelector('main')!;
    expect(main.querySelector('h1')?.textContent).toBe('Acme Portal');
    expect(main.getAttribute('aria-labelledby')).toBe('restoring-title');
    TestBed.resetTestingModule();

    create('restoring');
    fixture.detectChanges();
    await fixture.whenStable();
    const unnamed = (fixture.nativeElement as HTMLElement).querySelector('main')!;
    expect(unnamed.querySelector('h1')).toBeNull();
    expect(unnamed.getAttribute('aria-label')).toBe('Restoring your session');
  });

  it("speaks the app's words (LogoutLensIntl)", async () => {
    create('restoring', { provide: LogoutLensIntl, useClass: AppIntl });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(status()?.textContent).toContain('Ihre Sitzung wird wiederhergestellt …');
    advance(RESTORE_SLOW_AFTER_MS);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(status()?.textContent).toContain('Der Server ist nicht erreichbar – neuer Versuch läuft');
    expect(await (await loader.getHarness(MatButtonHarness)).getText()).toBe('Retry');
  });
});
