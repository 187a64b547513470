import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { finalize, switchMap } from 'rxjs';

import { AUTH_API } from '@logout-lens/angular';
import { authFeature } from '@logout-lens/angular';
import { ChangePasswordPageActions } from '@logout-lens/angular';
import { CLOCK, WINDOW } from '@logout-lens/angular';
import { LogoutLensIntl, intlWords } from '@logout-lens/angular';
import { PasswordToggle } from '../password-toggle';
import { PasswordField, toChangePasswordFailure } from './change-password-failure';
import { ENGLISH_CHANGE_PASSWORD_WORDS } from './change-password-words.en';

type Field = PasswordField | 'confirmation';

/** Fields in the order they appear: a failure focuses the first one to fix. */
const FIELD_ORDER: readonly Field[] = ['currentPassword', 'newPassword', 'confirmation'];

/**
 * Change password: the current password, the new one twice. The server checks the current
 * password and runs Django's password validators; their messages appear under their fields. On
 * success every other session of the user has ended as PASSWORD_CHANGED and this browser holds a
 * fresh one, which goes to the store (and from there to the other tabs).
 */
@Component({
  selector: 'll-change-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatToolbarModule,
    PasswordToggle,
  ],
  templateUrl: './change-password-page.html',
  styleUrl: './change-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  /**
   * Where the back button, "Cancel" and "Done" lead (a router link; the root by default). Router
   * input binding sets it to undefined when the route's data has none, hence the fallback.
   */
  readonly backLink = input<string | undefined>('/');
  protected readonly backTo = computed(() => this.backLink() ?? '/');

  private readonly api$ = inject(AUTH_API);
  private readonly store = inject(Store);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(Injector);
  private readonly win = inject(WINDOW);
  private readonly intl = inject(LogoutLensIntl);
  /** Every word the form shows: the app's (`LogoutLensIntl.changePassword`) where it set them, English for the rest. */
  protected readonly words = intlWords(this.intl, (i) => i.changePassword, ENGLISH_CHANGE_PASSWORD_WORDS);
  private destroyed = false;
  /**
   * While a change is under way, leaving or reloading the page asks first: the server may already
   * have ended every session, and this browser's new one is in the answer still on its way.
   */
  private readonly holdUnload = (event: BeforeUnloadEvent) => event.preventDefault();

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
    confirmation: ['', [Validators.required, (control: AbstractControl) => this.matchesNewPassword(control)]],
  });
  /** Whether a change is under way. */
  protected readonly busy = signal(false);
  /** Whether the password was changed. */
  protected readonly changed = signal(false);
  /** A failure that belongs to no field, in words. */
  protected readonly formError = signal<string | null>(null);
  /** The username of the account, for password managers (a hidden field). */
  protected readonly user = this.store.selectSignal(authFeature.selectUser);

  // Queries are class members of their own: the compiler only sees them there.
  private readonly currentPasswordInput = viewChild<ElementRef<HTMLInputElement>>('currentPasswordInput');
  private readonly newPasswordInput = viewChild<ElementRef<HTMLInputElement>>('newPasswordInput');
  private readonly confirmationInput = viewChild<ElementRef<HTMLInputElement>>('confirmationInput');
  private readonly inputs: Record<Field, () => ElementRef<HTMLInputElement> | undefined> = {
    currentPassword: this.currentPasswordInput,
    newPassword: this.newPasswordInput,
    confirmation: this.confirmationInput,
  };
  private readonly doneHeading = viewChild<ElementRef<HTMLElement>>('doneHeading');

  constructor() {
    // The confirmation is checked again whenever the new password changes.
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmation.updateValueAndValidity());
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  /** The server's messages for a field, set by the last failed attempt until the field is edited. */
  protected serverErrors(field: PasswordField): string[] {
    const errors = this.form.controls[field].getError('server');
    return Array.isArray(errors) ? errors : [];
  }

  protected submit(): void {
    // The button stays focusable while busy (aria-disabled): a second press does nothing.
    if (this.busy()) return;
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus(FIELD_ORDER.find((field) => this.form.controls[field].invalid));
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.win?.addEventListener('beforeunload', this.holdUnload);
    // Not cancelled when the page is left: the answer holds this browser's only live session.
    this.api$
      .pipe(
        switchMap((api) => api.changePassword(currentPassword, newPassword)),
        finalize(() => this.win?.removeEventListener('beforeunload', this.holdUnload)),
      )
      .subscribe({
        next: (session) => {
          this.store.dispatch(ChangePasswordPageActions.passwordChanged({ session, at: this.clock() }));
          this.form.reset();
          this.busy.set(false);
          this.changed.set(true);
          this.afterRender(() => this.doneHeading()?.nativeElement.focus());
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.showFailure(error);
        },
      });
  }

  private showFailure(error: unknown): void {
    const failure = toChangePasswordFailure(error, (status) => this.intl.httpError(status));
    for (const [field, messages] of Object.entries(failure.fields) as [PasswordField, string[]][]) {
      const control = this.form.controls[field];
      control.setErrors({ ...control.errors, server: messages });
      control.markAsTouched();
    }
    this.formError.set(failure.message);
    this.focus(FIELD_ORDER.find((field) => field !== 'confirmation' && failure.fields[field]));
  }

  private focus(field: Field | undefined): void {
    if (field) this.afterRender(() => this.inputs[field]()?.nativeElement.focus());
  }

  private afterRender(fn: () => void): void {
    if (!this.destroyed) afterNextRender(fn, { injector: this.injector });
  }

  private matchesNewPassword(control: AbstractControl): ValidationErrors | null {
    const newPassword = control.parent?.get('newPassword')?.value;
    return control.value && newPassword !== undefined && control.value !== newPassword ? { mismatch: true } : null;
  }
}
