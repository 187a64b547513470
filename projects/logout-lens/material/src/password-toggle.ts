import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { LogoutLensIntl } from '@logout-lens/angular';

/**
 * The show/hide button of a password field (`matSuffix` in a `mat-form-field`):
 * `<ll-password-toggle matSuffix [for]="passwordInput" what="password" />`. It switches the input
 * between hidden and shown text and says which it is to assistive technology (`aria-pressed`).
 */
@Component({
  selector: 'll-password-toggle',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <button
      mat-icon-button
      type="button"
      (click)="toggle()"
      [attr.aria-label]="shown() ? intl.hideSecret(what()) : intl.showSecret(what())"
      [attr.aria-pressed]="shown()"
    >
      <mat-icon>{{ shown() ? 'visibility_off' : 'visibility' }}</mat-icon>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordToggle {
  /** The password input it shows and hides. */
  readonly for = input.required<HTMLInputElement>();
  /** What the field holds, in the button's name: "password", "current password". */
  readonly what = input.required<string>();
  protected readonly intl = inject(LogoutLensIntl);
  protected readonly shown = signal(false);

  protected toggle(): void {
    this.shown.update((shown) => !shown);
    this.for().type = this.shown() ? 'text' : 'password';
  }
}
