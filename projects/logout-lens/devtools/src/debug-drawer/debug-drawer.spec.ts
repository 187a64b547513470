import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { provideMockStore } from '@ngrx/store/testing';
import { VirtualTimeScheduler } from 'rxjs';

import {
  LogoutLensIntl,
  LogoutLensKit,
  SESSION_SCHEDULER,
  initialAuthState,
  initialDiagnosticsState,
  loadLogoutLensKit,
  provideLogoutLensConfig,
} from '@logout-lens/angular';
import { DebugLauncher } from '../debug-launcher/debug-launcher';
import { DebugDrawer } from './debug-drawer';
import { ENGLISH_DRAWER_WORDS } from './drawer-words.en';

/** An app that rewords part of the drawer and its launcher (and leaves the rest English). */
@Injectable()
class AppIntl extends LogoutLensIntl {
  override drawer = {
    launcherLabel: 'Fehlersuche (Strg+Umschalt+D)',
    dialogLabel: 'Fehlersuche',
    title: 'Fehlersuche',
    close: 'Fehlersuche schließen',
    signedOut: 'Abgemeldet',
    noCalls: 'Noch keine Aufrufe.',
    refreshToken: 'Verlängerungs-Token',
    recentProblems: (failures: number, errors: number) => `${failures} Fehlschläge · ${errors} Fehler`,
  };
}

describe('the debug drawer and its launcher', () => {
  // What the launcher hands the drawer it opens.
  let kit: LogoutLensKit;
  beforeAll(async () => {
    kit = await loadLogoutLensKit();
  });

  function configure(intl: boolean): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideMockStore({ initialState: { auth: initialAuthState, diagnostics: initialDiagnosticsState } }),
        provideLogoutLensConfig({ showDebugButton: true }),
        { provide: SESSION_SCHEDULER, useValue: new VirtualTimeScheduler() },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useFactory: () => kit },
        ...(intl ? [{ provide: LogoutLensIntl, useClass: AppIntl }] : []),
      ],
    });
  }

  async function renderDrawer(): Promise<HTMLElement> {
    const fixture: ComponentFixture<DebugDrawer> = TestBed.createComponent(DebugDrawer);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('speaks English when the app sets no drawer words', async () => {
    configure(false);
    const drawer = await renderDrawer();

    expect(text(drawer.querySelector('h2'))).toBe('Debug panel');
    expect(drawer.querySelector('.header button')?.getAttribute('aria-label')).toBe('Close debug panel');
    expect(drawer.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Debug details');
    expect(text(drawer.querySelector('[data-testid="dbg-auth-status"]'))).toBe('Signed out');
    expect(text(drawer.querySelector('tbody'))).toBe('No calls yet.');
    expect(text(drawer.querySelector('table + p'))).toBe('0 recent failures · 0 recent errors');
    expect([...drawer.querySelectorAll('ll-token-timeline .label')].map(text)).toEqual(['Access token', 'Refresh token (session)']);
    expect([...drawer.querySelectorAll('[role="meter"]')].map((m) => m.getAttribute('aria-label'))).toEqual([
      'Access token time left',
      'Refresh token (session) time left',
    ]);
    expect([...drawer.querySelectorAll('mat-dialog-actions button')].map(text)).toEqual([
      'Log Full State to Console',
      'Copy report',
      'Download report',
    ]);
  });

  it("speaks an app's words from LogoutLensIntl.drawer, and English where it sets none", async () => {
    configure(true);
    const drawer = await renderDrawer();

    expect(text(drawer.querySelector('h2'))).toBe('Fehlersuche');
    expect(drawer.querySelector('.header button')?.getAttribute('aria-label')).toBe('Fehlersuche schließen');
    expect(text(drawer.querySelector('[data-testid="dbg-auth-status"]'))).toBe('Abgemeldet');
    expect(text(drawer.querySelector('tbody'))).toBe('Noch keine Aufrufe.');
    expect(text(drawer.querySelector('table + p'))).toBe('0 Fehlschläge · 0 Fehler');
    expect([...drawer.querySelectorAll('ll-token-timeline .label')].map(text)).toEqual(['Access token', 'Verlängerungs-Token']);
    // Words the app leaves out stay English.
    expect(drawer.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Debug details');
    expect(text(drawer.querySelector('#dbg-status'))).toBe(ENGLISH_DRAWER_WORDS.status);
    expect(text(drawer.querySelector('mat-dialog-actions button'))).toBe('Log Full State to Console');
  });

  it('shows a change of words at run time once `changes` emits', async () => {
    configure(true);
    const fixture = TestBed.createComponent(DebugDrawer);
    await fixture.whenStable();

    const intl = TestBed.inject(LogoutLensIntl);
    intl.drawer = { ...intl.drawer, title: 'Diagnose' };
    intl.changes.next();
    await fixture.whenStable();

    expect(text(fixture.nativeElement.querySelector('h2'))).toBe('Diagnose');
  });

  describe('the launcher', () => {
    async function renderLauncher(): Promise<{ button: HTMLButtonElement; dialogName: () => Promise<string | null> }> {
      const fixture = TestBed.createComponent(DebugLauncher);
      await fixture.whenStable();
      const dialogName = async () => {
        await fixture.componentInstance.toggle();
        await fixture.whenStable();
        return document.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null;
      };
      return { button: fixture.nativeElement.querySelector('button'), dialogName };
    }

    it('names its button and the drawer in English by default', async () => {
      configure(false);
      const { button, dialogName } = await renderLauncher();

      expect(button.getAttribute('aria-label')).toBe('Debug panel (Ctrl+Shift+D)');
      expect(button.getAttribute('title')).toBe('🔍 Debug panel (Ctrl+Shift+D)');
      expect(await dialogName()).toBe('Debug panel');
    });

    it("names them in the app's words, and keeps English for a word it leaves out", async () => {
      configure(true);
      const { button, dialogName } = await renderLauncher();

      expect(button.getAttribute('aria-label')).toBe('Fehlersuche (Strg+Umschalt+D)');
      expect(await dialogName()).toBe('Fehlersuche');
      // Words the app leaves out stay English.
      expect(button.getAttribute('title')).toBe('🔍 Debug panel (Ctrl+Shift+D)');
    });
  });
});
