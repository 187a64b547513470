import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Injectable, Provider } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';

import { AccessTokenStore } from '../../../src/lib/auth/access-token.store';
import { initialAuthState } from '../../../src/lib/auth/state/auth.feature';
import { ChangePasswordPageActions } from '../../../src/lib/auth/state/change-password-page.actions';
import { LogoutLensIntl } from '../../../src/lib/intl/logout-lens-intl';
import { CLOCK } from '../../../src/lib/platform/browser.tokens';
import { ChangePasswordPage } from './change-password-page';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const URL = '/v1/auth/change-password/';
const USER = { id: 1, email: 'dana@example.com', name: 'Dana Demo' };
const CURRENT = 'correct-horse-battery-9';
const NEW = 'a-much-better-passphrase-42';
const SIGNED_IN = {
  auth: {
    ...initialAuthState,
    status: 'signed-in' as const,
    session: { user: USER, sessionId: 'session-old', rememberMe: true, accessExpiresAt: NOW, refreshExpiresAt: NOW, issuedAt: NOW },
  },
};
const GRANT = {
  access: 'eyJ.fresh-access.token',
  access_expires_at: '2026-03-10T13:00:00Z',
  refresh_expires_at: '2026-03-30T12:00:00Z',
  session_id: 'session-new',
  remember_me: true,
  user: USER,
};

/** An app that rewords part of the form (and leaves the rest English). */
@Injectable()
class AppIntl extends LogoutLensIntl {
  override changePassword = {
    title: 'Passwort ändern',
    currentPasswordLabel: 'Aktuelles Passwort',
    currentPasswordSecret: 'Aktuelles Passwort',
    currentPasswordRequired: 'Geben Sie Ihr aktuelles Passwort ein.',
  };
  override httpError(status: number): string {
    return status === 429 ? 'Zu viele Versuche – bitte warten Sie einen Moment.' : super.httpError(status);
  }
}

