import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MemoizedSelector } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';

import { LogoutLens, SessionPolicy, SignInPageActions, authFeature, initialAuthState } from '@logout-lens/angular';
import { SignInPage } from './signin-page';

const POLICY: SessionPolicy = { accessSeconds: 3600, rememberMeSeconds: 20 * 86400, standardSeconds: 7 * 86400 };

describe('SignInPage (Chromium)', () => {
  let store: MockStore;

  // Overridden selectors are module-level memos: reset them so tests stay independent in any order.
  afterEach(() => store?.resetSelectors());

  async function render() {
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideMockStore({ initialState: { auth: { ...initialAuthState, status: 'signed-out' } } }),
        // The server's policy, as LogoutLens holds it once the sign-in page has asked for it.
        { provide: LogoutLens, useValue: { policy: signal(POLICY), loadPolicy: () => undefined } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
    const fixture = TestBed.createComponent(SignInPage);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    return { fixture, loader };
  }

  it('submits email, password and the remember-me choice', async () => {
    const { loader } = await render();
    await (await loader.getHarness(MatInputHarness.with({ selector: '[type=email]' }))).setValue(' dana@example.com ');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete=current-password]' }))).setValue('secret-1');
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Remember me for 20 days' }))).check();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();

    expect(store.dispatch).toHaveBeenCalledOnceWith(
      SignInPageActions.signInSubmitted({
        credentials: { email: 'dana@example.com', password: 'secret-1', rememberMe: true },
      }),
    );
  });

  it('does not submit invalid input and says what to fix', async () => {
    const { loader, fixture } = await render();
    await (await loader.getHarness(MatInputHarness.with({ selector: '[type=email]' }))).setValue('nope');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
    await fixture.whenStable();

    expect(store.dispatch).not.toHaveBeenCalled();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('Enter a valid email address');
    expect(text).toContain('Enter your password.');
  });

  it('shows progress and cannot be submitted twice while signing in', async () => {
    const { loader, fixture } = await render();
    (store as unknown as { overrideSelector: (s: MemoizedSelector<object, boolean>, v: boolean) => void })
      .overrideSelector(authFeature.selectIsSigningIn, true);
    store.refreshState();
    await fixture.whenStable();

    const button = await loader.getHarness(MatButtonHarness.with({ selector: '.submit' }));
    expect(await button.isDisabled()).toBeTrue();
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-progress-spinner')).not.toBeNull();
  });

  it('puts a wrong password into words', async () => {
    const { fixture } = await render();
    store.setState({ auth: { ...initialAuthState, status: 'signed-out', signInError: { kind: 'invalid-credentials' } } });
    await fixture.whenStable();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role=alert]');
    expect(alert?.textContent).toContain('Email or password is wrong.');
  });
});
