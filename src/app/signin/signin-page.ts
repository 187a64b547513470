import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Store } from '@ngrx/store';

import { SignInPageActions } from '../auth/state/auth.actions';
import { LOGOUT_LENS_CONFIG } from '../config/logout-lens.config';
import { LogoutReasonBanner } from '../logout/logout-reason-banner';
import { authFeature } from '../auth/state/auth.feature';
import { signInErrorMessage } from './signin-error-message';

/** The sign-in page: email, password, "Remember me for 20 days". */
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
  ],
  templateUrl: './signin-page.html',
  styleUrl: './signin-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly store = inject(Store);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.maxLength(1024)]],
    rememberMe: [false],
  });
  protected readonly passwordVisible = signal(false);
  protected readonly signingIn = this.store.selectSignal(authFeature.selectIsSigningIn);
  private readonly error = this.store.selectSignal(authFeature.selectSignInError);
  private readonly supportContact = inject(LOGOUT_LENS_CONFIG).supportContact;
  protected readonly errorMessage = computed(() => signInErrorMessage(this.error(), this.supportContact));
  protected readonly fieldErrors = computed(() => {
    const error = this.error();
    return error?.kind === 'invalid-input' ? error.fields : {};
  });

  constructor() {
    // Inputs are locked while a request is under way, so it cannot be submitted twice.
    effect(() => (this.signingIn() ? this.form.disable() : this.form.enable()));
  }

  protected submit(): void {
    if (this.signingIn()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password, rememberMe } = this.form.getRawValue();
    this.store.dispatch(
      SignInPageActions.signInSubmitted({ credentials: { email: email.trim(), password, rememberMe } }),
    );
  }
}