describe('ChangePasswordPage', () => {
  let fixture: ComponentFixture<ChangePasswordPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let store: MockStore;
  let dispatch: jest.SpyInstance;

  /** Renders the form; `providers` add to (or replace) the usual ones. */
  async function render(...providers: Provider[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideMockStore({ initialState: SIGNED_IN }),
        { provide: CLOCK, useValue: () => NOW },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        ...providers,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MockStore);
    dispatch = jest.spyOn(store, 'dispatch');
    fixture = TestBed.createComponent(ChangePasswordPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  beforeEach(() => render());

  afterEach(() => http.verify());

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const submitButton = () => loader.getHarness(MatButtonHarness.with({ text: /Change password|Changing password/ }));

  async function inputFor(label: string): Promise<MatInputHarness> {
    return (await field(label)).getControl(MatInputHarness) as Promise<MatInputHarness>;
  }

  async function fill(current: string, next: string, confirmation = next): Promise<void> {
    await (await inputFor('Current password')).setValue(current);
    await (await inputFor('New password')).setValue(next);
    await (await inputFor('Confirm new password')).setValue(confirmation);
  }

  async function errorsOf(label: string): Promise<string[]> {
    return (await field(label)).getTextErrors();
  }

  async function submit(): Promise<void> {
    await (await submitButton()).click();
    await fixture.whenStable();
  }

  function expectChange(): TestRequest {
    return http.expectOne({ method: 'POST', url: URL });
  }

  async function flushInvalid(request: TestRequest, errors: Record<string, string[]>): Promise<void> {
    request.flush({ detail: 'Invalid input.', code: 'invalid', errors }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
  }

  /** The form's alert as a screen reader hears it (the hidden icon left out). */
  function alertText(): string {
    const alert: HTMLElement = fixture.nativeElement.querySelector('[role="alert"]').cloneNode(true);
    alert.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (alert.textContent ?? '').trim();
  }

  function passwordChangedDispatches() {
    return dispatch.mock.calls.map(([action]) => action).filter((a) => a.type === ChangePasswordPageActions.passwordChanged.type);
  }

  it('labels every field and hides the passwords until asked', async () => {
    for (const [label, toggle] of [
      ['Current password', 'current password'],
      ['New password', 'new password'],
      ['Confirm new password', 'confirmation'],
    ]) {
      const control = await inputFor(label);
      expect(await control.getType()).toBe('password');
      const show = await loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="Show ${toggle}"]` }));
      expect(await (await show.host()).getAttribute('aria-pressed')).toBe('false');
      await show.click();
      expect(await control.getType()).toBe('text');
      const hide = await loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="Hide ${toggle}"]` }));
      expect(await (await hide.host()).getAttribute('aria-pressed')).toBe('true');
    }
    expect(await (await (await inputFor('Current password')).host()).getAttribute('autocomplete')).toBe('current-password');
    expect(await (await (await inputFor('New password')).host()).getAttribute('autocomplete')).toBe('new-password');
  });

  it('asks for every field before sending anything, and focuses the first', async () => {
    await submit();

    expect(await errorsOf('Current password')).toEqual(['Enter your current password.']);
    expect(await errorsOf('New password')).toEqual(['Enter a new password.']);
    expect(await errorsOf('Confirm new password')).toEqual(['Enter the new password again.']);
    expect(await (await inputFor('Current password')).isFocused()).toBe(true);
    http.expectNone(URL);
  });

  it('says when the confirmation does not match, and focuses it', async () => {
    await fill(CURRENT, NEW, `${NEW}!`);
    await (await (await submitButton()).host()).focus();
    await submit();

    expect(await errorsOf('Confirm new password')).toEqual(["The passwords don't match."]);
    expect(await (await inputFor('Confirm new password')).isFocused()).toBe(true);
    http.expectNone(URL);

    // Fixing the new password to match clears it.
    await (await inputFor('New password')).setValue(`${NEW}!`);
    expect(await errorsOf('Confirm new password')).toEqual([]);
  });

  it("shows Django's validator messages under the new password and focuses it", async () => {
    await fill(CURRENT, 'password');
    await submit();
    const request = expectChange();
    expect(request.request.body).toEqual({ current_password: CURRENT, new_password: 'password' });
    await flushInvalid(request, {
      new_password: ['This password is too short. It must contain at least 8 characters.', 'This password is too common.'],
    });

    expect(await errorsOf('New password')).toEqual([
      'This password is too short. It must contain at least 8 characters.',
      'This password is too common.',
    ]);
    expect(await errorsOf('Current password')).toEqual([]);
    expect(await (await inputFor('New password')).isFocused()).toBe(true);
    expect(passwordChangedDispatches()).toEqual([]);

    // Editing the field clears the server's verdict on the old value.
    await (await inputFor('New password')).setValue(NEW);
    expect(await errorsOf('New password')).toEqual([]);
  });

  it('shows a wrong current password under that field and focuses it', async () => {
    await fill('not-it', NEW);
    await submit();
    await flushInvalid(expectChange(), { current_password: ['The current password is wrong.'] });

    expect(await errorsOf('Current password')).toEqual(['The current password is wrong.']);
    expect(await (await inputFor('Current password')).isFocused()).toBe(true);
    expect(alertText()).toBe('');
  });

  it('shows progress while busy, keeps the button focusable and never sends twice', async () => {
    await fill(CURRENT, NEW);
    const button = await submitButton();
    await (await button.host()).focus();
    await submit();

    expect(await button.getText()).toBe('Changing password…');
    expect(await (await button.host()).getAttribute('aria-disabled')).toBe('true');
    expect(await (await button.host()).getAttribute('disabled')).toBeNull();
    expect(await (await button.host()).isFocused()).toBe(true);
    await submit();
    expectChange().flush(GRANT);
    await fixture.whenStable();
  });

  it('asks before the page is left while the change is under way', async () => {
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await fill(CURRENT, NEW);
    await submit();
    expect(leave()).toBe(true);
    expectChange().flush(GRANT);
    await fixture.whenStable();
    expect(leave()).toBe(false);
  });

  it('hands the fresh session to the store and says this device stays signed in', async () => {
    await fill(CURRENT, NEW);
    await submit();
    expectChange().flush(GRANT);
    await fixture.whenStable();

    expect(passwordChangedDispatches()).toEqual([
      ChangePasswordPageActions.passwordChanged({
        session: {
          user: USER,
          sessionId: 'session-new',
          rememberMe: true,
          accessExpiresAt: Date.parse(GRANT.access_expires_at),
          refreshExpiresAt: Date.parse(GRANT.refresh_expires_at),
          issuedAt: NOW,
        },
        at: NOW,
      }),
    ]);
    // The token stays in memory, never in the action.
    expect(TestBed.inject(AccessTokenStore).get()).toBe(GRANT.access);
    expect(JSON.stringify(dispatch.mock.calls)).not.toMatch(new RegExp(`${GRANT.access}|${CURRENT}|${NEW}`));

    const done: HTMLElement = fixture.nativeElement.querySelector('section[aria-labelledby]');
    expect(done.textContent).toContain('Password changed');
    expect(done.textContent).toContain("You're still signed in here; every other device has been signed out.");
    expect(document.activeElement?.textContent).toBe('Password changed');
    expect(await loader.getAllHarnesses(MatInputHarness)).toEqual([]);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: 'Done' }))).not.toBeNull();
  });

  for (const [status, message] of [
    [500, 'The server hit an error (500). You are still signed in.'],
    [503, 'The server is temporarily unavailable (503). You are still signed in.'],
    [429, 'Too many requests — wait a moment and try again. You are still signed in.'],
    [0, "Can't reach the server — check your connection. You are still signed in."],
  ] as const) {
    it(`says what went wrong on ${status || 'a network error'} and keeps the form`, async () => {
      await fill(CURRENT, NEW);
      await submit();
      const request = expectChange();
      if (status === 0) request.error(new ProgressEvent('error'), { status: 0, statusText: '' });
      else request.flush({ detail: 'x', code: 'x' }, { status, statusText: 'Error' });
      await fixture.whenStable();

      expect(alertText()).toBe(message);
      expect(await (await inputFor('New password')).getValue()).toBe(NEW);
      expect(await (await submitButton()).isDisabled()).toBe(false);
      expect(passwordChangedDispatches()).toEqual([]);
    });
  }

  it("speaks an app's words from LogoutLensIntl.changePassword, and English where it sets none", async () => {
    TestBed.resetTestingModule();
    await render({ provide: LogoutLensIntl, useClass: AppIntl });
    const heading = (): string => fixture.nativeElement.querySelector('h1').textContent.trim();

    expect(heading()).toBe('Passwort ändern');
    // Words the app leaves out stay English.
    expect(await (await field('New password')).getTextHints()).toEqual(['A long passphrase you use nowhere else works best.']);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ selector: '[aria-label="Show Aktuelles Passwort"]' }))).not.toBeNull();
    await submit();
    expect(await errorsOf('Aktuelles Passwort')).toEqual(['Geben Sie Ihr aktuelles Passwort ein.']);
    expect(await errorsOf('New password')).toEqual(['Enter a new password.']);

    await (await inputFor('Aktuelles Passwort')).setValue(CURRENT);
    await (await inputFor('New password')).setValue(NEW);
    await (await inputFor('Confirm new password')).setValue(NEW);
    await submit();
    expectChange().flush({ detail: 'x', code: 'throttled' }, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    expect(alertText()).toBe('Zu viele Versuche – bitte warten Sie einen Moment.');

    // A change of words at run time shows on the form once `changes` emits.
    const intl = TestBed.inject(LogoutLensIntl);
    intl.changePassword = { ...intl.changePassword, title: 'Kennwort ändern' };
    intl.changes.next();
    await fixture.whenStable();
    expect(heading()).toBe('Kennwort ändern');
  });
});
