import { formatDate } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Injectable } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';

import { LogoutLensIntl } from '../../../src/lib/intl/logout-lens-intl';
import { CLOCK } from '../../../src/lib/platform/browser.tokens';
import { activeSession } from './active-session.fixture';
import { SessionsPage } from './sessions-page';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const URL = '/v1/auth/sessions/';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

const THIS_BROWSER = activeSession({
  id: 'session-this',
  current: true,
  device_id: '0c1d2e3f-aaaa-4000-8000-000000000001',
  last_used_at: '2026-03-10T11:55:00Z',
});
const LAPTOP = activeSession({
  id: 'session-laptop',
  device_id: '9f8e7d6c-bbbb-4000-8000-000000000002',
  user_agent: FIREFOX_WINDOWS,
  remember_me: false,
  // Seven days from sign-in: the server's lifetime without Remember me.
  expires_at: '2026-03-16T08:00:00Z',
  ip: '198.51.100.4',
});
const PHONE = activeSession({
  id: 'session-phone',
  device_id: '5a6b7c8d-cccc-4000-8000-000000000003',
  user_agent: '',
  last_used_at: '2026-03-08T12:00:00Z',
});

/** What the page needs around it in these specs: a test backend, a router and a fixed clock. */
const PAGE_PROVIDERS = [
  provideHttpClient(),
  provideHttpClientTesting(),
  provideRouter([]),
  { provide: CLOCK, useValue: () => NOW },
  { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
];

describe('SessionsPage', () => {
  let fixture: ComponentFixture<SessionsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let root: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: PAGE_PROVIDERS,
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

  /** As the server lists them: newest activity first, so the laptop comes before this browser. */
  async function showList(sessions = [LAPTOP, THIS_BROWSER, PHONE]): Promise<void> {
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

  /** The per-row sign-out buttons, top to bottom. */
  function signOutButtons(): Promise<MatButtonHarness[]> {
    // The text includes the icon's ligature ("logout"); the accessible name is "Sign out".
    return loader.getAllHarnesses(MatButtonHarness.with({ text: /\bSign out$/ }));
  }

  /** The text an element's aria-describedby points at, as a screen reader reads it after the name. */
  function description(element: Element): string {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? `#${id} missing`).join(' ');
  }

  function focusedText(): string {
    return (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  it('lists every session in words, this device pinned first, then newest activity first', async () => {
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
      deviceId: '9f8e7d6c',
      actions: 'Sign out',
    });
    expect(rows[0]['rememberMe']).toBe('Yes, 20 days');
    expect(rows[0]['lastActive']).toBe('5 minutes ago');
    expect(rows.map((row) => row['deviceId'])).toEqual(['0c1d2e3f', '9f8e7d6c', '5a6b7c8d']);
    expect(rows[2]['lastActive']).toBe('2 days ago');
    const chips = await loader.getAllHarnesses(MatChipHarness);
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['This device']);
  });

  it('keeps this device first when the server lists it last', async () => {
    await showList([PHONE, LAPTOP, THIS_BROWSER]);
    expect((await rowTexts()).map((row) => row['deviceId'])).toEqual(['0c1d2e3f', '9f8e7d6c', '5a6b7c8d']);
  });

  it('gives the last activity its full time on hover and the device its full id', async () => {
    await showList();
    const row: HTMLElement = fixture.nativeElement.querySelectorAll('mat-row')[1];
    expect(row.querySelector('.mat-column-lastActive time')?.getAttribute('title')).toBe(
      formatDate(LAPTOP.last_used_at, 'medium', 'en-US'),
    );
    expect(row.querySelector('.mat-column-deviceId code')?.getAttribute('title')).toBe(LAPTOP.device_id);
  });

  it('names each other row\'s button "Sign out" and describes it by its device', async () => {
    await showList();
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /this device/i }))).toEqual([]);
    expect((await signOutButtons()).length).toBe(2);
    const buttons: HTMLElement[] = Array.from(fixture.nativeElement.querySelectorAll('mat-row button'));
    expect(buttons.map((button) => [button.textContent?.replace(/logout/, '').trim(), description(button)])).toEqual([
      ['Sign out', 'Firefox 128 on Windows 10 9f8e7d6c'],
      ['Sign out', 'Unknown browser 5a6b7c8d'],
    ]);
    expect((await rowTexts())[0]['actions']).toBe('');
  });

  it('signs out one device, says which, reloads the list and focuses its heading', async () => {
    await showList();
    const [laptop] = await signOutButtons();
    await laptop.focus();
    await laptop.click();
    http.expectOne({ method: 'DELETE', url: `${URL}session-laptop/` }).flush(null, { status: 204, statusText: 'No Content' });
    await showList([THIS_BROWSER, PHONE]);
    expect(await snackMessage()).toBe('Signed out Firefox on Windows.');
    expect((await rowTexts()).length).toBe(2);
    expect(document.activeElement?.tagName).toBe('H2');
    expect(focusedText()).toBe('2 devices signed in');
  });

  it('keeps the pressed button focused but inert while the sign-out is under way', async () => {
    await showList();
    const [laptop, phone] = await signOutButtons();
    await laptop.focus();
    await laptop.click();
    const revoke = http.expectOne({ method: 'DELETE', url: `${URL}session-laptop/` });
    const hosts = await Promise.all([laptop.host(), phone.host()]);
    expect(await Promise.all(hosts.map((host) => host.getAttribute('aria-disabled')))).toEqual(['true', 'true']);
    expect(await Promise.all(hosts.map((host) => host.getAttribute('disabled')))).toEqual([null, null]);
    expect(await hosts[0].isFocused()).toBe(true);
    const others = await loader.getHarness(MatButtonHarness.with({ text: /Sign out all other devices/ }));
    expect(await (await others.host()).getAttribute('aria-disabled')).toBe('true');

    await laptop.click();
    await phone.click();
    await others.click();
    http.expectNone({ method: 'DELETE', url: `${URL}session-phone/` });
    expect(await root.getAllHarnesses(MatDialogHarness)).toEqual([]);

    revoke.flush(null, { status: 204, statusText: 'No Content' });
    expect(await hosts[0].isFocused()).toBe(true); // still there until the list answers
    await showList([THIS_BROWSER, PHONE]);
    const [left] = await signOutButtons();
    expect(await (await left.host()).getAttribute('aria-disabled')).toBeNull();
  });

  it('reloads and says so when the device was signed out meanwhile', async () => {
    await showList();
    const buttons = await signOutButtons();
    await buttons[1].click();
    http
      .expectOne({ method: 'DELETE', url: `${URL}session-phone/` })
      .flush({ detail: 'Not found.', code: 'not_found' }, { status: 404, statusText: 'Not Found' });
    await showList([THIS_BROWSER, LAPTOP]);
    expect(await snackMessage()).toBe('That device was already signed out.');
    expect(focusedText()).toBe('2 devices signed in');
  });

  it('focuses the failure when the list cannot be reloaded after a sign-out', async () => {
    await showList();
    await (await signOutButtons())[0].click();
    http.expectOne({ method: 'DELETE', url: `${URL}session-laptop/` }).flush(null, { status: 204, statusText: 'No Content' });
    expectList().flush({ detail: 'Boom', code: 'error' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(focusedText()).toBe("Couldn't load your sessions");
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

  it('signs out the other devices once confirmed, reloads the list and focuses its heading', async () => {
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
    expect(focusedText()).toBe('1 device signed in');
  });

  it('shows the failure with a way to try again', async () => {
    expectList().flush({ detail: 'Boom', code: 'error' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    const alert: HTMLElement = fixture.nativeElement.querySelector('[role="alert"]');
    expect(alert.textContent).toContain("Couldn't load your sessions");
    expect(alert.textContent).toContain('The server hit an error (500). You are still signed in.');
    const tryAgain = await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }));
    await tryAgain.focus();
    await tryAgain.click();
    // The failure stays until the answer; the button keeps focus and ignores a second press.
    const host = await tryAgain.host();
    expect(await host.getAttribute('aria-disabled')).toBe('true');
    expect(await host.isFocused()).toBe(true);
    await tryAgain.click();
    await showList();
    expect(fixture.nativeElement.querySelector('[role="alert"]')).toBeNull();
    expect((await rowTexts()).length).toBe(3);
    expect(focusedText()).toBe('3 devices signed in');
  });

  it('says so when no session is listed', async () => {
    await showList([]);
    expect(fixture.nativeElement.textContent).toContain('No active sessions');
    expect(await loader.getHarnessOrNull(MatTableHarness)).toBeNull();
  });
});

describe('SessionsPage in an app\'s words', () => {
  /** An app that rewords part of the page (in German); every word it leaves out stays English. */
  @Injectable()
  class AppIntl extends LogoutLensIntl {
    override dismiss = 'Schließen';
    override sessions = {
      title: 'Aktive Sitzungen',
      signedInCount: (count: number) => `${count} Geräte angemeldet`,
      thisDevice: 'Dieses Gerät',
      lastActiveColumn: 'Zuletzt aktiv',
      minutesAgo: (minutes: number) => `vor ${minutes} Minuten`,
      rememberMeValue: (rememberMe: boolean, lifetime: string | null) => `${rememberMe ? 'Ja' : 'Nein'}, ${lifetime}`,
      browserOnOs: (browser: string, os: string) => `${browser} unter ${os}`,
      signedOutDevice: (device: string) => `${device} wurde abgemeldet.`,
      confirmTitle: 'Alle anderen Geräte abmelden?',
    };
  }

  let fixture: ComponentFixture<SessionsPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...PAGE_PROVIDERS, { provide: LogoutLensIntl, useClass: AppIntl }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionsPage);
  });

  afterEach(() => http.verify());

  const text = (selector: string): string[] =>
    Array.from<HTMLElement>(fixture.nativeElement.querySelectorAll(selector)).map((element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );

  it('shows the app\'s words in place of the English, and English for the words it left out', async () => {
    http.expectOne({ method: 'GET', url: URL }).flush([LAPTOP, THIS_BROWSER]);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);

    expect(text('h1')).toEqual(['Aktive Sitzungen']);
    expect(text('h2.count')).toEqual(['2 Geräte angemeldet']);
    expect(text('mat-chip')).toEqual(['Dieses Gerät']);
    expect(text('mat-header-cell')).toEqual([
      'Browser and OS',
      'Signed in',
      'Zuletzt aktiv',
      'IP address',
      'Remember me',
      'Device ID',
      'Actions',
    ]);
    expect(text('.mat-column-device .device-name')).toEqual(['Chrome 156 unter Linux', 'Firefox 128 unter Windows 10']);
    expect(text('.mat-column-lastActive time')).toEqual(['vor 5 Minuten', 'vor 2 Minuten']);
    // The lifetime in the app's LogoutLensIntl.lifetime (English here: it left that alone).
    expect(text('mat-cell.mat-column-rememberMe').map((cell) => cell.replace('Remember me', '').trim())).toEqual([
      'Ja, 20 days',
      'Nein, 7 days',
    ]);
    expect(text('.intro')[0]).toMatch(/^These are the browsers signed in to your account\./);
    expect(fixture.nativeElement.querySelector('a[aria-label="Back to home"]')).not.toBeNull();

    await (await loader.getHarness(MatButtonHarness.with({ text: /Sign out all other devices/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Alle anderen Geräte abmelden?');
    expect(await dialog.getContentText()).toContain('1 other device will be signed out.');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();

    await (await loader.getHarness(MatButtonHarness.with({ text: /\bSign out$/ }))).click();
    http.expectOne({ method: 'DELETE', url: `${URL}session-laptop/` }).flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne({ method: 'GET', url: URL }).flush([THIS_BROWSER]);
    await fixture.whenStable();
    const snackBar = await root.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Firefox unter Windows wurde abgemeldet.');
    expect(await snackBar.getActionDescription()).toBe('Schließen');
    expect(text('.only-this')).toEqual(['Only this device is signed in.']);
  });
});
