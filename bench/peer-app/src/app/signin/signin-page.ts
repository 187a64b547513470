import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

import { PeerSession } from '../auth/peer-session';

/** The sign-in page: email, password, "Remember me". */
@Component({
  selector: 'peer-signin-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  template: `
    <main class="signin">
      @if (session.signOutReason(); as reason) {
        <p class="reason" role="status">{{ reason }}</p>
      }
      <mat-card appearance="outlined" class="signin-card">
        <mat-card-header>
          <mat-card-title><h1>Sign in</h1></mat-card-title>
        </mat-card-header>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-card-content>
            <mat-form-field appearance="outline">
              <mat-label>Email</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" required />
              @if (form.controls.email.hasError('required')) {
                <mat-error>Enter your email address.</mat-error>
              } @else if (form.controls.email.hasError('email')) {
                <mat-error>Enter a valid email address.</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Password</mat-label>
              <input
                matInput
                [type]="passwordVisible() ? 'text' : 'password'"
                formControlName="password"
                autocomplete="current-password"
                required
              />
              <button
                mat-icon-button
                matSuffix
                type="button"
                (click)="passwordVisible.set(!passwordVisible())"
                [attr.aria-label]="passwordVisible() ? 'Hide password' : 'Show password'"
              >
                <mat-icon>{{ passwordVisible() ? 'visibility_off' : 'visibility' }}</mat-icon>
              </button>
              @if (form.controls.password.hasError('required')) {
                <mat-error>Enter your password.</mat-error>
              }
            </mat-form-field>
            <mat-checkbox formControlName="rememberMe">Remember me</mat-checkbox>
            <p class="form-error" role="alert">{{ error() }}</p>
          </mat-card-content>
          <mat-card-actions>
            <button mat-flat-button type="submit" [disabled]="busy()">
              @if (busy()) {
                <mat-progress-spinner mode="indeterminate" diameter="20" aria-label="Signing in" />
              } @else {
                Sign in
              }
            </button>
          </mat-card-actions>
        </form>
      </mat-card>
    </main>
  `,
  styles: `
    .signin { min-height: 100%; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 16px; padding: 24px 16px; box-sizing: border-box; }
    .signin-card { width: 100%; max-width: 420px; }
    h1 { margin: 0; font: var(--mat-sys-title-large); }
    mat-card-content { display: flex; flex-direction: column; gap: 4px; padding-top: 16px; }
    .form-error { min-height: 24px; color: var(--mat-sys-error); }
    .reason { max-width: 420px; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-secondary-container); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  protected readonly session = inject(PeerSession);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
    rememberMe: [false],
  });
  protected readonly passwordVisible = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password, rememberMe } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set('');
    this.form.disable();
    try {
      await this.session.signIn(email.trim(), password, rememberMe);
    } catch (err) {
      const status = err instanceof HttpErrorResponse ? err.status : 0;
      this.error.set(
        status === 400 || status === 401
          ? 'Wrong email or password.'
          : 'The server could not be reached. Try again.',
      );
    } finally {
      this.busy.set(false);
      this.form.enable();
    }
  }
}
