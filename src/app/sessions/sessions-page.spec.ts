import { formatDate } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';

import { CLOCK } from '../platform/browser.tokens';
import { activeSession } from './active-session.fixture';
import { SessionsPage } from './sessions-page';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const URL = '/v1/auth/sessions/';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

const THIS_BROWSER = activeSession({ id: 'session-this', current: true });
const LAPTOP = activeSession({ id: 'session-laptop', user_agent: FIREFOX_WINDOWS, remember_me: false, ip: '198.51.100.4' });
const PHONE = activeSession({ id: 'session-phone', user_agent: '', last_used_at: '2026-03-08T12:00:00Z' });

describe('SessionsPage', () => {
  let fixture: ComponentFixture<SessionsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let root: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CLOCK, useValue: () => NOW },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => http.verify());

  function expectList(): TestRequest {
    return http.expectOne({ method: 'GET', url: URL });
  }

  async function showList(sessions = [THIS_BROWSER, LAPTOP, PHONE]): Promise<void> {
    expectList().flush(sessions);
    await fixture.whenStable();
  }

  /** Each row's cells by column, as a screen reader hears them (hidden icons and labels left out). */
  async function rowTexts(): Promise<Record<string, string>[]> {
    await fixture.whenStable();
    const rows: HTMLElement[] = Array.from(fixture.nativeElement.querySelectorAll('mat-row'));
    return rows.map((row) => {
      const cells: Record<string, string> = {};
      row.querySelectorAll('mat-cell').forEach((cell) => {
        const column = Array.from(cell.classList).find((c) => c.startsWith('mat-column-'))!;
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        cells[column.slice('mat-column-'.length)] = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
      return cells;
    });
  }

  async function snackMessage(): Promise<string> {
    return (await root.getHarness(MatSnackBarHarness)).getMessage();
  }

  it('shows progress while the list loads', async () => {
    expect(await loader.getHarnessOrNull(MatProgressBarHarness)).not.toBeNull();
    await showList();
    expect(await loader.getHarnessOrNull(MatProgressBarHarness)).toBeNull();
  });

  it('lists every session in words and marks this device', async () => {
    await showList();
    const rows = await rowTexts();
    expect(rows.map((row) => row['device'])).toEqual([
      expect.stringMatching(/^Chrome 156 on Linux\s*This device$/),
      'Firefox 128 on Windows 10',
      'Unknown browser',
    ]);
    expect(rows[1]).toEqual({
      device: 'Firefox 128 on Windows 10',
      signedIn: formatDate(LAPTOP.created_at, 'MMM d, y, h:mm a', 'en-US'),
      lastActive: '2 minutes ago',
      ip: '198.51.100.4',
      rememberMe: 'No, 7 days',
      actions: 'Sign out this device',
    });
    expect(rows[0]['rememberMe']).toBe('Yes, 20 days');
    expect(rows[2]['lastActive']).toBe('2 days ago');
    const chips = await loader.getAllHarnesses(MatChipHarness);
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['This device']);
  });

  it('offers no per-row sign-out for this device', async () => {
    await showList();
    const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Sign out this device/ }));
    expect(buttons.length).toBe(2);
    expect((await rowTexts())[0]['actions']).toBe('');
  });

  it('signs out one device, says which, and reloads the list', async () => {
    await showList();
    const [laptop] = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Sign out this device/ }));
    await laptop.click();
    http.expectOne({ method: 'DELETE', url: `${URL}session-laptop/` }).flush(null, { status: 204, statusText: 'No Content' });
    await showList([THIS_BROWSER, PHONE]);
    expect(await snackMessage()).toBe('Signed out Firefox on Windows.');
    expect((await rowTexts()).length).toBe(2);
  });

  it('reloads and says so when the device was signed out meanwhile', async () => {
    await showList();
    const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Sign out this device/ }));
    await buttons[1].click();
    http
      .expectOne({ method: 'DELETE', url: `${URL}session-phone/` })
      .flush({ detail: 'Not found.', code: 'not_found' }, { status: 404, statusText: 'Not Found' });
    await showList([THIS_BROWSER, LAPTOP]);
    expect(await snackMessage()).toBe('That device was already signed out.');
  });

  it('asks before signing out all other devices, and does nothing on Cancel', async () => {
    await showList();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Sign out all other devices/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Sign out all other devices?');
    expect(await dialog.getContentText()).toContain('2 other devices will be signed out.');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    expect(await root.getAllHarnesses(MatDialogHarness)).toEqual([]);
    http.expectNone(() => true);
  });

  it('signs out the other devices once confirmed and reloads the list', async () => {
    await showList();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Sign out all other devices/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Sign out others' }))).click();
    const revoke = http.expectOne((r) => r.method === 'DELETE' && r.url === URL);
    expect(revoke.request.params.get('others')).toBe('1');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    await showList([THIS_BROWSER]);
    expect(await snackMessage()).toBe('Signed out 2 other devices.');
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Sign out all other devices/ }))).toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Only this device is signed in.');
  });

  it('shows the failure with a way to try again', async () => {
    expectList().flush({ detail: 'Boom', code: 'error' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    const alert: HTMLElement = fixture.nativeElement.querySelector('[role="alert"]');
    expect(alert.textContent).toContain("Couldn't load your sessions");
    expect(alert.textContent).toContain('The server hit an error (500). You are still signed in.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();
    await showList();
    expect(fixture.nativeElement.querySelector('[role="alert"]')).toBeNull();
    expect((await rowTexts()).length).toBe(3);
  });

  it('says so when no session is listed', async () => {
    await showList([]);
    expect(fixture.nativeElement.textContent).toContain('No active sessions');
    expect(await loader.getHarnessOrNull(MatTableHarness)).toBeNull();
  });
});
