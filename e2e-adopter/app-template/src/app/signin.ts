import { Component, inject, signal } from '@angular/core';
import { LogoutLens } from '@logout-lens/angular';
import { LogoutReasonBanner } from '@logout-lens/angular/material';

/** The app's own sign-in page: a plain form, with Logout Lens's banner above it. */
@Component({
  selector: 'app-signin',
  imports: [LogoutReasonBanner],
  template: `
    <ll-logout-reason-banner />
    <h1>Sign in</h1>
    <form (submit)="$event.preventDefault(); submit(email.value, password.value)">
      <p><label>Email <input #email type="email" name="email" autocomplete="username" required /></label></p>
      <p><label>Password <input #password type="password" name="password" autocomplete="current-password" required /></label></p>
      <button type="submit" [disabled]="busy()">Sign in</button>
      @if (error(); as e) { <p role="alert">Sign-in failed: {{ e }}</p> }
    </form>
  `,
})
export class SignInPage {
  private readonly lens = inject(LogoutLens);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(email: string, password: string): void {
    this.busy.set(true);
    this.error.set(null);
    this.lens.signIn({ email, password, rememberMe: false })
      .catch((e: { reason?: { kind: string } }) => this.error.set(e.reason?.kind ?? 'unknown'))
      .finally(() => this.busy.set(false));
  }
}
