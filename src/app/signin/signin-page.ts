import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Store } from '@ngrx/store';

import {
  LOGOUT_LENS_CONFIG,
  LastLogoutReason,
  LogoutLens,
  LogoutLensIntl,
  SignInPageActions,
  authFeature,
} from '@logout-lens/angular';
import { LogoutReasonBanner, PasswordToggle } from '@logout-lens/angular/material';
import { DEMO_WORDS } from '../demo/demo-words';
import { signInErrorMessage } from './signin-error-message';

/** The sign-in page: email, password, "Remember me for 20 days" (the server's policy, in its words). */
@Component({
  selector: 'app-signin-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    LogoutReasonBanner,
    PasswordToggle,
  ],
  templateUrl: './signin-page.html',
  styleUrl: './signin-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly store = inject(Store);
  protected readonly words = inject(DEMO_WORDS);
  private readonly lastEmail = inject(LastLogoutReason).currentEmail;

  protected readonly form = inject(NonNullableFormBuilder).group({
    // After a sign-out the account is filled in: signing back in takes only the password.
    email: [this.lastEmail() ?? '', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.maxLength(1024)]],
    rememberMe: [false],
  });
  private readonly lens = inject(LogoutLens);
  private readonly intl = inject(LogoutLensIntl);
  protected readonly rememberMeLabel = computed(() => this.intl.rememberMeLabel(this.lens.policy()?.rememberMeSeconds ?? null));
  protected readonly signingIn = this.store.selectSignal(authFeature.selectIsSigningIn);
  private readonly error = this.store.selectSignal(authFeature.selectSignInError);
  private readonly supportContact = inject(LOGOUT_LENS_CONFIG).supportContact;
  protected readonly errorMessage = computed(() => signInErrorMessage(this.error(), this.supportContact, this.words));
  protected readonly fieldErrors = computed(() => {
    const error = this.error();
    return error?.kind === 'invalid-input' ? error.fields : {};
  });

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  constructor() {
    this.lens.loadPolicy();
    // The sign-out may be recorded just after this page opened (a reload that found it over).
    effect(() => {
      const email = this.lastEmail();
      const field = this.form.controls.email;
      if (email && !field.value && field.pristine) untracked(() => field.setValue(email));
    });
    // Inputs are locked while a request is under way, so it cannot be submitted twice; the
    // button stays focusable (aria-disabled) so focus stays on it.
    effect(() => (this.signingIn() ? this.form.disable() : this.form.enable()));
    // After a refusal, focus goes to the field to fix: the email when the server named it, else
    // the password (wrong credentials); a server or network error leaves focus on the button.
    effect(() => {
      const error = this.error();
      if (this.signingIn() || !error) return;
      untracked(() => {
        if (error.kind === 'invalid-input' && error.fields['email']) this.focus(this.emailInput());
        else if (error.kind === 'invalid-input' || error.kind === 'invalid-credentials') this.focus(this.passwordInput());
      });
    });
  }

  protected submit(): void {
    if (this.signingIn()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus(this.form.controls.email.invalid ? this.emailInput() : this.passwordInput());
      return;
    }
    const { email, password, rememberMe } = this.form.getRawValue();
    this.store.dispatch(
      SignInPageActions.signInSubmitted({ credentials: { email: email.trim(), password, rememberMe } }),
    );
  }

  private focus(input: ElementRef<HTMLInputElement>): void {
    // After the form is enabled again (this runs in the same change detection pass).
    queueMicrotask(() => {
      input.nativeElement.focus();
      if (input === this.passwordInput()) input.nativeElement.select();
    });
  }
}
